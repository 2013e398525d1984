/** What a caller hands the encoder: records as people think of them, batch fields optional. */
import type { CompressionType, TimestampType } from "./attributes.ts";

export interface RecordHeader {
  key: string;
  /** null is a header with no value (distinct from an empty one). */
  value: Uint8Array | null;
}

export interface RecordInput {
  key?: Uint8Array | null;
  /** null (or absent) is a tombstone. */
  value?: Uint8Array | null;
  headers?: readonly RecordHeader[];
  /** Milliseconds since the epoch. Absent: -1 (Kafka's NO_TIMESTAMP). */
  timestamp?: bigint;
  /** Position in the batch. Absent: the record's index. Set it to keep gaps (compaction). */
  offsetDelta?: number;
}

export interface RecordBatchInput {
  records: readonly RecordInput[];
  /** Default 0; a leader assigns the real one on append (see setBatchBaseOffset). */
  baseOffset?: bigint;
  /** Default -1: producers send -1 and the leader stamps its epoch. */
  partitionLeaderEpoch?: number;
  /** Default "none". */
  compression?: CompressionType;
  /** Default "CreateTime". */
  timestampType?: TimestampType;
  /** With LogAppendTime: the broker's append time, stored as maxTimestamp. */
  logAppendTimeMs?: bigint;
  isTransactional?: boolean;
  isControl?: boolean;
  /** Set by the log cleaner; when present it becomes baseTimestamp and sets attribute bit 6. */
  deleteHorizonMs?: bigint;
  /** Default: the first record's timestamp (what Kafka's producer writes), -1 when empty. */
  baseTimestamp?: bigint;
  /** Default -1 (no idempotence). */
  producerId?: bigint;
  /** Default -1. */
  producerEpoch?: number;
  /** Default -1. */
  baseSequence?: number;
  /** Default: the last record's offsetDelta (0 when empty). An emptied batch keeps its own. */
  lastOffsetDelta?: number;
}
