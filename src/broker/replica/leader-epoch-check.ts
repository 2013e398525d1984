/**
 * Kafka's check of a request's currentLeaderEpoch (KIP-320): older than the partition's
 * epoch → FENCED_LEADER_EPOCH (the client's metadata is stale), newer → UNKNOWN_LEADER_EPOCH
 * (this broker's is). -1 means the client does not know and skips the check.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { BrokerServices } from "../broker-services.ts";
import type { Partition } from "./partition.ts";

export function checkCurrentLeaderEpoch(partition: Partition, currentLeaderEpoch: number): number {
  if (currentLeaderEpoch === -1) return ErrorCode.NONE;
  if (currentLeaderEpoch < partition.leaderEpoch) return ErrorCode.FENCED_LEADER_EPOCH;
  if (currentLeaderEpoch > partition.leaderEpoch) return ErrorCode.UNKNOWN_LEADER_EPOCH;
  return ErrorCode.NONE;
}

/** The error for a partition this broker does not lead: known elsewhere, or not at all. */
export function notLeaderError(partition: Partition | undefined, knownInMetadata: boolean): number {
  if (partition === undefined && !knownInMetadata) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  return ErrorCode.NOT_LEADER_OR_FOLLOWER;
}

/**
 * The partition if this broker leads it and the request's currentLeaderEpoch matches; else
 * the error Kafka answers (UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER,
 * FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH, KAFKA_STORAGE_ERROR for an offline log dir).
 */
export function ledPartition(
  services: BrokerServices,
  topic: string,
  index: number,
  currentLeaderEpoch: number,
): { partition: Partition } | { errorCode: number } {
  const partition = services.replicas.partition(topic, index);
  // An offline replica answers KAFKA_STORAGE_ERROR whatever its role (Kafka's getPartitionOrError).
  if (partition?.log.isOffline === true) return { errorCode: ErrorCode.KAFKA_STORAGE_ERROR };
  if (partition === undefined || partition.role !== "leader") {
    const known = services.image().partition(topic, index) !== undefined;
    return { errorCode: notLeaderError(partition, known) };
  }
  const epochError = checkCurrentLeaderEpoch(partition, currentLeaderEpoch);
  return epochError === ErrorCode.NONE ? { partition } : { errorCode: epochError };
}
