/**
 * Consumer throughput, kafka-consumer-perf-test style: one group member (a fresh group,
 * fromBeginning, Kafka's consumer defaults) reads a pre-filled topic with eachBatch until
 * it has every record. Times: from run() to the group assigning it the partitions (the
 * perf test's rebalance.time.ms), and from the first record to the last (the figure). If
 * no record arrives for `stallMs`, the run fails saying how far it got.
 */
import { CONSUMER_EVENTS } from "../../src/client/consumer/consumer-events.ts";
import type { Kafka } from "../../src/client/kafka.ts";
import { errorText } from "./bench-kafka.ts";

export interface ConsumerThroughputOptions {
  topic: string;
  groupId: string;
  records: number;
  stallMs: number;
}

export interface ConsumerThroughputResult {
  records: number;
  /** Key plus value bytes, as the perf test counts them. */
  bytes: number;
  /** Wall-clock (epoch ms) when run() was called and when the last record arrived. */
  startEpochMs: number;
  endEpochMs: number;
  /** run() until the group handed out the partitions. */
  joinMs: number;
  /** run() until the first record. */
  firstRecordMs: number;
  /** First record to last. */
  firstToLastMs: number;
  recordsPerSecond: number;
  megabytesPerSecond: number;
  /** eachBatch calls and the records they carried on average. */
  batches: number;
  recordsPerBatch: number;
}

export async function measureConsumerThroughput(
  kafka: Kafka,
  options: ConsumerThroughputOptions,
): Promise<ConsumerThroughputResult> {
  const consumer = kafka.consumer({ groupId: options.groupId });
  let records = 0;
  let bytes = 0;
  let batches = 0;
  let joinedAt = Number.NaN;
  let firstAt = Number.NaN;
  let lastAt = Number.NaN;
  let failure: Error | null = null;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  consumer.on(CONSUMER_EVENTS.GROUP_JOIN, () => {
    if (Number.isNaN(joinedAt)) joinedAt = performance.now();
  });
  consumer.on(CONSUMER_EVENTS.CRASH, ({ payload }) => {
    failure ??= new Error(`the consumer crashed: ${errorText(payload.error)}`);
    finish();
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
  const startEpochMs = Date.now();
  const startedAt = performance.now();
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      if (records === 0) firstAt = now;
      batches++;
      records += batch.messages.length;
      for (const message of batch.messages) bytes += message.size;
      lastAt = now;
      if (records >= options.records) finish();
    },
  });
  const watchdog = setInterval(() => {
    const since = Number.isNaN(lastAt) ? startedAt : lastAt;
    if (performance.now() - since > options.stallMs) {
      failure ??= new Error(
        `no record for ${options.stallMs} ms: ${records} of ${options.records} read from ` +
          `${options.topic}, assignment ${JSON.stringify(consumer.assignment())}`,
      );
      finish();
    }
  }, 1000);
  try {
    await finished;
  } finally {
    clearInterval(watchdog);
    await consumer.disconnect();
  }
  if (failure !== null) throw failure;
  const firstToLastMs = lastAt - firstAt;
  const seconds = firstToLastMs / 1000;
  return {
    records,
    bytes,
    startEpochMs,
    endEpochMs: startEpochMs + (lastAt - startedAt),
    joinMs: joinedAt - startedAt,
    firstRecordMs: firstAt - startedAt,
    firstToLastMs,
    recordsPerSecond: records / seconds,
    megabytesPerSecond: bytes / seconds / 2 ** 20,
    batches,
    recordsPerBatch: records / batches,
  };
}
