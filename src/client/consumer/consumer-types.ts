/**
 * The consumer's public shapes, as KafkaJS names them (offsets and timestamps are decimal
 * strings, because JavaScript numbers cannot hold every int64), plus what KafkaJS lacks and
 * Kafka's Java consumer has: standalone assignment, a rebalance listener with "lost", and
 * offsets by timestamp.
 */
export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface TopicPartitionOffset extends TopicPartition {
  /** The offset as a decimal string, as KafkaJS passes offsets. */
  offset: string;
}

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

/** KafkaJS's IHeaders: a key seen more than once gives an array, in record order. */
export type MessageHeaders = Record<string, Uint8Array | null | (Uint8Array | null)[]>;

export interface KafkaMessage {
  key: Uint8Array | null;
  value: Uint8Array | null;
  /** Milliseconds since the epoch, as a string (KafkaJS). */
  timestamp: string;
  /** The batch's attributes (compression, timestamp type, transactional, control). */
  attributes: number;
  offset: string;
  headers: MessageHeaders;
  /** Key plus value bytes. */
  size: number;
}

export interface Batch {
  topic: string;
  partition: number;
  highWatermark: string;
  messages: KafkaMessage[];
  isEmpty(): boolean;
  firstOffset(): string | null;
  lastOffset(): string;
  /** Records between the last message and the HW. */
  offsetLag(): string;
  /** Records between the first message and the HW. */
  offsetLagLow(): string;
}

export interface EachMessagePayload {
  topic: string;
  partition: number;
  message: KafkaMessage;
  heartbeat(): Promise<void>;
  /** Pauses this partition (the rest of its batch comes again after resume); returns the resume. */
  pause(): () => void;
}

export interface OffsetsByTopicPartition {
  topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
}

export interface EachBatchPayload {
  batch: Batch;
  /** Marks `offset` processed: the committed position becomes offset + 1. */
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  pause(): () => void;
  /** Commits the resolved offsets now if autoCommitInterval or autoCommitThreshold says so. */
  commitOffsetsIfNecessary(offsets?: OffsetsByTopicPartition): Promise<void>;
  /** What has been resolved but not yet committed. */
  uncommittedOffsets(): OffsetsByTopicPartition;
  isRunning(): boolean;
  /** True once a seek, pause, revocation or lost membership makes the rest of this batch moot. */
  isStale(): boolean;
}

export interface RunOptions {
  eachMessage?: (payload: EachMessagePayload) => Promise<void>;
  eachBatch?: (payload: EachBatchPayload) => Promise<void>;
  /** enable.auto.commit takes precedence when set. Default true. */
  autoCommit?: boolean;
  /** auto.commit.interval.ms takes precedence when set. Default 5000. */
  autoCommitInterval?: number | null;
  /** Commit once this many offsets were resolved since the last commit. */
  autoCommitThreshold?: number | null;
  /** How many partitions' batches are processed at once. Default 1. */
  partitionsConsumedConcurrently?: number;
  /** eachBatch: resolve the batch's last offset when the handler returns. Default true. */
  eachBatchAutoResolve?: boolean;
}

/** Java's ConsumerRebalanceListener; each callback is awaited before consumption goes on. */
export interface ConsumerRebalanceListener {
  /** Before partitions are given up in a rebalance (offsets can still be committed). */
  onPartitionsRevoked?(partitions: TopicPartition[]): void | Promise<void>;
  onPartitionsAssigned?(partitions: TopicPartition[]): void | Promise<void>;
  /** The member was dropped from the group: these partitions may already belong to others. */
  onPartitionsLost?(partitions: TopicPartition[]): void | Promise<void>;
}

export interface SubscribeOptions {
  topics?: (string | RegExp)[];
  topic?: string | RegExp;
  /** Where to start when the group has no committed offset: earliest if true. */
  fromBeginning?: boolean;
}

export interface OffsetForTime extends TopicPartition {
  /** The first offset whose timestamp is at or after the one asked, or null when there is none. */
  offset: string | null;
  timestamp: string | null;
}

export type {
  GroupDescription,
  MemberDescription as GroupMemberDescription,
} from "../group-description.ts";
