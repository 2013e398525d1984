/**
 * Encodes a RecordBatch v2 from friendly input: works out the deltas, the timestamps, the
 * lengths and the CRC32C. Uncompressed batches are written straight into one buffer of
 * exactly the right size; compressed ones write the records section, compress it, then
 * put the header in front.
 */
import { writeBatchHeader } from "./batch-header-writer.ts";
import {
  NO_PARTITION_LEADER_EPOCH,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  NO_TIMESTAMP,
  RECORDS_POSITION,
} from "./batch-layout.ts";
import { compressionCodec } from "./compression/codecs.ts";
import { batchFailure, type RecordBatchResult } from "./record-batch-error.ts";
import type { RecordBatchInput } from "./record-batch-input.ts";
import { RecordsSectionEncoder } from "./records-section-encoder.ts";

/** Reused across calls: encoding is synchronous, so one is never used by two at once. */
const recordsEncoder = new RecordsSectionEncoder();

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function checkInt(value: number, bits: 16 | 32, what: string): void {
  const limit = 2 ** (bits - 1);
  if (!Number.isInteger(value) || value < -limit || value >= limit) {
    throw new RangeError(`${what} ${value} is not an int${bits}`);
  }
}

function checkInt64(value: bigint, what: string): void {
  if (value < INT64_MIN || value > INT64_MAX)
    throw new RangeError(`${what} ${value} is not an int64`);
}

/**
 * The batch's bytes. Fails only when the codec is unavailable (zstd before
 * initCompression()): UNSUPPORTED_COMPRESSION_TYPE. Out-of-range fields are programmer
 * errors and throw RangeError.
 */
export function encodeRecordBatch(input: RecordBatchInput): RecordBatchResult<Uint8Array> {
  const records = input.records;
  const compression = input.compression ?? "none";
  const timestampType = input.timestampType ?? "CreateTime";
  const baseOffset = input.baseOffset ?? 0n;
  const partitionLeaderEpoch = input.partitionLeaderEpoch ?? NO_PARTITION_LEADER_EPOCH;
  const producerId = input.producerId ?? NO_PRODUCER_ID;
  const producerEpoch = input.producerEpoch ?? NO_PRODUCER_EPOCH;
  const baseSequence = input.baseSequence ?? NO_SEQUENCE;
  const lastRecord = records[records.length - 1];
  const lastOffsetDelta =
    input.lastOffsetDelta ??
    (lastRecord === undefined ? 0 : (lastRecord.offsetDelta ?? records.length - 1));
  const hasDeleteHorizonMs = input.deleteHorizonMs !== undefined;
  const baseTimestamp =
    input.deleteHorizonMs ?? input.baseTimestamp ?? records[0]?.timestamp ?? NO_TIMESTAMP;

  checkInt64(baseOffset, "baseOffset");
  checkInt64(baseTimestamp, "baseTimestamp");
  checkInt64(producerId, "producerId");
  checkInt(partitionLeaderEpoch, 32, "partitionLeaderEpoch");
  checkInt(producerEpoch, 16, "producerEpoch");
  checkInt(baseSequence, 32, "baseSequence");
  checkInt(lastOffsetDelta, 32, "lastOffsetDelta");
  checkInt(records.length, 32, "record count");

  const sectionBytes = recordsEncoder.measure(records, baseTimestamp);
  const maxTimestamp =
    timestampType === "LogAppendTime"
      ? (input.logAppendTimeMs ?? recordsEncoder.maxTimestamp)
      : recordsEncoder.maxTimestamp;
  checkInt64(maxTimestamp, "maxTimestamp");
  let batch: Uint8Array;
  if (compression === "none") {
    batch = new Uint8Array(RECORDS_POSITION + sectionBytes);
    recordsEncoder.write(records, batch, RECORDS_POSITION);
  } else {
    const section = new Uint8Array(sectionBytes);
    recordsEncoder.write(records, section, 0);
    const compressed = compressionCodec(compression).compress(section);
    if (!compressed.ok) {
      return batchFailure("unsupported-compression-type", 0, compressed.error.message);
    }
    batch = new Uint8Array(RECORDS_POSITION + compressed.value.length);
    batch.set(compressed.value, RECORDS_POSITION);
  }

  writeBatchHeader(batch, {
    baseOffset,
    partitionLeaderEpoch,
    attributes: {
      compression,
      timestampType,
      isTransactional: input.isTransactional ?? false,
      isControl: input.isControl ?? false,
      hasDeleteHorizonMs,
    },
    lastOffsetDelta,
    baseTimestamp,
    maxTimestamp,
    producerId,
    producerEpoch,
    baseSequence,
    recordsCount: records.length,
  });
  return { ok: true, value: batch };
}
