/**
 * Reads the fixed 61-byte header of a RecordBatch v2 without touching its records: no
 * decompression, no record parsing, no CRC unless asked. This is what the log engine needs
 * to append, index, scan and recover segments cheaply.
 */
import {
  compressionTypeOf,
  timestampTypeOf,
  type CompressionType,
  type TimestampType,
} from "./attributes.ts";
import { Reader } from "../primitives/reader.ts";
import {
  ATTRIBUTES_POSITION,
  CURRENT_MAGIC,
  HEADER_BYTES_UP_TO_MAGIC,
  LOG_OVERHEAD_BYTES,
  MINIMUM_BATCH_LENGTH,
  NO_SEQUENCE,
} from "./batch-layout.ts";
import { crc32c } from "./crc32c.ts";
import { batchFailure, type RecordBatchResult } from "./record-batch-error.ts";

/** The smallest size field Kafka's file reader accepts before it even looks at the magic. */
const LEGACY_MINIMUM_SIZE = 14;

export interface RecordBatchHeader {
  /** Where the batch starts in the buffer it was read from. */
  position: number;
  baseOffset: bigint;
  /** The batchLength field: bytes after it. */
  batchLength: number;
  /** The whole batch: LOG_OVERHEAD_BYTES + batchLength. */
  sizeInBytes: number;
  partitionLeaderEpoch: number;
  magic: number;
  /** The stored CRC32C, unsigned. Whether it is right is `isRecordBatchCrcValid`'s job. */
  crc: number;
  /** The raw attribute bits. */
  attributes: number;
  compression: CompressionType;
  timestampType: TimestampType;
  isTransactional: boolean;
  isControl: boolean;
  hasDeleteHorizonMs: boolean;
  lastOffsetDelta: number;
  /** baseOffset + lastOffsetDelta. */
  lastOffset: bigint;
  baseTimestamp: bigint;
  maxTimestamp: bigint;
  /** baseTimestamp when the delete-horizon bit is set (compaction), else null. */
  deleteHorizonMs: bigint | null;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  /** baseSequence + lastOffsetDelta, wrapping past 2^31-1 as Kafka does; -1 if no sequence. */
  lastSequence: number;
  /** The records count field, as stored (not checked against the records here). */
  recordsCount: number;
}

/** Kafka's DefaultRecordBatch.incrementSequence: sequences wrap from 2^31-1 to 0. */
export function incrementSequence(sequence: number, increment: number): number {
  if (sequence > 0x7fffffff - increment) return increment - (0x7fffffff - sequence) - 1;
  return sequence + increment;
}

/**
 * Reads the header of the batch at `position`. Checks, in the order Kafka's file reader
 * does: enough bytes to reach the magic; a plausible size; the whole batch present
 * ("truncated" otherwise: a torn tail); magic 2; a batchLength that fits a v2 header; a
 * known codec.
 */
export function readRecordBatchHeader(
  bytes: Uint8Array,
  position = 0,
  end = bytes.length,
): RecordBatchResult<RecordBatchHeader> {
  const available = end - position;
  if (available < HEADER_BYTES_UP_TO_MAGIC) {
    return batchFailure(
      "truncated",
      position,
      `${available} bytes left, a batch header needs more`,
    );
  }
  const reader = new Reader(bytes, position, end);
  const baseOffset = reader.int64();
  const batchLength = reader.int32();
  if (batchLength < LEGACY_MINIMUM_SIZE) {
    return batchFailure(
      "invalid-batch-length",
      position,
      `batchLength ${batchLength} is too small`,
    );
  }
  const sizeInBytes = LOG_OVERHEAD_BYTES + batchLength;
  if (sizeInBytes > available) {
    return batchFailure(
      "truncated",
      position,
      `batch of ${sizeInBytes} bytes, only ${available} present`,
    );
  }
  const partitionLeaderEpoch = reader.int32();
  const magic = reader.int8();
  if (magic !== CURRENT_MAGIC) {
    return batchFailure(
      "unsupported-magic",
      position,
      `magic ${magic}; only magic 2 (RecordBatch v2) is supported`,
    );
  }
  if (batchLength < MINIMUM_BATCH_LENGTH) {
    return batchFailure(
      "invalid-batch-length",
      position,
      `batchLength ${batchLength} is below the v2 minimum ${MINIMUM_BATCH_LENGTH}`,
    );
  }
  // From here every read is inside the batch, which is known to be present in full.
  const crc = reader.uint32();
  const attributes = reader.int16();
  const compression = compressionTypeOf(attributes);
  if (compression === null) {
    return batchFailure(
      "unsupported-compression-type",
      position,
      `compression code ${attributes & 0x07}`,
    );
  }
  const lastOffsetDelta = reader.int32();
  const baseTimestamp = reader.int64();
  const maxTimestamp = reader.int64();
  const producerId = reader.int64();
  const producerEpoch = reader.int16();
  const baseSequence = reader.int32();
  const recordsCount = reader.int32();
  const hasDeleteHorizonMs = (attributes & 0x40) !== 0;
  return {
    ok: true,
    value: {
      position,
      baseOffset,
      batchLength,
      sizeInBytes,
      partitionLeaderEpoch,
      magic,
      crc,
      attributes,
      compression,
      timestampType: timestampTypeOf(attributes),
      isTransactional: (attributes & 0x10) !== 0,
      isControl: (attributes & 0x20) !== 0,
      hasDeleteHorizonMs,
      lastOffsetDelta,
      lastOffset: baseOffset + BigInt(lastOffsetDelta),
      baseTimestamp,
      maxTimestamp,
      deleteHorizonMs: hasDeleteHorizonMs ? baseTimestamp : null,
      producerId,
      producerEpoch,
      baseSequence,
      lastSequence:
        baseSequence === NO_SEQUENCE
          ? NO_SEQUENCE
          : incrementSequence(baseSequence, lastOffsetDelta),
      recordsCount,
    },
  };
}

/** The CRC32C the batch at `position` (of `sizeInBytes` bytes) should carry: attributes to end. */
export function computeRecordBatchCrc(
  bytes: Uint8Array,
  position: number,
  sizeInBytes: number,
): number {
  return crc32c(bytes, 0, position + ATTRIBUTES_POSITION, position + sizeInBytes);
}

/** Whether the stored CRC matches the bytes. Reads only a header already validated. */
export function isRecordBatchCrcValid(bytes: Uint8Array, header: RecordBatchHeader): boolean {
  return computeRecordBatchCrc(bytes, header.position, header.sizeInBytes) === header.crc;
}
