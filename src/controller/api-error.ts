/**
 * An error code with the message the answer carries, like Kafka's ApiError. When Kafka
 * answers with an exception's default message, `apiError(code)` supplies that sentence.
 */
import { ErrorCode } from "../protocol/generated/error-codes.ts";

export interface ApiError {
  code: number;
  message: string | null;
}

export const NO_ERROR: ApiError = { code: ErrorCode.NONE, message: null };

/** Kafka's default message for the codes the controller returns without one of its own. */
const DEFAULT_MESSAGES: ReadonlyMap<number, string> = new Map([
  [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "This server does not host this topic-partition."],
  [ErrorCode.UNKNOWN_TOPIC_ID, "This server does not host this topic ID."],
  [ErrorCode.NOT_CONTROLLER, "This is not the correct controller for this cluster."],
  [ErrorCode.REQUEST_TIMED_OUT, "The request timed out."],
  [ErrorCode.TOPIC_DELETION_DISABLED, "Topic deletion is disabled."],
  [ErrorCode.ELECTION_NOT_NEEDED, "Leader election not needed for topic partition."],
  [ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE, "The preferred leader was not available."],
  [ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE, "Eligible topic partition leaders are not available."],
  [ErrorCode.STALE_BROKER_EPOCH, "Broker epoch has changed."],
]);

export function apiError(code: number, message?: string): ApiError {
  return { code, message: message ?? DEFAULT_MESSAGES.get(code) ?? null };
}
