/**
 * BeginQuorumEpoch (key 53) and EndQuorumEpoch (key 54). A new leader announces its epoch
 * to every voter until each has acknowledged it (or fetched from it). A resigning leader
 * tells the voters its epoch is over, listing the most caught-up voters first: the first
 * one starts an election at once, the others after a growing backoff, so the most
 * up-to-date voter is most likely to win (KIP-595).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { BeginQuorumEpochRequest } from "../../protocol/generated/messages/begin-quorum-epoch-request.ts";
import type { BeginQuorumEpochResponse } from "../../protocol/generated/messages/begin-quorum-epoch-response.ts";
import type { EndQuorumEpochRequest } from "../../protocol/generated/messages/end-quorum-epoch-request.ts";
import type { EndQuorumEpochResponse } from "../../protocol/generated/messages/end-quorum-epoch-response.ts";
import { ZERO_UUID } from "../../protocol/primitives/uuid.ts";
import { handleCommonResponse, isSameCluster, validateVoterOnlyRequest } from "./common-checks.ts";
import type { LeaderState } from "./leader-state.ts";
import { METADATA_PARTITION, METADATA_TOPIC_NAME, SENT_VERSIONS } from "./metadata-partition.ts";
import type { PeerResult } from "./peer-requests.ts";
import type { EpochState } from "./quorum-state.ts";
import { ELECTION_BACKOFF_BASE_MS } from "./raft-config.ts";
import type { RaftCore } from "./raft-core.ts";

type QuorumEpochResponse = BeginQuorumEpochResponse | EndQuorumEpochResponse;
type ResignedState = Extract<EpochState, { role: "resigned" }>;

function topLevelError(errorCode: number): QuorumEpochResponse {
  return { errorCode, topics: [], nodeEndpoints: [] };
}

function answer(core: RaftCore, errorCode: number): QuorumEpochResponse {
  return {
    errorCode: ErrorCode.NONE,
    topics: [
      {
        topicName: METADATA_TOPIC_NAME,
        partitions: [
          {
            partitionIndex: METADATA_PARTITION,
            errorCode,
            leaderId: core.quorum.leaderId,
            leaderEpoch: core.quorum.epoch,
          },
        ],
      },
    ],
    nodeEndpoints: [],
  };
}

type PartitionOf<
  R extends { topics: { topicName: string; partitions: { partitionIndex: number }[] }[] },
> = R["topics"][number]["partitions"][number];

/** The request's one metadata partition, or the top-level error to answer with. */
function metadataPartition<
  R extends {
    clusterId: string | null;
    topics: { topicName: string; partitions: { partitionIndex: number }[] }[];
  },
>(core: RaftCore, request: R): PartitionOf<R> | QuorumEpochResponse {
  if (!isSameCluster(core, request.clusterId))
    return topLevelError(ErrorCode.INCONSISTENT_CLUSTER_ID);
  const topic = request.topics[0];
  const partition = topic?.partitions[0];
  if (
    request.topics.length !== 1 ||
    topic === undefined ||
    topic.partitions.length !== 1 ||
    partition === undefined
  )
    return topLevelError(ErrorCode.INVALID_REQUEST);
  if (topic.topicName !== METADATA_TOPIC_NAME || partition.partitionIndex !== METADATA_PARTITION)
    return topLevelError(ErrorCode.INVALID_REQUEST);
  return partition as PartitionOf<R>;
}

function isResponse(value: object): value is QuorumEpochResponse {
  return "nodeEndpoints" in value;
}

export async function handleBeginQuorumEpoch(
  core: RaftCore,
  request: BeginQuorumEpochRequest,
): Promise<BeginQuorumEpochResponse> {
  const partition = metadataPartition(core, request);
  if (isResponse(partition)) return partition;
  return core.tasks.run(async () => {
    if (core.closed) return topLevelError(ErrorCode.BROKER_NOT_AVAILABLE);
    const error = validateVoterOnlyRequest(core, partition.leaderId, partition.leaderEpoch);
    if (error !== ErrorCode.NONE) return answer(core, error);
    await core.maybeTransition(partition.leaderId, partition.leaderEpoch);
    return answer(core, ErrorCode.NONE);
  });
}

export async function handleEndQuorumEpoch(
  core: RaftCore,
  request: EndQuorumEpochRequest,
  version: number,
): Promise<EndQuorumEpochResponse> {
  const partition = metadataPartition(core, request);
  if (isResponse(partition)) return partition;
  return core.tasks.run(async () => {
    if (core.closed) return topLevelError(ErrorCode.BROKER_NOT_AVAILABLE);
    const error = validateVoterOnlyRequest(core, partition.leaderId, partition.leaderEpoch);
    if (error !== ErrorCode.NONE) return answer(core, error);
    await core.maybeTransition(partition.leaderId, partition.leaderEpoch);
    const state = core.quorum.state;
    if (state.role === "follower" && state.leaderId === partition.leaderId) {
      const successors =
        version >= 1
          ? partition.preferredCandidates.map((candidate) => candidate.candidateId)
          : partition.preferredSuccessors;
      // Stop waiting for the departed leader: elect after a backoff that favours its listed successors.
      state.fetchDeadlineMs = core.now() + endEpochElectionBackoffMs(core, successors);
    }
    return answer(core, ErrorCode.NONE);
  });
}

/** The first successor elects at once; later ones wait 100 ms, 200 ms, 400 ms…; unlisted ones the most. */
export function endEpochElectionBackoffMs(core: RaftCore, successors: readonly number[]): number {
  const position = successors.indexOf(core.nodeId);
  if (position === 0) return 0;
  if (position < 0) return core.config.electionBackoffMaxMs;
  return Math.min(ELECTION_BACKOFF_BASE_MS * 2 ** (position - 1), core.config.electionBackoffMaxMs);
}

export function sendBeginQuorumEpochs(core: RaftCore, leader: LeaderState): void {
  const now = core.now();
  for (const voter of leader.unacknowledgedVoters) {
    if (!core.peers.isReady(voter, ApiKey.BeginQuorumEpoch, now)) continue;
    const request: BeginQuorumEpochRequest = {
      clusterId: core.options.clusterId,
      voterId: voter,
      topics: [
        {
          topicName: METADATA_TOPIC_NAME,
          partitions: [
            {
              partitionIndex: METADATA_PARTITION,
              voterDirectoryId: ZERO_UUID,
              leaderId: core.nodeId,
              leaderEpoch: leader.epoch,
            },
          ],
        },
      ],
      leaderEndpoints: [],
    };
    void core.peers
      .send<BeginQuorumEpochResponse>(
        voter,
        ApiKey.BeginQuorumEpoch,
        SENT_VERSIONS[ApiKey.BeginQuorumEpoch],
        request,
      )
      .then((result) =>
        core.runDetached("begin quorum epoch response", () =>
          handleEpochResponse(core, voter, ApiKey.BeginQuorumEpoch, result, () => {
            const state = core.quorum.state;
            if (state.role === "leader" && state.epoch === leader.epoch)
              state.leader.unacknowledgedVoters.delete(voter);
          }),
        ),
      );
  }
}

/** Returns when each EndQuorumEpoch sent now has been answered (or failed), for a graceful resign. */
export function sendEndQuorumEpochs(core: RaftCore, state: ResignedState): Promise<void>[] {
  const now = core.now();
  const settled: Promise<void>[] = [];
  for (const voter of state.unacknowledged) {
    if (!core.peers.isReady(voter, ApiKey.EndQuorumEpoch, now)) continue;
    const request: EndQuorumEpochRequest = {
      clusterId: core.options.clusterId,
      topics: [
        {
          topicName: METADATA_TOPIC_NAME,
          partitions: [
            {
              partitionIndex: METADATA_PARTITION,
              leaderId: core.nodeId,
              leaderEpoch: state.epoch,
              preferredSuccessors: state.successors,
              preferredCandidates: state.successors.map((candidateId) => ({
                candidateId,
                candidateDirectoryId: ZERO_UUID,
              })),
            },
          ],
        },
      ],
      leaderEndpoints: [],
    };
    const sent = core.peers
      .send<EndQuorumEpochResponse>(
        voter,
        ApiKey.EndQuorumEpoch,
        SENT_VERSIONS[ApiKey.EndQuorumEpoch],
        request,
      )
      .then((result) =>
        core.runDetached("end quorum epoch response", () =>
          handleEpochResponse(core, voter, ApiKey.EndQuorumEpoch, result, () =>
            state.unacknowledged.delete(voter),
          ),
        ),
      );
    settled.push(sent);
  }
  return settled;
}

async function handleEpochResponse(
  core: RaftCore,
  voter: number,
  apiKey: number,
  result: PeerResult<QuorumEpochResponse>,
  acknowledged: () => void,
): Promise<void> {
  const now = core.now();
  const partition = result.ok ? result.response.topics[0]?.partitions[0] : undefined;
  if (!result.ok || result.response.errorCode !== ErrorCode.NONE || partition === undefined) {
    core.peers.backOff(voter, apiKey, now);
    return;
  }
  const handled = await handleCommonResponse(
    core,
    partition.errorCode,
    partition.leaderId,
    partition.leaderEpoch,
  );
  if (partition.errorCode !== ErrorCode.NONE) core.peers.backOff(voter, apiKey, now);
  if (!handled && partition.errorCode === ErrorCode.NONE) acknowledged();
}
