/**
 * Errors the admin client raises. A broker's error code becomes an AdminProtocolError: a
 * KafkaProtocolError (Kafka's name in `.type`) that also says which topic, partition,
 * group or config resource it is about, as Kafka's AdminClient completes each item's
 * future with its own exception. A malformed argument (not an array, a topic that is not
 * a string) is the caller's bug and throws AdminArgumentError before anything is sent.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { KafkaProtocolError } from "../kafka-error.ts";

/** What an error is about; only the fields that apply are set. */
export interface AdminErrorSubject {
  topic?: string;
  partition?: number;
  groupId?: string;
  /** A config resource: its type's name and its name, e.g. `broker 2` or `topic orders`. */
  resource?: string;
}

export class AdminProtocolError extends KafkaProtocolError {
  override readonly retriable: boolean;

  constructor(
    errorCode: number,
    readonly subject: AdminErrorSubject,
    detail?: string | null,
    /** Overrides Kafka's table where an admin call knows better (see `adminRetriable`). */
    retriable?: boolean,
  ) {
    const about = describeSubject(subject);
    super(errorCode, [about, detail].filter(Boolean).join(": "));
    this.retriable = retriable ?? adminRetriable(errorCode);
  }
}

export class AdminArgumentError extends Error {
  override readonly name = "AdminArgumentError";
}

/**
 * Whether an admin call retries `errorCode` by default. Kafka's table counts
 * UNKNOWN_TOPIC_OR_PARTITION retriable (metadata may be stale), but Kafka's AdminClient
 * fails a topic's future with it at once — deleting or describing a topic that does not
 * exist must not spin until the timeout. Calls that route by leader opt back in for it.
 */
export function adminRetriable(errorCode: number): boolean {
  if (errorCode === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION) return false;
  // A preferred leader that already leads is an answer, not a failure to retry.
  if (errorCode === ErrorCode.ELECTION_NOT_NEEDED) return false;
  return new KafkaProtocolError(errorCode).retriable;
}

function describeSubject(subject: AdminErrorSubject): string {
  const parts: string[] = [];
  if (subject.groupId !== undefined) parts.push(`group "${subject.groupId}"`);
  if (subject.resource !== undefined) parts.push(subject.resource);
  if (subject.topic !== undefined) {
    parts.push(
      subject.partition === undefined
        ? `topic "${subject.topic}"`
        : `partition ${subject.topic}-${subject.partition}`,
    );
  }
  return parts.join(", ");
}

/** Throws an AdminArgumentError unless `condition` holds. */
export function requireArgument(condition: boolean, message: string): asserts condition {
  if (!condition) throw new AdminArgumentError(message);
}
