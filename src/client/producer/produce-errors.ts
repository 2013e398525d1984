/**
 * How the producer reads a partition's error code in a Produce answer, by Kafka's
 * exception classes: which are retried (RetriableException) and which mean the client's
 * metadata is out of date (InvalidMetadataException: refresh it, the leader moved).
 */
import { ERRORS, ErrorCode } from "../../protocol/generated/error-codes.ts";

const INVALID_METADATA: ReadonlySet<number> = new Set([
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.NETWORK_EXCEPTION,
  ErrorCode.KAFKA_STORAGE_ERROR,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
]);

export function isRetriableCode(errorCode: number): boolean {
  return ERRORS.get(errorCode)?.retriable ?? false;
}

/** The leader may have moved: the producer refreshes metadata before the retry. */
export function isInvalidMetadataCode(errorCode: number): boolean {
  return INVALID_METADATA.has(errorCode);
}
