/**
 * The checks every batch passes before it is appended, leader or follower: whole batches
 * only (a torn one is CORRUPT_MESSAGE), a good CRC (CORRUPT_MESSAGE), magic 2, a known
 * codec, and no batch over max.message.bytes (MESSAGE_TOO_LARGE). If any batch fails,
 * nothing is appended.
 */
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { RecordBatchHeader } from "../protocol/records/batch-header.ts";
import { iterateRecordBatches } from "../protocol/records/record-batch-scan.ts";
import { logFailure, type LogFailure } from "./log-errors.ts";

export function validateBatches(
  records: Uint8Array,
  maxMessageBytes: number,
): { ok: true; headers: RecordBatchHeader[] } | LogFailure {
  const headers: RecordBatchHeader[] = [];
  for (const entry of iterateRecordBatches(records, { verifyCrc: true })) {
    if (entry.kind !== "batch") return logFailure(entry.error.errorCode, entry.error.message);
    if (entry.header.sizeInBytes > maxMessageBytes) {
      return logFailure(
        ErrorCode.MESSAGE_TOO_LARGE,
        `a batch of ${entry.header.sizeInBytes} bytes is larger than max.message.bytes (${maxMessageBytes})`,
      );
    }
    headers.push(entry.header);
  }
  if (headers.length === 0) return logFailure(ErrorCode.INVALID_RECORD, "the request holds no record batch");
  return { ok: true, headers };
}
