/**
 * DumpLogSegments.dumpLog: a .log segment batch by batch ("baseOffset: ... isvalid: true"),
 * with deep iteration record by record, then "Found N invalid bytes at the end of <file>"
 * for bytes after the last whole batch (a torn write). A bad CRC shows as `isvalid: false`
 * and the dump goes on. Where Kafka's tool dies with a stack trace (a length that cannot
 * be a batch, a legacy magic, records that do not parse), this one says what it found on
 * standard error, carries on where it can, and the tool exits 1.
 */
import type { StorageFile } from "../../log/fs/file-system.ts";
import { isRecordBatchCrcValid } from "../../protocol/records/record-batch.ts";
import type { ToolIo } from "../framework/tool.ts";
import { batchRecords } from "./batch-records.ts";
import { formatBatchLine, formatRecordLine } from "./dump-log-format.ts";
import type { DumpLogOptions } from "./dump-log-options.ts";
import type { DumpReport } from "./dump-report.ts";
import { fileBatches } from "./file-batches.ts";
import { fileName, segmentBaseOffset } from "./segment-file-names.ts";

/** Kafka's default --max-bytes: Integer.MAX_VALUE, "the whole file". */
export const MAX_BYTES_UNLIMITED = 2147483647;

/** Dumps one .log file; false when part of it could not be read. */
export async function dumpDataLog(
  path: string,
  file: StorageFile,
  options: DumpLogOptions,
  report: DumpReport,
  io: ToolIo,
): Promise<boolean> {
  const baseOffset = segmentBaseOffset(path);
  // Kafka parses the base offset from the name; a copy named x.log is still dumped, without it.
  if (baseOffset !== null) io.out(`Log starting offset: ${baseOffset}`);
  const end = Math.min(file.size(), options.maxBytes);
  let ok = true;
  let validBytes = 0;
  let lastOffset: bigint | null = null;
  for (const entry of fileBatches(file, 0, end)) {
    if (entry.kind !== "batch") {
      if (entry.kind === "corrupt") {
        io.err(
          `Found a corrupt batch at position ${entry.filePosition} in ${path}: ${entry.error.message}`,
        );
        ok = false;
      }
      break;
    }
    const { header, bytes } = entry;
    io.out(formatBatchLine(header, validBytes, isRecordBatchCrcValid(bytes, header)));
    if (options.deepIteration) {
      const decoded = await batchRecords(bytes, header);
      if (!decoded.ok) {
        io.err(
          `Cannot read the records of the batch at position ${entry.filePosition} in ${path}: ${decoded.message}`,
        );
        ok = false;
      } else {
        for (const record of decoded.records) {
          const offset = record.offset;
          if (lastOffset !== null && offset !== lastOffset + 1n)
            report.nonConsecutive(path, lastOffset, offset);
          lastOffset = offset;
          const parsed = options.printDataLog ? options.parser(record) : null;
          io.out(formatRecordLine(header, record, parsed, options.skipRecordMetadata));
        }
      }
    }
    validBytes += header.sizeInBytes;
  }
  const trailingBytes = end - validBytes;
  if (trailingBytes > 0 && options.maxBytes === MAX_BYTES_UNLIMITED) {
    io.out(`Found ${trailingBytes} invalid bytes at the end of ${fileName(path)}`);
  }
  return ok;
}
