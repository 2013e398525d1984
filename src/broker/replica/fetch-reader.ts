/**
 * Reads one Fetch request's partitions from their leaders' logs: consumers up to the HW,
 * followers up to the LEO (and a follower's fetch offset is its LEO, which the leader
 * records first: that is how the HW and the ISR move). The response holds at most
 * maxBytes, except that the first batch is always returned whole so a consumer can never
 * get stuck behind a batch bigger than its limits (KIP-74).
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  defaultFetchResponsePartitionData,
  type FetchResponsePartitionData,
} from "../../protocol/generated/messages/fetch-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { checkCurrentLeaderEpoch, notLeaderError } from "./leader-epoch-check.ts";

export interface FetchTarget {
  topic: string;
  topicId: string;
  partition: number;
  fetchOffset: bigint;
  currentLeaderEpoch: number;
  partitionMaxBytes: number;
  /** Set when the request named a topic id this broker does not know. */
  unknownTopicId?: boolean;
}

export interface FetchRead {
  target: FetchTarget;
  data: FetchResponsePartitionData;
}

/** A follower's fetch says where its log ends: record it before reading. */
export function recordFollowerFetches(
  services: BrokerServices,
  replicaId: number,
  targets: readonly FetchTarget[],
): void {
  const now = services.clock.nowMs();
  const lagMs = services.replicas.replicaLagTimeMaxMs;
  for (const target of targets) {
    const partition = services.replicas.partition(target.topic, target.partition);
    if (partition?.role !== "leader") continue;
    if (partition.recordFollowerFetch(replicaId, target.fetchOffset, now, lagMs)) {
      services.replicas.highWatermarkMoved(partition);
    }
  }
}

export function readPartitions(
  services: BrokerServices,
  targets: readonly FetchTarget[],
  isFollower: boolean,
  maxBytes: number,
): { reads: FetchRead[]; bytes: number; hasError: boolean } {
  let budget = maxBytes;
  let bytes = 0;
  let hasError = false;
  const reads = targets.map((target) => {
    const data = readOne(services, target, isFollower, budget);
    const size = data.records?.length ?? 0;
    bytes += size;
    budget = Math.max(0, budget - size);
    if (data.errorCode !== ErrorCode.NONE) hasError = true;
    return { target, data };
  });
  return { reads, bytes, hasError };
}

function readOne(
  services: BrokerServices,
  target: FetchTarget,
  isFollower: boolean,
  budget: number,
): FetchResponsePartitionData {
  // One object per partition, filled in place: this runs for every partition of every
  // fetch, and again for every parked fetch an append or HW move wakes.
  const data = defaultFetchResponsePartitionData();
  data.partitionIndex = target.partition;
  data.records = NO_RECORDS;
  if (target.unknownTopicId === true) return withError(data, ErrorCode.UNKNOWN_TOPIC_ID);
  const partition = services.replicas.partition(target.topic, target.partition);
  const known = services.image().partition(target.topic, target.partition) !== undefined;
  if (partition?.log.isOffline === true) return withError(data, ErrorCode.KAFKA_STORAGE_ERROR);
  if (partition === undefined || partition.role !== "leader") {
    const leader = services.image().partition(target.topic, target.partition);
    data.currentLeader = { leaderId: leader?.leader ?? -1, leaderEpoch: leader?.leaderEpoch ?? -1 };
    return withError(data, notLeaderError(partition, known));
  }
  const log = partition.log;
  data.highWatermark = partition.highWatermark;
  data.lastStableOffset = partition.highWatermark;
  data.logStartOffset = log.logStartOffset;
  const epochError = checkCurrentLeaderEpoch(partition, target.currentLeaderEpoch);
  if (epochError !== ErrorCode.NONE) return withError(data, epochError);
  const maxOffset = isFollower ? log.logEndOffset : partition.highWatermark;
  const partitionBudget = Math.min(budget, target.partitionMaxBytes);
  // The response is full: this partition gets nothing this time (its offsets still count).
  if (partitionBudget <= 0 && budget <= 0) {
    return target.fetchOffset < log.logStartOffset || target.fetchOffset > log.logEndOffset
      ? withError(data, ErrorCode.OFFSET_OUT_OF_RANGE)
      : data;
  }
  // The log returns at least one whole batch even past the budget (KIP-74).
  const read = log.read(target.fetchOffset, Math.max(partitionBudget, 1), maxOffset);
  if (!read.ok) return withError(data, read.errorCode);
  // The log reuses its read buffer, and the response is encoded later, after other
  // requests may have read this log: copy (nothing to copy when there is nothing new).
  if (read.records.length > 0) data.records = read.records.slice();
  return data;
}

/** Shared by every partition answered without records: encoders only read it. */
const NO_RECORDS = new Uint8Array(0);

function withError(
  data: FetchResponsePartitionData,
  errorCode: number,
): FetchResponsePartitionData {
  data.errorCode = errorCode;
  return data;
}
