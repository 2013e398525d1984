/**
 * The checks every batch passes before it is appended, leader or follower: whole batches
 * only (a torn one is CORRUPT_MESSAGE), a good CRC (CORRUPT_MESSAGE), magic 2, a known
 * codec, and no batch over max.message.bytes (MESSAGE_TOO_LARGE). If any batch fails,
 * nothing is appended. A leader also refuses what would not fit one segment
 * (RECORD_LIST_TOO_LARGE, `segmentFitProblem`).
 */
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { isRecordBatchCrcValid, readRecordBatchHeader, type RecordBatchHeader } from "../protocol/records/batch-header.ts";
import { logFailure, type LogFailure } from "./log-errors.ts";

/**
 * The same walk as iterateRecordBatches with verifyCrc, without a generator and an entry
 * object per batch: this runs on every append, and everything but the CRC should be free.
 */
export function validateBatches(
  records: Uint8Array,
  maxMessageBytes: number,
): { ok: true; headers: RecordBatchHeader[] } | LogFailure {
  const headers: RecordBatchHeader[] = [];
  for (let position = 0; position < records.length; ) {
    const read = readRecordBatchHeader(records, position);
    if (!read.ok) return logFailure(read.error.errorCode, read.error.message);
    const header = read.value;
    if (!isRecordBatchCrcValid(records, header)) {
      return logFailure(ErrorCode.CORRUPT_MESSAGE, `batch at byte ${position}: stored CRC ${header.crc} does not match the batch`);
    }
    if (header.sizeInBytes > maxMessageBytes) {
      return logFailure(
        ErrorCode.MESSAGE_TOO_LARGE,
        `a batch of ${header.sizeInBytes} bytes is larger than max.message.bytes (${maxMessageBytes})`,
      );
    }
    headers.push(header);
    position += header.sizeInBytes;
  }
  if (headers.length === 0) return logFailure(ErrorCode.INVALID_RECORD, "the request holds no record batch");
  return { ok: true, headers };
}

/**
 * Kafka's UnifiedLog refuses an append larger than segment.bytes with
 * RecordBatchTooLargeException (RECORD_LIST_TOO_LARGE): a segment could never hold it.
 * Only the leader checks here: a follower's fetched run of batches may be longer than a
 * tiny segment.bytes, and refusing it would stall replication.
 */
export function segmentFitProblem(records: Uint8Array, segmentBytes: number): LogFailure | null {
  if (records.length <= segmentBytes) return null;
  return logFailure(
    ErrorCode.RECORD_LIST_TOO_LARGE,
    `a record batch of ${records.length} bytes exceeds the maximum configured segment size of ${segmentBytes} (segment.bytes)`,
  );
}
