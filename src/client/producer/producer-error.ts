/**
 * A producer failure that is not a broker's error code, named as Kafka's Java client names
 * it (TimeoutException, BufferExhaustedException, RecordTooLargeException, ...), so the
 * message a learner sees matches what Kafka's documentation and logs say. A broker's error
 * code reaches the caller as KafkaProtocolError instead.
 */
export class ProducerError extends Error {
  override readonly name = "ProducerError";

  constructor(
    /** Kafka's Java exception name. */
    readonly type: string,
    message: string,
    readonly retriable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
