/**
 * Vote (key 52), the voter's side: one vote per epoch, persisted before it is answered, and
 * only for a candidate whose log is at least as up to date as this one's — last epoch
 * first, then end offset (Raft §5.4.1). A candidate from a newer epoch moves this node to
 * that epoch first, even when the vote is refused.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { VoteRequest } from "../../protocol/generated/messages/vote-request.ts";
import type { VoteResponse } from "../../protocol/generated/messages/vote-response.ts";
import { isSameCluster, validateVoterOnlyRequest } from "./common-checks.ts";
import { METADATA_PARTITION, METADATA_TOPIC_NAME } from "./metadata-partition.ts";
import type { RaftCore } from "./raft-core.ts";

function topLevelError(errorCode: number): VoteResponse {
  return { errorCode, topics: [], nodeEndpoints: [] };
}

function answer(core: RaftCore, errorCode: number, voteGranted: boolean): VoteResponse {
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
            voteGranted,
          },
        ],
      },
    ],
    nodeEndpoints: [],
  };
}

/** Is the candidate's log (its last epoch and end offset) at least as up to date as this node's? */
export function isCandidateLogUpToDate(
  candidate: { lastEpoch: number; endOffset: bigint },
  local: { lastEpoch: number; endOffset: bigint },
): boolean {
  if (candidate.lastEpoch !== local.lastEpoch) return candidate.lastEpoch > local.lastEpoch;
  return candidate.endOffset >= local.endOffset;
}

export async function handleVoteRequest(
  core: RaftCore,
  request: VoteRequest,
  version: number,
): Promise<VoteResponse> {
  if (!isSameCluster(core, request.clusterId))
    return topLevelError(ErrorCode.INCONSISTENT_CLUSTER_ID);
  const topic = request.topics[0];
  const partition = topic?.partitions[0];
  if (request.topics.length !== 1 || topic!.partitions.length !== 1 || partition === undefined)
    return topLevelError(ErrorCode.INVALID_REQUEST);
  if (topic!.topicName !== METADATA_TOPIC_NAME || partition.partitionIndex !== METADATA_PARTITION)
    return topLevelError(ErrorCode.INVALID_REQUEST);
  return core.tasks.run(async () => {
    if (core.closed) return topLevelError(ErrorCode.BROKER_NOT_AVAILABLE);
    if (version >= 1 && request.voterId >= 0 && request.voterId !== core.nodeId)
      return answer(core, ErrorCode.INVALID_VOTER_KEY, false);
    const error = validateVoterOnlyRequest(core, partition.candidateId, partition.candidateEpoch);
    if (error !== ErrorCode.NONE) return answer(core, error, false);
    const quorum = core.quorum;
    if (partition.candidateEpoch > quorum.epoch)
      await quorum.transitionToUnattached(partition.candidateEpoch);
    const logIsUpToDate = isCandidateLogUpToDate(
      { lastEpoch: partition.lastOffsetEpoch, endOffset: partition.lastOffset },
      { lastEpoch: core.log.lastFetchedEpoch, endOffset: core.log.endOffset },
    );
    const granted = quorum.canGrantVote(partition.candidateId, logIsUpToDate);
    if (granted && quorum.state.role === "unattached")
      await quorum.transitionToVoted(quorum.epoch, partition.candidateId);
    return answer(core, ErrorCode.NONE, granted);
  });
}
