/**
 * The producer's public shapes, as KafkaJS names them (`send({ topic, messages })`,
 * `RecordMetadata` with offsets as decimal strings), so code written for KafkaJS reads the
 * same here. Options also take Kafka's Java config names, which win when both are given.
 */
import type { CompressionType } from "../../protocol/records/attributes.ts";
import type { ProducerMetricsSnapshot } from "./producer-metrics.ts";

/** A key, value or header value: text (sent as UTF-8), bytes, or null. */
export type MessageBytes = string | Uint8Array | null;

/** KafkaJS's headers: a repeated header is an array of values. */
export type MessageHeaders = Record<string, MessageBytes | MessageBytes[] | undefined>;

export interface Message {
  key?: MessageBytes;
  /** null is a tombstone. */
  value: MessageBytes;
  headers?: MessageHeaders;
  /** Goes to this partition, bypassing the partitioner (as Java's ProducerRecord.partition). */
  partition?: number;
  /** Milliseconds since the epoch (KafkaJS passes a decimal string); default: now. */
  timestamp?: string | number;
}

/** KafkaJS's CompressionTypes codes (None 0, GZIP 1, Snappy 2, LZ4 3, ZSTD 4) or Kafka's names. */
export type CompressionOption = CompressionType | 0 | 1 | 2 | 3 | 4;

export interface ProducerRecord {
  topic: string;
  messages: Message[];
  /** -1 (all), 1 or 0; default the producer's `acks`. */
  acks?: number;
  /** The Produce request's timeout (how long the leader may wait for acks=all); default request.timeout.ms. */
  timeout?: number;
  compression?: CompressionOption;
}

export interface TopicMessages {
  topic: string;
  messages: Message[];
}

export interface ProducerBatchRecord {
  topicMessages?: TopicMessages[];
  acks?: number;
  timeout?: number;
  compression?: CompressionOption;
}

/** One entry per partition a send wrote to: where its first record landed. */
export interface RecordMetadata {
  topicName: string;
  partition: number;
  errorCode: number;
  /** Offset of the send's first record in this partition; "-1" with acks=0. */
  baseOffset: string;
  /** The broker's append time with LogAppendTime topics, else "-1". */
  logAppendTime: string;
  logStartOffset: string;
}

/** One record for one topic, as Java's ProducerRecord (for sendRecord). */
export interface TopicRecord extends Message {
  topic: string;
}

/** Where a record sent with sendRecord() landed: Java's RecordMetadata. */
export interface SentRecordMetadata {
  readonly topic: string;
  readonly partition: number;
  /** The record's offset; -1 when unknown (acks=0, or a duplicate the broker no longer places). */
  readonly offset: bigint;
  /** The broker's append time with LogAppendTime topics, else -1. */
  readonly logAppendTimeMs: bigint;
  /**
   * When the producer handled the broker's answer (node time, ms): "now" for the callback,
   * read once per answer instead of once per record by every callback that times itself.
   */
  readonly acknowledgedAtMs: number;
}

/** Java's Callback.onCompletion: once per record, with its metadata or why it failed. */
export type SendCallback = (error: Error | null, metadata: SentRecordMetadata | null) => void;

/** What a partitioner sees of a partition: KafkaJS's PartitionMetadata. */
export interface PartitionMetadata {
  partitionErrorCode: number;
  partitionId: number;
  /** -1 while the partition has no leader. */
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface PartitionerArgs {
  topic: string;
  partitionMetadata: PartitionMetadata[];
  message: Message;
}

/** Returns the partition for a message, or -1 to let the built-in sticky partitioner choose. */
export type Partitioner = (args: PartitionerArgs) => number;

/** KafkaJS's `createPartitioner`: called once per producer. */
export type PartitionerFactory = () => Partitioner;

/** A Kafka config value as Java properties give it (strings) or typed. */
export type ConfigValue = string | number | boolean;

export interface ProducerOptions {
  // KafkaJS's names.
  idempotent?: boolean;
  maxInFlightRequests?: number;
  createPartitioner?: PartitionerFactory;
  /** Transactions are not supported: any value is refused with a clear error. */
  transactionalId?: string;
  retry?: { retries?: number; initialRetryTime?: number; maxRetryTime?: number };
  allowAutoTopicCreation?: boolean;
  // Kafka's Java names (they win over the KafkaJS ones).
  acks?: ConfigValue;
  "linger.ms"?: ConfigValue;
  "batch.size"?: ConfigValue;
  "max.in.flight.requests.per.connection"?: ConfigValue;
  retries?: ConfigValue;
  "delivery.timeout.ms"?: ConfigValue;
  "request.timeout.ms"?: ConfigValue;
  "retry.backoff.ms"?: ConfigValue;
  "retry.backoff.max.ms"?: ConfigValue;
  "enable.idempotence"?: ConfigValue;
  "compression.type"?: ConfigValue;
  "partitioner.class"?: ConfigValue;
  "partitioner.ignore.keys"?: ConfigValue;
  "partitioner.adaptive.partitioning.enable"?: ConfigValue;
  "max.request.size"?: ConfigValue;
  "buffer.memory"?: ConfigValue;
  "max.block.ms"?: ConfigValue;
  "transactional.id"?: ConfigValue;
}

export const PRODUCER_EVENTS = {
  CONNECT: "producer.connect",
  DISCONNECT: "producer.disconnect",
  REQUEST: "producer.network.request",
  REQUEST_TIMEOUT: "producer.network.request_timeout",
  RETRY: "producer.retry",
} as const;

export interface ProducerEventPayloads {
  "producer.connect": Record<string, never>;
  "producer.disconnect": Record<string, never>;
  /** A Produce request answered (or, with acks=0, written). */
  "producer.network.request": {
    broker: number;
    records: number;
    batches: number;
    bytes: number;
    latencyMs: number;
  };
  "producer.network.request_timeout": { broker: number; timeoutMs: number };
  /**
   * A batch failed with a retriable error and goes back into the queue (Java's producer
   * logs this as a warning: "Got error produce response ..., retrying").
   */
  "producer.retry": {
    topic: string;
    partition: number;
    attempt: number;
    /** Kafka's name for the error (NOT_ENOUGH_REPLICAS, ...) or the client error's name. */
    error: string;
    message: string;
  };
}

export type ProducerEventName = keyof ProducerEventPayloads;

export interface ProducerEvent<E extends ProducerEventName> {
  type: E;
  /** Node time in ms. */
  timestamp: number;
  payload: ProducerEventPayloads[E];
}

export interface Producer {
  connect(): Promise<void>;
  /**
   * Sends what is queued and waits for the answers (as Java's close() does), then stops.
   * With `timeoutMs` (Java's close(Duration)), records still unanswered after that long
   * fail with "Producer is closed forcefully.".
   */
  disconnect(options?: { timeoutMs?: number }): Promise<void>;
  send(record: ProducerRecord): Promise<RecordMetadata[]>;
  sendBatch(batch: ProducerBatchRecord): Promise<RecordMetadata[]>;
  /**
   * Java's send(record, callback), for callers that send record by record and want no
   * promise per record (kafka-producer-perf-test): `callback` is called once, with where
   * the record landed or why it failed — every failure goes there, nothing is thrown.
   * Returns null once the record is queued; when it must first wait (for its topic's
   * metadata, or for buffer memory — where Java's send() blocks, at most max.block.ms),
   * returns a promise that resolves once it is queued or has failed. A caller sending many
   * records should await that promise before sending more, as Java's caller is blocked.
   * Queued means copied into its batch: from then on the caller may reuse the value's and
   * key's buffers, as Java's caller may once send() has serialized the record.
   */
  sendRecord(record: TopicRecord, callback: SendCallback): Promise<void> | null;
  /** Makes every queued batch ready now and resolves once all are done (Java's flush()). */
  flush(): Promise<void>;
  on<E extends ProducerEventName>(
    event: E,
    listener: (event: ProducerEvent<E>) => void,
  ): () => void;
  readonly events: typeof PRODUCER_EVENTS;
  isIdempotent(): boolean;
  /** Kafka's producer metrics by their Java names, as of now. */
  readonly metrics: ProducerMetricsSnapshot;
}
