/**
 * Kafka's error names as KafkaJS reports them (its errors' `type`), from whatever shape the
 * rejection takes: a KafkaJSAggregateError's list, a single protocol error, or the last
 * error a retrier gave up on (KafkaJSNumberOfRetriesExceeded's `cause`).
 */
interface KafkaJsError {
  type?: string;
  errors?: KafkaJsError[];
  cause?: KafkaJsError;
}

/** [] when `call` resolves; else one name per error ("no type" for a non-protocol error). */
export async function kafkaErrorTypes(call: Promise<unknown>): Promise<string[]> {
  const error = await call.then(
    () => null,
    (caught: KafkaJsError) => caught,
  );
  if (error === null) return [];
  const innermost = (entry: KafkaJsError): KafkaJsError =>
    entry.cause === undefined || entry.type !== undefined ? entry : innermost(entry.cause);
  return (error.errors ?? [error]).map((entry) => innermost(entry).type ?? "no type");
}
