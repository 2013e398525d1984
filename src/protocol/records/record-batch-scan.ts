/**
 * Walks a buffer of concatenated batches (a segment file, a fetch response's records) by
 * their headers alone. It stops at the first thing that is not a whole valid batch and
 * says what it was:
 *
 * - "torn-tail": the bytes end inside a batch (a write cut short by a crash, or a fetch
 *   that filled its byte budget). Recovery truncates here; a fetch client ignores it.
 * - "corrupt": a batch that cannot be a valid batch where one should start (bad length,
 *   magic, codec, or CRC when checked). Nothing after it can be trusted, because the next
 *   batch boundary comes from this batch's own length.
 */
import {
  isRecordBatchCrcValid,
  readRecordBatchHeader,
  type RecordBatchHeader,
} from "./batch-header.ts";
import { RecordBatchError } from "./record-batch-error.ts";

export type RecordBatchScanEntry =
  | { kind: "batch"; header: RecordBatchHeader }
  | { kind: "torn-tail"; position: number; trailingBytes: number; error: RecordBatchError }
  | { kind: "corrupt"; position: number; trailingBytes: number; error: RecordBatchError };

export interface RecordBatchScanOptions {
  /** Default 0. */
  start?: number;
  /** Default bytes.length. */
  end?: number;
  /** Check each batch's CRC32C (reading all its bytes). Default true. */
  verifyCrc?: boolean;
}

export function* iterateRecordBatches(
  bytes: Uint8Array,
  options: RecordBatchScanOptions = {},
): Generator<RecordBatchScanEntry, void, undefined> {
  const end = options.end ?? bytes.length;
  const verifyCrc = options.verifyCrc ?? true;
  let position = options.start ?? 0;
  while (position < end) {
    const result = readRecordBatchHeader(bytes, position, end);
    const trailingBytes = end - position;
    if (!result.ok) {
      const kind = result.error.kind === "truncated" ? "torn-tail" : "corrupt";
      yield { kind, position, trailingBytes, error: result.error };
      return;
    }
    const header = result.value;
    if (verifyCrc && !isRecordBatchCrcValid(bytes, header)) {
      const error = new RecordBatchError(
        "crc-mismatch",
        position,
        `stored CRC ${header.crc} does not match the batch`,
      );
      yield { kind: "corrupt", position, trailingBytes, error };
      return;
    }
    yield { kind: "batch", header };
    position += header.sizeInBytes;
  }
}

export interface RecordBatchScan {
  batches: RecordBatchHeader[];
  /** Bytes from `start` through the end of the last whole valid batch. */
  validBytes: number;
  /** What stopped the scan before the end, or null when every byte was a valid batch. */
  problem: Extract<RecordBatchScanEntry, { kind: "torn-tail" | "corrupt" }> | null;
}

/** All of `iterateRecordBatches`, collected. */
export function scanRecordBatches(
  bytes: Uint8Array,
  options: RecordBatchScanOptions = {},
): RecordBatchScan {
  const start = options.start ?? 0;
  const batches: RecordBatchHeader[] = [];
  let validBytes = 0;
  for (const entry of iterateRecordBatches(bytes, options)) {
    if (entry.kind !== "batch") return { batches, validBytes, problem: entry };
    batches.push(entry.header);
    validBytes = entry.header.position + entry.header.sizeInBytes - start;
  }
  return { batches, validBytes, problem: null };
}
