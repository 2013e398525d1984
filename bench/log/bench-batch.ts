/**
 * The batch every append in the log benchmark sends: as many 100-byte records as fit a
 * 16 KiB RecordBatch v2 (what a producer with batch.size=16384 sends), built once and
 * reused, so the benchmark measures the log and not the encoder.
 */
import { encodeRecordBatch } from "../../src/protocol/records/record-batch-encoder.ts";

export interface BenchBatch {
  bytes: Uint8Array;
  records: number;
}

function encodeWith(records: number, valueBytes: number, timestampMs: bigint): Uint8Array {
  const value = new Uint8Array(valueBytes);
  // Varied bytes, not zeros: nothing below should get a chance to be clever about them.
  for (let index = 0; index < valueBytes; index++) value[index] = (index * 131 + 17) & 0xff;
  const encoded = encodeRecordBatch({
    records: Array.from({ length: records }, () => ({ key: null, value, timestamp: timestampMs })),
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

/** The largest batch of `valueBytes`-byte records (null keys) that fits `batchBytesMax`. */
export function buildBenchBatch(
  batchBytesMax: number,
  valueBytes: number,
  timestampMs: bigint,
): BenchBatch {
  let records = 1;
  while (encodeWith(records + 1, valueBytes, timestampMs).length <= batchBytesMax) records++;
  return { bytes: encodeWith(records, valueBytes, timestampMs), records };
}
