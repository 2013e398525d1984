/**
 * Decodes one whole RecordBatch v2 from untrusted bytes: header, CRC, decompression
 * (bounded), and every record. Any input ends in a decoded batch or a RecordBatchError.
 */
import { RECORDS_POSITION } from "./batch-layout.ts";
import {
  isRecordBatchCrcValid,
  readRecordBatchHeader,
  type RecordBatchHeader,
} from "./batch-header.ts";
import { DEFAULT_DECOMPRESSED_BYTES_MAX } from "./compression/compression-codec.ts";
import { compressionCodec } from "./compression/codecs.ts";
import { exactNumber, type DecodedRecord } from "./decoded-record.ts";
import { batchFailure, type RecordBatchResult } from "./record-batch-error.ts";
import { decodeRecordsSection } from "./records-section-decoder.ts";

export interface DecodedRecordBatch {
  header: RecordBatchHeader;
  records: DecodedRecord[];
}

export interface DecodeRecordBatchOptions {
  /** Where the batch starts in `bytes`. Default 0. */
  position?: number;
  /** Where the readable bytes end. Default bytes.length. */
  end?: number;
  /** Check the CRC32C. Default true; turn off only for bytes already verified. */
  verifyCrc?: boolean;
  /** Bound on the decompressed records section. Default 64 MiB. */
  decompressedBytesMax?: number;
}

const COMPRESSION_FAILURE_KIND = {
  corrupt: "corrupt-compressed-data",
  "size-limit": "decompressed-size-limit",
  unavailable: "unsupported-compression-type",
} as const;

export function decodeRecordBatch(
  bytes: Uint8Array,
  options: DecodeRecordBatchOptions = {},
): RecordBatchResult<DecodedRecordBatch> {
  const position = options.position ?? 0;
  const headerResult = readRecordBatchHeader(bytes, position, options.end ?? bytes.length);
  if (!headerResult.ok) return headerResult;
  const header = headerResult.value;
  if ((options.verifyCrc ?? true) && !isRecordBatchCrcValid(bytes, header)) {
    return batchFailure(
      "crc-mismatch",
      position,
      `stored CRC ${header.crc} does not match the batch`,
    );
  }

  let section = bytes;
  let sectionStart = position + RECORDS_POSITION;
  let sectionEnd = position + header.sizeInBytes;
  if (header.compression !== "none") {
    const decompressed = compressionCodec(header.compression).decompress(
      bytes.subarray(sectionStart, sectionEnd),
      options.decompressedBytesMax ?? DEFAULT_DECOMPRESSED_BYTES_MAX,
    );
    if (!decompressed.ok) {
      return batchFailure(
        COMPRESSION_FAILURE_KIND[decompressed.error.kind],
        position,
        decompressed.error.message,
      );
    }
    section = decompressed.value;
    sectionStart = 0;
    sectionEnd = section.length;
  }

  const logAppendTime = header.timestampType === "LogAppendTime" ? header.maxTimestamp : null;
  const parsed = decodeRecordsSection(
    {
      bytes: section,
      baseOffset: header.baseOffset,
      baseTimestamp: header.baseTimestamp,
      logAppendTime,
      baseSequence: header.baseSequence,
      baseOffsetNumber: exactNumber(header.baseOffset),
      baseTimestampNumber: exactNumber(header.baseTimestamp),
      logAppendTimeNumber: logAppendTime === null ? Number.NaN : exactNumber(logAppendTime),
    },
    sectionStart,
    sectionEnd,
    header.recordsCount,
  );
  if (!parsed.ok) return batchFailure("invalid-record", position, parsed.detail);
  return { ok: true, value: { header, records: parsed.records } };
}
