/** A batch's records for the dump: decompressed (zstd loaded on first need), CRC not checked. */
import {
  decodeRecordBatch,
  initCompression,
  isCompressionAvailable,
  type DecodedRecord,
  type RecordBatchHeader,
} from "../../protocol/records/record-batch.ts";

export type BatchRecords = { ok: true; records: DecodedRecord[] } | { ok: false; message: string };

/** The records of the batch `header` describes in `bytes` (positions in `header` are into `bytes`). */
export async function batchRecords(
  bytes: Uint8Array,
  header: RecordBatchHeader,
): Promise<BatchRecords> {
  if (header.compression === "zstd" && !isCompressionAvailable("zstd")) {
    await initCompression().catch(() => undefined); // still unavailable: the decode says so
  }
  const decoded = decodeRecordBatch(bytes, { position: header.position, verifyCrc: false });
  return decoded.ok
    ? { ok: true, records: decoded.value.records }
    : { ok: false, message: decoded.error.message };
}
