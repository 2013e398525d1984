/** Test helpers for building batches, free of any test framework. */
import { encodeRecordBatch } from "../record-batch-encoder.ts";
import type { RecordBatchInput } from "../record-batch-input.ts";

export const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** The encoded batch, or a thrown error: tests build only valid batches this way. */
export function encoded(input: RecordBatchInput): Uint8Array {
  const result = encodeRecordBatch(input);
  if (!result.ok) throw result.error;
  return result.value;
}
