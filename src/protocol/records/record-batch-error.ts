/**
 * What RecordBatch code reports instead of throwing. Batches come from the network and
 * from disk; whatever the bytes, the answer is a batch or one of these, each carrying the
 * Kafka error code a broker would answer with.
 */
import { ErrorCode } from "../generated/error-codes.ts";

export type RecordBatchErrorKind =
  | "truncated" // the bytes end before the batch does (a torn write, a cut-off buffer)
  | "invalid-batch-length" // batchLength is smaller than any batch can be
  | "unsupported-magic" // magic 0/1 (legacy message sets) or an unknown magic
  | "crc-mismatch" // the stored CRC32C does not match the bytes
  | "invalid-record" // the records section is malformed or disagrees with the header
  | "unsupported-compression-type" // codec bits 5-7, or zstd before initCompression()
  | "corrupt-compressed-data" // the codec could not decompress the records
  | "decompressed-size-limit"; // the records decompress to more than allowed ("zip bomb")

/** The Kafka error code a broker answers with for each kind. */
const ERROR_CODE_BY_KIND: Record<RecordBatchErrorKind, number> = {
  truncated: ErrorCode.CORRUPT_MESSAGE,
  "invalid-batch-length": ErrorCode.CORRUPT_MESSAGE,
  "unsupported-magic": ErrorCode.INVALID_RECORD,
  "crc-mismatch": ErrorCode.CORRUPT_MESSAGE,
  "invalid-record": ErrorCode.INVALID_RECORD,
  "unsupported-compression-type": ErrorCode.UNSUPPORTED_COMPRESSION_TYPE,
  "corrupt-compressed-data": ErrorCode.CORRUPT_MESSAGE,
  "decompressed-size-limit": ErrorCode.MESSAGE_TOO_LARGE,
};

export class RecordBatchError extends Error {
  override readonly name = "RecordBatchError";
  /** The Kafka error code for this failure. */
  readonly errorCode: number;

  constructor(
    readonly kind: RecordBatchErrorKind,
    /** Byte position in the input where the batch with the problem starts. */
    readonly position: number,
    detail: string,
  ) {
    super(`${kind} (batch at byte ${position}): ${detail}`);
    this.errorCode = ERROR_CODE_BY_KIND[kind];
  }
}

export type RecordBatchResult<T> = { ok: true; value: T } | { ok: false; error: RecordBatchError };

export function batchFailure<T>(
  kind: RecordBatchErrorKind,
  position: number,
  detail: string,
): RecordBatchResult<T> {
  return { ok: false, error: new RecordBatchError(kind, position, detail) };
}
