/**
 * From a KafkaJS message to what the accumulator queues: checked (Kafka's and KafkaJS's
 * messages for a bad topic, a missing value, a bad timestamp or partition, a record too
 * large), serialized, and given its partition.
 */
import type { TopicInfo } from "../cluster/cluster-metadata.ts";
import { toBytes, toRecordHeaders } from "./message-bytes.ts";
import {
  defaultPartitionFor,
  type DefaultPartitioning,
} from "./partitioners/default-partitioner.ts";
import { recordUpperBoundBytes, type SerializedRecord } from "./producer-batch.ts";
import { ProducerError } from "./producer-error.ts";
import type { Message, PartitionMetadata, Partitioner } from "./producer-types.ts";

function illegal(message: string): ProducerError {
  return new ProducerError("IllegalArgumentException", message);
}

export function checkTopicMessages(
  topic: unknown,
  messages: unknown,
): asserts messages is Message[] {
  checkTopic(topic);
  if (!Array.isArray(messages)) {
    throw illegal(`Invalid messages array [${String(messages)}] for topic "${topic}"`);
  }
  for (const message of messages as unknown[]) checkMessage(topic, message);
}

function checkTopic(topic: unknown): asserts topic is string {
  if (typeof topic !== "string" || topic.length === 0) {
    throw illegal(`Invalid topic: ${JSON.stringify(topic) ?? String(topic)}`);
  }
}

/** One record's topic and value (KafkaJS refuses a message without a value). */
export function checkRecord(topic: unknown, message: unknown): asserts message is Message {
  checkTopic(topic);
  checkMessage(topic, message);
}

function checkMessage(topic: string, message: unknown): void {
  if (
    message === null ||
    typeof message !== "object" ||
    !("value" in message) ||
    message.value === undefined
  ) {
    throw illegal(`Invalid message without value for topic "${topic}": ${describe(message)}`);
  }
}

/** The record's bytes and timestamp; throws on a bad timestamp or a key/value that is not text or bytes. */
export function buildRecord(message: Message, nowMs: number): SerializedRecord {
  const timestampMs =
    message.timestamp === undefined || message.timestamp === null
      ? nowMs
      : parseTimestamp(message.timestamp);
  try {
    return {
      key: toBytes(message.key, "key"),
      value: toBytes(message.value, "value"),
      headers: toRecordHeaders(message.headers),
      timestampMs,
    };
  } catch (error) {
    throw new ProducerError("SerializationException", (error as Error).message);
  }
}

/** A given timestamp: a non-negative int64, kept as a number while that is exact. */
function parseTimestamp(timestamp: string | number): number | bigint {
  if (typeof timestamp === "number" && Number.isSafeInteger(timestamp) && timestamp >= 0) {
    return timestamp;
  }
  const text = String(timestamp).trim();
  if (!/^-?\d+$/.test(text) || BigInt(text) < 0n) {
    throw illegal(
      `Invalid timestamp: ${String(timestamp)}. Timestamp should always be non-negative or null.`,
    );
  }
  const exact = Number(text);
  return Number.isSafeInteger(exact) ? exact : BigInt(text);
}

/** Kafka's ensureValidRecordSize: one record must fit a request and the whole buffer. */
export function checkRecordSize(
  record: SerializedRecord,
  maxRequestSize: number,
  bufferMemory: number,
): void {
  const size = recordUpperBoundBytes(record);
  if (size > maxRequestSize) {
    throw new ProducerError(
      "RecordTooLargeException",
      `The message is ${size} bytes when serialized which is larger than ${maxRequestSize}, which is the value of the max.request.size configuration.`,
    );
  }
  if (size > bufferMemory) {
    throw new ProducerError(
      "RecordTooLargeException",
      `The message is ${size} bytes when serialized which is larger than the total memory buffer you have configured with the buffer.memory configuration.`,
    );
  }
}

/** Built once per metadata answer, not once per record. */
const partitionMetadataCache = new WeakMap<TopicInfo, PartitionMetadata[]>();

/** KafkaJS's partitionMetadata for a topic. */
export function partitionMetadataOf(info: TopicInfo): PartitionMetadata[] {
  const cached = partitionMetadataCache.get(info);
  if (cached !== undefined) return cached;
  const built = info.partitions.map((partition) => ({
    partitionErrorCode: partition.errorCode,
    partitionId: partition.partition,
    leader: partition.leader,
    replicas: partition.replicas,
    isr: partition.isr,
    offlineReplicas: partition.offlineReplicas,
  }));
  partitionMetadataCache.set(info, built);
  return built;
}

/**
 * The message's partition: its own if it names one (Kafka's ProducerRecord.partition wins
 * over any partitioner), else the partitioner's; -1 leaves it to the sticky partitioner.
 * With Kafka's default partitioner (`builtIn`), the key already serialized is hashed.
 */
export function choosePartition(
  partitioner: Partitioner,
  builtIn: DefaultPartitioning | null,
  topic: string,
  info: TopicInfo,
  message: Message,
  keyBytes: Uint8Array | null,
): number {
  const count = info.partitions.length;
  if (message.partition !== undefined && message.partition !== null)
    return checkPartition(message.partition, count, "record");
  if (builtIn !== null) return defaultPartitionFor(builtIn, keyBytes, count);
  let chosen: number;
  try {
    chosen = partitioner({ topic, partitionMetadata: partitionMetadataOf(info), message });
  } catch (error) {
    throw new ProducerError("InvalidRecordException", (error as Error).message ?? String(error));
  }
  return chosen === -1 ? -1 : checkPartition(chosen, count, "partitioner");
}

function checkPartition(partition: number, count: number, source: string): number {
  if (!Number.isInteger(partition) || partition < 0 || partition >= count) {
    throw illegal(
      `Invalid partition given with ${source}: ${partition} is not in the range [0...${count}).`,
    );
  }
  return partition;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
