/**
 * A partition log's settings, by Kafka's topic-level config names, with Kafka's defaults.
 * The playground may choose smaller values in a preset, and shows them.
 */
export interface LogConfig {
  /** segment.bytes: roll the active segment before it would grow past this. */
  segmentBytes: number;
  /** segment.ms: roll the active segment once its first batch is this old. */
  segmentMs: number;
  /** segment.index.bytes: an index this size is full, which also rolls. */
  segmentIndexBytes: number;
  /** index.interval.bytes: add an offset index entry after this many log bytes. */
  indexIntervalBytes: number;
  /** retention.ms: delete closed segments whose newest record is older (-1: never). */
  retentionMs: number;
  /** retention.bytes: delete the oldest closed segments while the log is bigger (-1: never). */
  retentionBytes: number;
  /** cleanup.policy: "delete", "compact" or both. */
  cleanupPolicy: readonly ("delete" | "compact")[];
  /** delete.retention.ms: how long a compacted topic keeps tombstones. */
  deleteRetentionMs: number;
  /** min.cleanable.dirty.ratio: compact once this share of the log is uncleaned. */
  minCleanableDirtyRatio: number;
  /** min.compaction.lag.ms: never compact records younger than this. */
  minCompactionLagMs: number;
  /** max.message.bytes (message.max.bytes on the broker): the largest batch accepted. */
  maxMessageBytes: number;
  /** message.timestamp.type: CreateTime (the producer's) or LogAppendTime (the broker's). */
  messageTimestampType: "CreateTime" | "LogAppendTime";
}

export const KAFKA_DEFAULT_LOG_CONFIG: LogConfig = {
  segmentBytes: 1_073_741_824,
  segmentMs: 604_800_000,
  segmentIndexBytes: 10_485_760,
  indexIntervalBytes: 4096,
  retentionMs: 604_800_000,
  retentionBytes: -1,
  cleanupPolicy: ["delete"],
  deleteRetentionMs: 86_400_000,
  minCleanableDirtyRatio: 0.5,
  minCompactionLagMs: 0,
  maxMessageBytes: 1_048_588,
  messageTimestampType: "CreateTime",
};
