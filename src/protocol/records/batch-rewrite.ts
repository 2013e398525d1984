/**
 * In-place edits a leader makes to a batch it appends, without re-encoding it (Kafka's
 * LogValidator does the same to uncompressed and compressed batches alike):
 *
 * - baseOffset and partitionLeaderEpoch sit before the CRC'd region, so changing them
 *   leaves the CRC valid;
 * - maxTimestamp and the timestamp-type bit (for LogAppendTime) are inside it, so the CRC
 *   is recomputed.
 *
 * `position` must point at a batch whose header was already read successfully; anything
 * else is a programmer error and throws.
 */
import { withTimestampType, type TimestampType } from "./attributes.ts";
import {
  ATTRIBUTES_POSITION,
  BASE_OFFSET_POSITION,
  BATCH_LENGTH_POSITION,
  CRC_POSITION,
  LOG_OVERHEAD_BYTES,
  MAX_TIMESTAMP_POSITION,
  PARTITION_LEADER_EPOCH_POSITION,
  RECORD_BATCH_OVERHEAD_BYTES,
} from "./batch-layout.ts";
import { crc32c } from "./crc32c.ts";

function headerView(bytes: Uint8Array, position: number): DataView {
  if (position < 0 || position + RECORD_BATCH_OVERHEAD_BYTES > bytes.length) {
    throw new RangeError(`no batch header at byte ${position} of ${bytes.length}`);
  }
  return new DataView(bytes.buffer, bytes.byteOffset + position, bytes.length - position);
}

function batchSize(view: DataView): number {
  const size = LOG_OVERHEAD_BYTES + view.getInt32(BATCH_LENGTH_POSITION);
  if (size < RECORD_BATCH_OVERHEAD_BYTES || size > view.byteLength) {
    throw new RangeError(`batch size ${size} does not fit the ${view.byteLength} bytes after it`);
  }
  return size;
}

export function setBatchBaseOffset(bytes: Uint8Array, position: number, baseOffset: bigint): void {
  headerView(bytes, position).setBigInt64(BASE_OFFSET_POSITION, baseOffset);
}

export function setBatchPartitionLeaderEpoch(
  bytes: Uint8Array,
  position: number,
  epoch: number,
): void {
  headerView(bytes, position).setInt32(PARTITION_LEADER_EPOCH_POSITION, epoch);
}

/** Recomputes and stores the CRC32C of the batch at `position`. */
export function writeBatchCrc(bytes: Uint8Array, position: number): void {
  const view = headerView(bytes, position);
  const size = batchSize(view);
  view.setUint32(CRC_POSITION, crc32c(bytes, 0, position + ATTRIBUTES_POSITION, position + size));
}

/**
 * Sets the timestamp type and maxTimestamp (LogAppendTime: the broker's append time) and
 * recomputes the CRC, unless both already hold those values (as Kafka's setMaxTimestamp).
 */
export function setBatchMaxTimestamp(
  bytes: Uint8Array,
  position: number,
  timestampType: TimestampType,
  maxTimestamp: bigint,
): void {
  const view = headerView(bytes, position);
  batchSize(view);
  const attributes = view.getInt16(ATTRIBUTES_POSITION);
  const updatedAttributes = withTimestampType(attributes, timestampType);
  if (updatedAttributes === attributes && view.getBigInt64(MAX_TIMESTAMP_POSITION) === maxTimestamp)
    return;
  view.setInt16(ATTRIBUTES_POSITION, updatedAttributes);
  view.setBigInt64(MAX_TIMESTAMP_POSITION, maxTimestamp);
  writeBatchCrc(bytes, position);
}
