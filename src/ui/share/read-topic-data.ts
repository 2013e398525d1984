/**
 * The records of the playground's topics, read back the way any client would: each
 * partition's offsets from ListOffsets, then a consumer with no group (assign + seek) that
 * fetches from each partition's window up to the high watermark it saw when it began.
 *
 * Bounded three ways, and every cut is said in the result: a partition keeps only its
 * newest records (up to the per-partition bound, and its share of the document's record
 * bound), its share of the byte bound (older records are dropped first), and the read gives
 * up after a time limit of node time (an offline partition cannot be read).
 */
import type { Admin } from "../../client/admin/admin.ts";
import type { ClientIo } from "../../client/client-io.ts";
import type { KafkaMessage } from "../../client/consumer/consumer-types.ts";
import type { Kafka } from "../../client/kafka.ts";
import { recordBytes } from "./data-schema.ts";
import {
  LIMITS,
  type DataDocument,
  type RecordDocument,
  type TopicDocument,
} from "./share-format.ts";

export interface DataBounds {
  recordsPerPartition: number;
  records: number;
  bytes: number;
  /** Node time the reading may take. */
  timeoutMs: number;
}

export const DEFAULT_DATA_BOUNDS: DataBounds = {
  recordsPerPartition: LIMITS.recordsPerPartition,
  records: LIMITS.records,
  bytes: LIMITS.dataBytes,
  timeoutMs: 15_000,
};

/** One partition's window: [start, end) of offsets to read, and what it keeps. */
interface Window {
  topic: string;
  partition: number;
  start: number;
  end: number;
  skipped: number;
  records: RecordDocument[];
  bytes: number;
  byteBudget: number;
  done: boolean;
}

const text = new TextDecoder();
const decode = (bytes: Uint8Array | null) => (bytes === null ? null : text.decode(bytes));

async function windowsOf(
  admin: Admin,
  topics: readonly TopicDocument[],
  bounds: DataBounds,
): Promise<Window[]> {
  const offsets = await Promise.all(
    topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic.name) })),
  );
  const all = offsets.flatMap(({ topic, offsets: partitions }) =>
    partitions.map((entry) => ({
      topic: topic.name,
      partition: entry.partition,
      low: Number(entry.low),
      high: Number(entry.high),
    })),
  );
  const withRecords = Math.max(1, all.filter(({ low, high }) => high > low).length);
  // Each partition's fair share of the document's bounds.
  const perPartition = Math.min(
    bounds.recordsPerPartition,
    Math.floor(bounds.records / withRecords),
  );
  const byteBudget = Math.floor(bounds.bytes / withRecords);
  return all
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
    .map(({ topic, partition, low, high }) => {
      const start = Math.max(low, high - perPartition);
      return {
        topic,
        partition,
        start,
        end: high,
        skipped: start - low,
        records: [],
        bytes: 0,
        byteBudget,
        done: start >= high,
      };
    });
}

/** Keeps a record; drops the oldest kept ones while the window is over its byte share. */
function keep(window: Window, message: KafkaMessage): void {
  const record = { key: decode(message.key), value: decode(message.value) };
  window.records.push(record);
  window.bytes += recordBytes(record);
  while (window.bytes > window.byteBudget && window.records.length > 0) {
    window.bytes -= recordBytes(window.records.shift()!);
    window.skipped += 1;
  }
}

function dataOf(windows: readonly Window[], bounds: DataBounds, timedOut: boolean): DataDocument {
  const byTopic = new Map<string, DataDocument["topics"][number]>();
  for (const window of windows) {
    const topic = byTopic.get(window.topic) ?? { topic: window.topic, partitions: [] };
    byTopic.set(window.topic, topic);
    if (window.records.length === 0 && window.skipped === 0) continue;
    topic.partitions.push({
      partition: window.partition,
      records: window.records,
      skipped: window.skipped,
    });
  }
  return {
    maxRecordsPerPartition: bounds.recordsPerPartition,
    maxBytes: bounds.bytes,
    truncated: timedOut || windows.some((window) => window.skipped > 0),
    topics: [...byTopic.values()].filter((topic) => topic.partitions.length > 0),
  };
}

/** Reads the newest records of `topics` within `bounds`. */
export async function readTopicData(
  kafka: Kafka,
  admin: Admin,
  io: ClientIo,
  topics: readonly TopicDocument[],
  bounds: DataBounds = DEFAULT_DATA_BOUNDS,
): Promise<DataDocument> {
  const windows = await windowsOf(admin, topics, bounds);
  const pending = windows.filter((window) => !window.done);
  if (pending.length === 0) return dataOf(windows, bounds, false);
  const byPartition = new Map(pending.map((w) => [`${w.topic}:${w.partition}`, w]));
  const consumer = kafka.consumer({ "auto.offset.reset": "earliest" });
  let timedOut = false;
  try {
    await consumer.connect();
    consumer.assign(pending.map(({ topic, partition }) => ({ topic, partition })));
    for (const { topic, partition, start } of pending)
      consumer.seek({ topic, partition, offset: String(start) });
    await new Promise<void>((resolve) => {
      const finish = () => pending.every((window) => window.done) && resolve();
      io.after(bounds.timeoutMs, () => {
        timedOut = !pending.every((window) => window.done);
        resolve();
      });
      void consumer.run({
        eachBatch: async ({ batch }) => {
          const window = byPartition.get(`${batch.topic}:${batch.partition}`);
          if (window === undefined || window.done) return;
          for (const message of batch.messages) {
            if (Number(message.offset) >= window.end) break;
            keep(window, message);
          }
          // Past the window's end (gaps from compaction or control records included).
          if (Number(batch.lastOffset()) + 1 >= window.end) {
            window.done = true;
            consumer.pause([{ topic: window.topic, partitions: [window.partition] }]);
          }
          finish();
        },
      });
    });
  } finally {
    await consumer.disconnect().catch(() => {});
  }
  return dataOf(windows, bounds, timedOut);
}
