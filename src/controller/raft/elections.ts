/**
 * Elections, the candidate's side (KIP-595): a candidate moves to the next epoch, votes
 * for itself, asks every other voter, and leads once a majority granted. A new leader
 * first appends a LeaderChangeMessage in its epoch, whose commit opens the epoch for the
 * high watermark. An election that times out or is rejected by a majority backs off
 * (binary exponential, up to controller.quorum.election.backoff.max.ms) and tries again.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { VoteRequest } from "../../protocol/generated/messages/vote-request.ts";
import type { VoteResponse } from "../../protocol/generated/messages/vote-response.ts";
import { ZERO_UUID } from "../../protocol/primitives/uuid.ts";
import { handleCommonResponse } from "./common-checks.ts";
import { leaderChangeBatch } from "./control-records.ts";
import { METADATA_PARTITION, METADATA_TOPIC_NAME, SENT_VERSIONS } from "./metadata-partition.ts";
import type { PeerResult } from "./peer-requests.ts";
import type { EpochState } from "./quorum-state.ts";
import { ELECTION_BACKOFF_BASE_MS } from "./raft-config.ts";
import type { RaftCore } from "./raft-core.ts";

type CandidateState = Extract<EpochState, { role: "candidate" }>;

/** Past this many lost elections the backoff's random range stops growing (and cannot overflow). */
const MAX_BACKOFF_DOUBLINGS = 20;

export async function becomeCandidate(core: RaftCore): Promise<void> {
  await core.quorum.transitionToCandidate();
  await maybeBecomeLeader(core);
}

/** A candidate with a majority of votes (at once, for a single voter) becomes the leader. */
export async function maybeBecomeLeader(core: RaftCore): Promise<void> {
  const state = core.quorum.state;
  if (state.role !== "candidate" || state.granted.size < core.quorum.majority) return;
  const log = core.log;
  const grantingVoters = [...state.granted].sort((a, b) => a - b);
  const leader = await core.quorum.transitionToLeader(log.endOffset);
  const batch = leaderChangeBatch({
    leaderId: core.nodeId,
    voters: core.quorum.voters,
    grantingVoters,
    epoch: leader.epoch,
    nowMs: core.now(),
  });
  const appended = await log.appendAsLeader(batch, leader.epoch, core.now());
  if (!appended.ok) {
    // A leader that cannot write cannot lead: step down so another voter can.
    core.report("leader change message", appended.message, appended.errorCode);
    await core.quorum.transitionToResigned(leader.nonLeaderVotersByDescendingEndOffset());
    return;
  }
  core.afterLeaderProgress(leader.updateLocalEndOffset(log.endOffset, core.now()));
}

/** KafkaRaftClient's binaryExponentialElectionBackoffMs. */
export function electionBackoffMs(core: RaftCore, retries: number): number {
  const doublings = Math.min(Math.max(retries, 1), MAX_BACKOFF_DOUBLINGS);
  const slots = 2 ** doublings;
  const backoff = ELECTION_BACKOFF_BASE_MS * Math.floor(core.options.random() * slots);
  return Math.min(backoff, core.config.electionBackoffMaxMs);
}

export function startBackingOff(core: RaftCore, state: CandidateState): void {
  if (state.backoffUntilMs === null)
    state.backoffUntilMs = core.now() + electionBackoffMs(core, state.retries);
}

export function sendVoteRequests(core: RaftCore, state: CandidateState): void {
  const now = core.now();
  const log = core.log;
  for (const voter of core.quorum.otherVoters()) {
    if (
      state.granted.has(voter) ||
      state.rejected.has(voter) ||
      !core.peers.isReady(voter, ApiKey.Vote, now)
    )
      continue;
    const request: VoteRequest = {
      clusterId: core.options.clusterId,
      voterId: voter,
      topics: [
        {
          topicName: METADATA_TOPIC_NAME,
          partitions: [
            {
              partitionIndex: METADATA_PARTITION,
              candidateEpoch: state.epoch,
              candidateId: core.nodeId,
              candidateDirectoryId: ZERO_UUID,
              voterDirectoryId: ZERO_UUID,
              lastOffsetEpoch: log.lastFetchedEpoch,
              lastOffset: log.endOffset,
            },
          ],
        },
      ],
    };
    const generation = core.quorum.generation;
    void core.peers
      .send<VoteResponse>(voter, ApiKey.Vote, SENT_VERSIONS[ApiKey.Vote], request)
      .then((result) =>
        core.runDetached("vote response", () =>
          handleVoteResponse(core, voter, generation, result),
        ),
      );
  }
}

async function handleVoteResponse(
  core: RaftCore,
  voter: number,
  generation: number,
  result: PeerResult<VoteResponse>,
): Promise<void> {
  const now = core.now();
  if (!result.ok) {
    core.peers.backOff(voter, ApiKey.Vote, now);
    return;
  }
  const response = result.response;
  const partition = response.topics[0]?.partitions[0];
  if (response.errorCode !== ErrorCode.NONE || partition === undefined) {
    if (response.errorCode === ErrorCode.INCONSISTENT_CLUSTER_ID)
      core.report("vote", `node ${voter} is in another cluster`, response.errorCode);
    core.peers.backOff(voter, ApiKey.Vote, now);
    return;
  }
  const handled = await handleCommonResponse(
    core,
    partition.errorCode,
    partition.leaderId,
    partition.leaderEpoch,
  );
  if (partition.errorCode !== ErrorCode.NONE) core.peers.backOff(voter, ApiKey.Vote, now);
  if (handled || partition.errorCode !== ErrorCode.NONE) return;
  const state = core.quorum.state;
  if (
    state.role !== "candidate" ||
    core.quorum.generation !== generation ||
    partition.leaderEpoch !== state.epoch
  )
    return;
  if (partition.voteGranted) {
    state.granted.add(voter);
    await maybeBecomeLeader(core);
  } else {
    state.rejected.add(voter);
    // Lost for sure once too many said no: back off now rather than wait out the timeout.
    if (state.rejected.size > core.quorum.voters.length - core.quorum.majority)
      startBackingOff(core, state);
  }
}
