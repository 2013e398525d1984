/**
 * How the coordinator writes its records: one batch appended to its __consumer_offsets
 * partition through the leader's normal append path with acks=all, answered once the HW
 * has passed it (Kafka's coordinator appends with required acks -1 and
 * offsets.commit.timeout.ms). A write is refused when the partition is no longer led by
 * this broker in the epoch the coordinator loaded it in: the state it was about to record
 * belongs to a coordinator that no longer exists. The append's error codes are then turned
 * into the ones Kafka's group APIs answer with.
 */
import type { Clock } from "../../client/clock.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { encodeRecordBatch } from "../../protocol/records/record-batch-encoder.ts";
import { waitForReplication, type PendingAppend } from "../replica/delayed-produce.ts";
import { appendToLeader } from "../replica/leader-append.ts";
import type { ReplicaManager } from "../replica/replica-manager.ts";
import type { EncodedRecord } from "./coordinator-records.ts";
import type { GroupCoordinatorConfig } from "./group-coordinator-config.ts";
import { OFFSETS_TOPIC } from "./offsets-topic.ts";

export interface WriteOutcome {
  /** The append's own error code (NONE when the records are below the HW). */
  errorCode: number;
  /** Offset of the first record written, for ordering commits that raced. */
  baseOffset: bigint;
}

export class CoordinatorWriter {
  constructor(
    private readonly replicas: ReplicaManager,
    private readonly clock: Clock,
    private readonly config: GroupCoordinatorConfig,
  ) {}

  async write(
    partitionIndex: number,
    coordinatorEpoch: number,
    records: readonly EncodedRecord[],
  ): Promise<WriteOutcome> {
    const partition = this.replicas.partition(OFFSETS_TOPIC, partitionIndex);
    if (
      partition === undefined ||
      partition.role !== "leader" ||
      partition.leaderEpoch !== coordinatorEpoch
    )
      return { errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER, baseOffset: -1n };
    const timestamp = BigInt(Math.floor(this.clock.nowMs()));
    const batch = encodeRecordBatch({
      records: records.map(({ key, value }) => ({ key, value, timestamp })),
      compression: this.config.offsetsTopicCompression,
    });
    if (!batch.ok) return { errorCode: batch.error.errorCode, baseOffset: -1n };
    const outcome = await appendToLeader(this.replicas, partition, batch.value, -1);
    // Wake what waits on the partition (followers' parked fetches), as Produce does.
    this.replicas.partitionChanged(partition);
    const pending: PendingAppend = { partition, leaderEpoch: coordinatorEpoch, outcome };
    await waitForReplication(this.replicas, [pending], this.config.offsetCommitTimeoutMs);
    return { errorCode: pending.outcome.errorCode, baseOffset: outcome.baseOffset };
  }
}

/** An append error as OffsetCommit answers it (GroupMetadataManager.storeOffsets). */
export function offsetCommitError(appendError: number): number {
  switch (appendError) {
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case ErrorCode.NOT_ENOUGH_REPLICAS:
    case ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case ErrorCode.REQUEST_TIMED_OUT:
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    case ErrorCode.NOT_LEADER_OR_FOLLOWER:
    case ErrorCode.KAFKA_STORAGE_ERROR:
      return ErrorCode.NOT_COORDINATOR;
    case ErrorCode.MESSAGE_TOO_LARGE:
    case ErrorCode.RECORD_LIST_TOO_LARGE:
    case ErrorCode.INVALID_FETCH_SIZE:
      return ErrorCode.INVALID_COMMIT_OFFSET_SIZE;
    default:
      return appendError;
  }
}

/**
 * An append error as a group write answers it (GroupMetadataManager.storeGroup): a
 * timed-out write of the assignment sends the members back to JoinGroup.
 */
export function groupStoreError(appendError: number): number {
  switch (appendError) {
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case ErrorCode.NOT_ENOUGH_REPLICAS:
    case ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND:
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    case ErrorCode.NOT_LEADER_OR_FOLLOWER:
    case ErrorCode.KAFKA_STORAGE_ERROR:
      return ErrorCode.NOT_COORDINATOR;
    case ErrorCode.REQUEST_TIMED_OUT:
      return ErrorCode.REBALANCE_IN_PROGRESS;
    case ErrorCode.MESSAGE_TOO_LARGE:
    case ErrorCode.RECORD_LIST_TOO_LARGE:
    case ErrorCode.INVALID_FETCH_SIZE:
      return ErrorCode.UNKNOWN_SERVER_ERROR;
    default:
      return appendError;
  }
}
