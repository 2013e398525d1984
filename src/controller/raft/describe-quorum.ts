/**
 * DescribeQuorum (key 55), answered by the leader: its epoch and high watermark, and for
 * each voter and observer its end offset and when it last fetched and was last caught up
 * (what `kafka-metadata-quorum describe --status/--replication` prints). Other nodes
 * answer NOT_LEADER_OR_FOLLOWER.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeQuorumRequest } from "../../protocol/generated/messages/describe-quorum-request.ts";
import type {
  DescribeQuorumResponse,
  DescribeQuorumResponsePartitionData,
  DescribeQuorumResponseReplicaState,
} from "../../protocol/generated/messages/describe-quorum-response.ts";
import { ZERO_UUID } from "../../protocol/primitives/uuid.ts";
import type { ReplicaState } from "./leader-state.ts";
import { METADATA_PARTITION, METADATA_TOPIC_NAME } from "./metadata-partition.ts";
import type { RaftCore } from "./raft-core.ts";

function replicaAnswer(state: ReplicaState): DescribeQuorumResponseReplicaState {
  return {
    replicaId: state.nodeId,
    replicaDirectoryId: ZERO_UUID,
    logEndOffset: state.endOffset,
    lastFetchTimestamp: BigInt(state.lastFetchTimestamp),
    lastCaughtUpTimestamp: BigInt(state.lastCaughtUpTimestamp),
  };
}

function partitionError(
  partitionIndex: number,
  errorCode: number,
  leaderId = -1,
  leaderEpoch = -1,
): DescribeQuorumResponsePartitionData {
  return {
    partitionIndex,
    errorCode,
    errorMessage: null,
    leaderId,
    leaderEpoch,
    highWatermark: -1n,
    currentVoters: [],
    observers: [],
  };
}

function answer(
  topicName: string,
  partitions: DescribeQuorumResponsePartitionData[],
): DescribeQuorumResponse {
  return {
    errorCode: ErrorCode.NONE,
    errorMessage: null,
    topics: [{ topicName, partitions }],
    nodes: [],
  };
}

export async function handleDescribeQuorum(
  core: RaftCore,
  request: DescribeQuorumRequest,
): Promise<DescribeQuorumResponse> {
  const topic = request.topics[0];
  const partition = topic?.partitions[0];
  if (
    request.topics.length !== 1 ||
    topic === undefined ||
    topic.partitions.length !== 1 ||
    partition === undefined
  ) {
    return {
      errorCode: ErrorCode.INVALID_REQUEST,
      errorMessage: "DescribeQuorum names exactly one partition",
      topics: [],
      nodes: [],
    };
  }
  if (topic.topicName !== METADATA_TOPIC_NAME || partition.partitionIndex !== METADATA_PARTITION) {
    return answer(topic.topicName, [
      partitionError(partition.partitionIndex, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION),
    ]);
  }
  return core.tasks.run(() => {
    const leader = core.closed ? null : core.leaderState;
    if (leader === null) {
      const known = !core.closed;
      return answer(METADATA_TOPIC_NAME, [
        partitionError(
          METADATA_PARTITION,
          ErrorCode.NOT_LEADER_OR_FOLLOWER,
          known ? core.quorum.leaderId : -1,
          known ? core.quorum.epoch : -1,
        ),
      ]);
    }
    const now = core.now();
    leader.expireObservers(now);
    const observers = [...leader.observerStates.values()].sort((a, b) => a.nodeId - b.nodeId);
    return answer(METADATA_TOPIC_NAME, [
      {
        partitionIndex: METADATA_PARTITION,
        errorCode: ErrorCode.NONE,
        errorMessage: null,
        leaderId: core.nodeId,
        leaderEpoch: leader.epoch,
        highWatermark: leader.highWatermark ?? -1n,
        currentVoters: core.quorum.voters.map((voter) => {
          const state = leader.voterStates.get(voter)!;
          // The leader is always caught up with itself: its times are now.
          return replicaAnswer(
            voter === core.nodeId
              ? { ...state, lastFetchTimestamp: now, lastCaughtUpTimestamp: now }
              : state,
          );
        }),
        observers: observers.map(replicaAnswer),
      },
    ]);
  });
}
