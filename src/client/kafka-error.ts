/**
 * A Kafka error code from a broker, as an Error a client's caller can act on: its name
 * from Kafka's error table and whether Kafka counts it retriable (a retriable error is
 * retried by the producer and consumer within their timeouts before it reaches the caller).
 */
import { ERRORS, ErrorCode } from "../protocol/generated/error-codes.ts";

export class KafkaProtocolError extends Error {
  override readonly name = "KafkaProtocolError";
  /** Kafka's name for the code, e.g. NOT_LEADER_OR_FOLLOWER. */
  readonly type: string;
  readonly retriable: boolean;

  constructor(
    readonly errorCode: number,
    detail?: string | null,
  ) {
    const known = ERRORS.get(errorCode);
    const type = known?.name ?? `error code ${errorCode}`;
    super(detail ? `${type}: ${detail}` : type);
    this.type = type;
    this.retriable = known?.retriable ?? false;
  }
}

/** Throws KafkaProtocolError unless `errorCode` is NONE. */
export function throwIfError(errorCode: number, detail?: string | null): void {
  if (errorCode !== ErrorCode.NONE) throw new KafkaProtocolError(errorCode, detail);
}

/** Whether `error` is worth retrying: a retriable Kafka error, a lost connection or a timeout. */
export function isRetriable(error: unknown): boolean {
  if (error instanceof KafkaProtocolError) return error.retriable;
  return (
    error instanceof Error &&
    (error.name === "ConnectionError" || error.name === "RequestTimeoutError")
  );
}
