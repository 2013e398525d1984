/**
 * Checks every quorum request and answer goes through, as KafkaRaftClient makes them: the
 * cluster id, the one metadata partition, whether the sender may speak for its epoch, and
 * what an answer's epoch and leader say about the state this node should be in.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { RaftCore } from "./raft-core.ts";

/** A request from another cluster must not touch this quorum (a null id is an old client's). */
export function isSameCluster(core: RaftCore, clusterId: string | null): boolean {
  return clusterId === null || clusterId === core.options.clusterId;
}

/** Requests only a voter may send to a voter (Vote, BeginQuorumEpoch, EndQuorumEpoch). */
export function validateVoterOnlyRequest(
  core: RaftCore,
  remoteId: number,
  requestEpoch: number,
): number {
  if (requestEpoch < core.quorum.epoch) return ErrorCode.FENCED_LEADER_EPOCH;
  if (remoteId < 0) return ErrorCode.INVALID_REQUEST;
  if (!core.isVoter(core.nodeId) || !core.isVoter(remoteId))
    return ErrorCode.INCONSISTENT_VOTER_SET;
  return ErrorCode.NONE;
}

/** Requests only the leader answers (Fetch), checked against the fetcher's idea of the epoch. */
export function validateLeaderOnlyRequest(core: RaftCore, requestEpoch: number): number {
  const quorum = core.quorum;
  if (requestEpoch < quorum.epoch) return ErrorCode.FENCED_LEADER_EPOCH;
  if (requestEpoch > quorum.epoch) return ErrorCode.UNKNOWN_LEADER_EPOCH;
  if (quorum.state.role !== "leader") return ErrorCode.NOT_LEADER_OR_FOLLOWER;
  if (core.stopped) return ErrorCode.BROKER_NOT_AVAILABLE;
  return ErrorCode.NONE;
}

/**
 * Kafka's maybeHandleCommonResponse: an answer's epoch and leader may move this node to a
 * newer epoch or tell it the leader of this one. Returns true when the answer was about
 * the epoch only and its caller should not look further.
 */
export async function handleCommonResponse(
  core: RaftCore,
  errorCode: number,
  leaderId: number,
  epoch: number,
): Promise<boolean> {
  const quorum = core.quorum;
  if (epoch < quorum.epoch || errorCode === ErrorCode.UNKNOWN_LEADER_EPOCH) return true;
  if (
    epoch > quorum.epoch ||
    errorCode === ErrorCode.FENCED_LEADER_EPOCH ||
    errorCode === ErrorCode.NOT_LEADER_OR_FOLLOWER
  ) {
    await core.maybeTransition(leaderId, epoch);
    return true;
  }
  if (epoch === quorum.epoch && leaderId >= 0 && leaderId !== core.nodeId && !quorum.hasLeader) {
    // Learning the leader and taking its answer in one go lets an observer find the leader and fetch at once.
    await quorum.transitionToFollower(epoch, leaderId);
  }
  return false;
}
