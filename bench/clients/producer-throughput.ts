/**
 * Producer throughput through our producer, kafka-producer-perf-test style: null-keyed
 * 100-byte records go out as sendBatch calls of `recordsPerSend` records, with
 * `sendsInFlight` calls always outstanding (a new one starts as one resolves), so the
 * accumulator never runs dry and the Sender keeps its requests in flight.
 *
 * After a warm-up, records whose sendBatch resolved inside the window count (throughput by
 * acknowledgement time, so queueing at the edges of the window does not bias it). A
 * record's latency is its sendBatch call's, from the call to the promise resolving, as
 * kafka-producer-perf-test times a send() to its callback. Any failed send fails the run.
 */
import type { Kafka } from "../../src/client/kafka.ts";
import type { ProducerMetricsSnapshot } from "../../src/client/producer/producer-metrics.ts";
import type { Message } from "../../src/client/producer/producer-types.ts";
import { LatencySamples, type LatencySummary } from "../cluster/latency-samples.ts";
import { benchValue } from "./bench-kafka.ts";

export interface ProducerThroughputOptions {
  topic: string;
  /** 1, or -1 (all, with idempotence on). */
  acks: 1 | -1;
  valueBytes: number;
  batchSize: number;
  lingerMs: number;
  recordsPerSend: number;
  sendsInFlight: number;
  warmupMs: number;
  measureMs: number;
}

export interface ProducerThroughputResult {
  acks: number;
  idempotent: boolean;
  /** Records acknowledged inside the window. */
  records: number;
  seconds: number;
  recordsPerSecond: number;
  /** Value bytes per second / 2^20, kafka-producer-perf-test's MB/sec. */
  megabytesPerSecond: number;
  latency: LatencySummary;
  /** Every record acknowledged during the run, warm-up and drain included (for CPU per record). */
  recordsAcknowledgedInAll: number;
  /** The producer's own metrics at the end (request count, batch sizes, retries). */
  metrics: ProducerMetricsSnapshot;
}

export async function measureProducerThroughput(
  kafka: Kafka,
  options: ProducerThroughputOptions,
): Promise<ProducerThroughputResult> {
  const producer = kafka.producer({
    acks: options.acks,
    "enable.idempotence": options.acks === -1,
    "batch.size": options.batchSize,
    "linger.ms": options.lingerMs,
  });
  await producer.connect();
  const value = benchValue(options.valueBytes);
  const messages: Message[] = Array.from({ length: options.recordsPerSend }, () => ({ value }));
  const latencies = new LatencySamples(1_000_000);
  const startedAt = performance.now();
  const windowStart = startedAt + options.warmupMs;
  const windowEnd = windowStart + options.measureMs;
  let records = 0;
  let recordsAcknowledgedInAll = 0;
  let inFlight = 0;
  let failure: Error | null = null;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const settle = () => {
    inFlight--;
    if (failure === null && performance.now() < windowEnd) send();
    else if (inFlight === 0) finish();
  };
  const send = (): void => {
    inFlight++;
    const sentAt = performance.now();
    producer.sendBatch({ topicMessages: [{ topic: options.topic, messages }] }).then(
      () => {
        const now = performance.now();
        recordsAcknowledgedInAll += messages.length;
        if (now >= windowStart && now <= windowEnd) {
          records += messages.length;
          latencies.add(now - sentAt, messages.length);
        }
        settle();
      },
      (error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
        settle();
      },
    );
  };

  try {
    for (let slot = 0; slot < options.sendsInFlight; slot++) send();
    await finished;
  } finally {
    await producer.disconnect();
  }
  if (failure !== null) throw failure;
  const seconds = options.measureMs / 1000;
  return {
    acks: options.acks,
    idempotent: producer.isIdempotent(),
    records,
    seconds,
    recordsPerSecond: records / seconds,
    megabytesPerSecond: (records * options.valueBytes) / seconds / 2 ** 20,
    latency: latencies.summary(),
    recordsAcknowledgedInAll,
    metrics: producer.metrics,
  };
}
