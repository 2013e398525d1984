/**
 * The Produce path on a partition leader: Kafka's checks in Kafka's order, then the
 * append. One Produce batch per partition (Kafka requires exactly one for magic v2),
 * min.insync.replicas before appending with acks=all, the idempotent producer's sequence
 * check (a duplicate is answered with the offsets it got the first time, not appended
 * again), keys on compacted topics. Appends to one partition run one at a time so that a
 * sequence check and its append can never interleave with another producer's.
 */
import { SerialQueue } from "../../log/serial-queue.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  readRecordBatchHeader,
  type RecordBatchHeader,
} from "../../protocol/records/batch-header.ts";
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import type { Partition } from "./partition.ts";
import type { ReplicaManager } from "./replica-manager.ts";

export interface AppendOutcome {
  errorCode: number;
  errorMessage: string | null;
  baseOffset: bigint;
  /** Offset of the last record appended; the HW must pass it for acks=all. */
  lastOffset: bigint;
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
}

const queues = new WeakMap<Partition, SerialQueue>();

export function appendFailure(
  errorCode: number,
  errorMessage: string | null,
  logStartOffset = -1n,
): AppendOutcome {
  return {
    errorCode,
    errorMessage,
    baseOffset: -1n,
    lastOffset: -1n,
    logAppendTimeMs: -1n,
    logStartOffset,
  };
}

/**
 * Appends one partition's batch as its leader. The partition's waiters (a follower's
 * parked Fetch, acks=all Produces) are not woken here: the caller wakes them with
 * `manager.partitionChanged` once all of its request's appends are done, as Kafka's
 * ReplicaManager completes delayed operations after the request is handled. A parked
 * follower Fetch then answers once with every partition the Produce appended to.
 */
export function appendToLeader(
  manager: ReplicaManager,
  partition: Partition,
  records: Uint8Array | null,
  requiredAcks: number,
): Promise<AppendOutcome> {
  let queue = queues.get(partition);
  if (queue === undefined) queues.set(partition, (queue = new SerialQueue()));
  return queue.run(() => append(manager, partition, records, requiredAcks));
}

async function append(
  manager: ReplicaManager,
  partition: Partition,
  records: Uint8Array | null,
  requiredAcks: number,
): Promise<AppendOutcome> {
  // Kafka finds an offline replica before anything else (getPartitionOrException).
  if (partition.log.isOffline) {
    return appendFailure(
      ErrorCode.KAFKA_STORAGE_ERROR,
      `the log dir of ${partition.key} on broker ${manager.nodeId} is offline`,
    );
  }
  if (partition.role !== "leader") {
    return appendFailure(
      ErrorCode.NOT_LEADER_OR_FOLLOWER,
      `broker ${manager.nodeId} is not the leader of ${partition.key}`,
    );
  }
  const batch = singleBatch(records);
  if ("errorCode" in batch) return batch;
  const config = manager.topicConfig(partition.topic);
  const minInsync = Number(config.get("min.insync.replicas"));
  if (requiredAcks === -1 && partition.isr.length < minInsync) {
    return appendFailure(
      ErrorCode.NOT_ENOUGH_REPLICAS,
      `${partition.key} has ${partition.isr.length} in-sync replica(s), fewer than min.insync.replicas=${minInsync}`,
    );
  }
  if (batch.isTransactional) {
    return appendFailure(
      ErrorCode.INVALID_RECORD,
      "transactions are not supported by this playground yet",
    );
  }
  if (config.get("cleanup.policy")!.includes("compact")) {
    const problem = nullKeyProblem(records!, partition.key);
    if (problem !== null) return appendFailure(ErrorCode.INVALID_RECORD, problem);
  }
  const identity = {
    producerId: batch.producerId,
    producerEpoch: batch.producerEpoch,
    baseSequence: batch.baseSequence,
    lastSequence: batch.lastSequence,
    isTransactional: batch.isTransactional,
  };
  const check = partition.producers.check(identity);
  if (check.kind === "error")
    return appendFailure(check.errorCode, check.message, partition.log.logStartOffset);
  if (check.kind === "duplicate") {
    return {
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      baseOffset: check.firstOffset,
      lastOffset: check.lastOffset,
      logAppendTimeMs: -1n,
      logStartOffset: partition.log.logStartOffset,
    };
  }
  const now = manager.options.clock.nowMs();
  const segmentsBefore = partition.log.segmentCount;
  const result = await partition.log.appendAsLeader(
    records!,
    partition.leaderEpoch,
    BigInt(Math.floor(now)),
  );
  if (!result.ok)
    return appendFailure(result.errorCode, result.message, partition.log.logStartOffset);
  const timestamp = result.logAppendTimeMs >= 0n ? result.logAppendTimeMs : batch.maxTimestamp;
  partition.producers.recordAppended(
    identity,
    result.firstOffset,
    result.lastOffset,
    timestamp,
    now,
  );
  await manager.afterAppend(partition, segmentsBefore, result, records!.length);
  // The records are in the log, but the producer snapshot of the roll was not written: as in
  // Kafka, whose roll fails the append, nothing is acknowledged.
  if (partition.log.isOffline) {
    return appendFailure(
      ErrorCode.KAFKA_STORAGE_ERROR,
      `the log dir of ${partition.key} went offline during the append`,
      partition.log.logStartOffset,
    );
  }
  partition.maybeIncrementHighWatermark(now, manager.replicaLagTimeMaxMs);
  manager.emitOffsets(partition);
  return {
    errorCode: ErrorCode.NONE,
    errorMessage: null,
    baseOffset: result.firstOffset,
    lastOffset: result.lastOffset,
    logAppendTimeMs: result.logAppendTimeMs,
    logStartOffset: result.logStartOffset,
  };
}

function singleBatch(records: Uint8Array | null): RecordBatchHeader | AppendOutcome {
  if (records === null || records.length === 0)
    return appendFailure(ErrorCode.INVALID_RECORD, "the produce request has no records");
  const header = readRecordBatchHeader(records, 0);
  if (!header.ok) return appendFailure(header.error.errorCode, header.error.message);
  if (header.value.magic !== 2)
    return appendFailure(
      ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT,
      `record batch magic ${header.value.magic} is not supported; only v2`,
    );
  if (header.value.sizeInBytes !== records.length) {
    return appendFailure(
      ErrorCode.INVALID_RECORD,
      "a produce request must hold exactly one record batch per partition",
    );
  }
  return header.value;
}

function nullKeyProblem(records: Uint8Array, key: string): string | null {
  const decoded = decodeRecordBatch(records);
  if (!decoded.ok) return decoded.error.message;
  return decoded.value.records.some((record) => record.key === null)
    ? `compacted topic ${key} cannot accept a record without a key`
    : null;
}
