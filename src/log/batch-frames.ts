/**
 * The three header fields that lay a segment out (how long a batch is, and the first and
 * last offsets it holds), read straight from the bytes without parsing or checking the
 * rest. Only for bytes already in a segment's valid part: every batch there passed the
 * full checks on its way in (append or recovery), so reads and lookups need not pay for
 * them again, nor for a header object per batch.
 */
import {
  BASE_OFFSET_POSITION,
  BATCH_LENGTH_POSITION,
  LAST_OFFSET_DELTA_POSITION,
  LOG_OVERHEAD_BYTES,
  RECORD_BATCH_OVERHEAD_BYTES,
} from "../protocol/records/batch-layout.ts";

/** Enough of a batch to read all three fields. */
export const FRAME_FIELDS_BYTES = LAST_OFFSET_DELTA_POSITION + 4;

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The whole batch's size; below RECORD_BATCH_OVERHEAD_BYTES means it is not a batch. */
export function frameSize(view: DataView, at: number): number {
  return LOG_OVERHEAD_BYTES + view.getInt32(at + BATCH_LENGTH_POSITION);
}

export function isPlausibleFrameSize(size: number): boolean {
  return size >= RECORD_BATCH_OVERHEAD_BYTES;
}

export function frameBaseOffset(view: DataView, at: number): bigint {
  return view.getBigInt64(at + BASE_OFFSET_POSITION);
}

export function frameLastOffset(view: DataView, at: number): bigint {
  return frameBaseOffset(view, at) + BigInt(view.getInt32(at + LAST_OFFSET_DELTA_POSITION));
}
