/** Test helpers: producer-style record batches with readable values. */
import { concatBytes } from "../../protocol/primitives/bytes.ts";
import { encodeRecordBatch } from "../../protocol/records/record-batch-encoder.ts";

const encoder = new TextEncoder();

/** One batch of `count` records "value-0", "value-1", ... with the given timestamp. */
export function producerBatch(count: number, timestampMs = 1_700_000_000_000n, valueBytes = 0): Uint8Array {
  const records = Array.from({ length: count }, (_, i) => ({
    key: encoder.encode(`key-${i}`),
    value: valueBytes > 0 ? new Uint8Array(valueBytes).fill(97 + (i % 26)) : encoder.encode(`value-${i}`),
    timestamp: timestampMs,
  }));
  const encoded = encodeRecordBatch({ records });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return concatBytes(parts);
}
