/**
 * Encodes a RecordBatch v2 from friendly input: works out the deltas, the timestamps, the
 * lengths and the CRC32C. Uncompressed batches are written straight into one buffer of
 * exactly the right size; compressed ones write the records section, compress it, then
 * put the header in front.
 */
import { encodeBatchAttributes } from "./attributes.ts";
import {
  ATTRIBUTES_POSITION,
  BASE_OFFSET_POSITION,
  BASE_SEQUENCE_POSITION,
  BASE_TIMESTAMP_POSITION,
  BATCH_LENGTH_POSITION,
  CRC_POSITION,
  CURRENT_MAGIC,
  LAST_OFFSET_DELTA_POSITION,
  LOG_OVERHEAD_BYTES,
  MAGIC_POSITION,
  MAX_TIMESTAMP_POSITION,
  NO_PARTITION_LEADER_EPOCH,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  NO_TIMESTAMP,
  PARTITION_LEADER_EPOCH_POSITION,
  PRODUCER_EPOCH_POSITION,
  PRODUCER_ID_POSITION,
  RECORDS_COUNT_POSITION,
  RECORDS_POSITION,
} from "./batch-layout.ts";
import { compressionCodec } from "./compression/codecs.ts";
import { crc32c } from "./crc32c.ts";
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

  const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  view.setBigInt64(BASE_OFFSET_POSITION, baseOffset);
  view.setInt32(BATCH_LENGTH_POSITION, batch.length - LOG_OVERHEAD_BYTES);
  view.setInt32(PARTITION_LEADER_EPOCH_POSITION, partitionLeaderEpoch);
  view.setInt8(MAGIC_POSITION, CURRENT_MAGIC);
  view.setInt16(
    ATTRIBUTES_POSITION,
    encodeBatchAttributes({
      compression,
      timestampType,
      isTransactional: input.isTransactional ?? false,
      isControl: input.isControl ?? false,
      hasDeleteHorizonMs,
    }),
  );
  view.setInt32(LAST_OFFSET_DELTA_POSITION, lastOffsetDelta);
  view.setBigInt64(BASE_TIMESTAMP_POSITION, baseTimestamp);
  view.setBigInt64(MAX_TIMESTAMP_POSITION, maxTimestamp);
  view.setBigInt64(PRODUCER_ID_POSITION, producerId);
  view.setInt16(PRODUCER_EPOCH_POSITION, producerEpoch);
  view.setInt32(BASE_SEQUENCE_POSITION, baseSequence);
  view.setInt32(RECORDS_COUNT_POSITION, records.length);
  view.setUint32(CRC_POSITION, crc32c(batch, 0, ATTRIBUTES_POSITION));
  return { ok: true, value: batch };
}
