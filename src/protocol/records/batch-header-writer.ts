/**
 * Writes the 61-byte RecordBatch v2 header in front of a records section that is already in
 * place, then the CRC32C over everything after the CRC field. The one header writer for the
 * friendly encoder (encodeRecordBatch) and the producer's builder, so both lay out the same
 * bytes.
 */
import { encodeBatchAttributes, type BatchAttributes } from "./attributes.ts";
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
  PARTITION_LEADER_EPOCH_POSITION,
  PRODUCER_EPOCH_POSITION,
  PRODUCER_ID_POSITION,
  RECORDS_COUNT_POSITION,
} from "./batch-layout.ts";
import { crc32c } from "./crc32c.ts";

export interface BatchHeaderFields {
  baseOffset: bigint;
  partitionLeaderEpoch: number;
  attributes: BatchAttributes;
  lastOffsetDelta: number;
  baseTimestamp: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordsCount: number;
}

/** `batch` is the whole batch: header space, then the records section. */
export function writeBatchHeader(batch: Uint8Array, fields: BatchHeaderFields): void {
  const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  view.setBigInt64(BASE_OFFSET_POSITION, fields.baseOffset);
  view.setInt32(BATCH_LENGTH_POSITION, batch.length - LOG_OVERHEAD_BYTES);
  view.setInt32(PARTITION_LEADER_EPOCH_POSITION, fields.partitionLeaderEpoch);
  view.setInt8(MAGIC_POSITION, CURRENT_MAGIC);
  view.setInt16(ATTRIBUTES_POSITION, encodeBatchAttributes(fields.attributes));
  view.setInt32(LAST_OFFSET_DELTA_POSITION, fields.lastOffsetDelta);
  view.setBigInt64(BASE_TIMESTAMP_POSITION, fields.baseTimestamp);
  view.setBigInt64(MAX_TIMESTAMP_POSITION, fields.maxTimestamp);
  view.setBigInt64(PRODUCER_ID_POSITION, fields.producerId);
  view.setInt16(PRODUCER_EPOCH_POSITION, fields.producerEpoch);
  view.setInt32(BASE_SEQUENCE_POSITION, fields.baseSequence);
  view.setInt32(RECORDS_COUNT_POSITION, fields.recordsCount);
  view.setUint32(CRC_POSITION, crc32c(batch, 0, ATTRIBUTES_POSITION));
}
