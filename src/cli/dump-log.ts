/**
 * dump-log: Kafka's kafka-dump-log.sh (DumpLogSegments) for this playground's segments.
 * Prints each .log file's batches (and with --deep-iteration / --print-data-log, its
 * records) in Kafka's exact format. Pure: files come in through `io.readFile`, lines go out
 * through `io.out` / `io.err`, so the same code runs under Node and in a browser worker.
 *
 * Like Kafka's tool it reads batches by their headers and shows a bad CRC as
 * `isvalid: false` rather than stopping; bytes after the last whole batch (a torn write)
 * are reported as "Found N invalid bytes at the end of <file>". Where Kafka's tool would
 * die with a stack trace (a nonsense length, a legacy magic, records that do not parse),
 * this one prints what it found on stderr, carries on where it can, and exits with 1.
 */
import {
  decodeRecordBatch,
  initCompression,
  isCompressionAvailable,
  isRecordBatchCrcValid,
  iterateRecordBatches,
} from "../protocol/records/record-batch.ts";
import { formatBatchLine, formatRecordLine } from "./dump-log-format.ts";
import {
  DUMP_LOG_DESCRIPTION,
  DUMP_LOG_USAGE,
  MAX_BYTES_UNLIMITED,
  parseDumpLogArguments,
  type DumpLogOptions,
} from "./dump-log-options.ts";

export interface DumpLogIo {
  readFile(path: string): Promise<Uint8Array>;
  out(line: string): void;
  err(line: string): void;
}

const LOG_FILE_SUFFIX = ".log";
/** Files Kafka's tool also dumps; this one reads only data segments so far. */
const KNOWN_UNSUPPORTED_SUFFIXES = new Set([
  ".index",
  ".timeindex",
  ".snapshot",
  ".txnindex",
  ".checkpoint",
]);

/** Offset pairs (previous, next) that are not consecutive, per file, as Kafka collects them. */
type NonConsecutiveOffsets = Map<string, Map<bigint, bigint>>;

function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

function printUsage(io: DumpLogIo, message: string): void {
  io.err(message);
  for (const line of DUMP_LOG_USAGE) io.err(line);
}

export async function runDumpLog(args: string[], io: DumpLogIo): Promise<number> {
  const parsed = parseDumpLogArguments(args);
  if (parsed.kind === "help") {
    printUsage(io, DUMP_LOG_DESCRIPTION); // Kafka prints help to stderr and exits 1
    return 1;
  }
  if (parsed.kind === "usage-error") {
    printUsage(io, parsed.message);
    return 1;
  }
  const nonConsecutive: NonConsecutiveOffsets = new Map();
  let exitCode = 0;
  for (const path of parsed.options.files) {
    io.out(`Dumping ${path}`);
    const name = fileName(path);
    const dot = name.lastIndexOf(".");
    const suffix = dot === -1 ? "" : name.slice(dot);
    if (suffix !== LOG_FILE_SUFFIX) {
      io.err(
        KNOWN_UNSUPPORTED_SUFFIXES.has(suffix)
          ? `Dumping ${suffix} files is not supported yet: ${path}`
          : `Ignoring unknown file ${path}`,
      );
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(path);
    } catch (thrown) {
      io.err(`Cannot read ${path}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
      return 1;
    }
    const fileOk = await dumpLogFile(path, bytes, parsed.options, nonConsecutive, io);
    if (!fileOk) exitCode = 1;
  }
  for (const [path, pairs] of nonConsecutive) {
    io.err(`Non-consecutive offsets in ${path}`);
    const previousOffsets = [...pairs.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const previous of previousOffsets)
      io.err(`  ${previous} is followed by ${pairs.get(previous)}`);
  }
  return exitCode;
}

/** Dumps one .log segment; false if something in it could not be read. */
async function dumpLogFile(
  path: string,
  fileBytes: Uint8Array,
  options: DumpLogOptions,
  nonConsecutive: NonConsecutiveOffsets,
  io: DumpLogIo,
): Promise<boolean> {
  const name = fileName(path);
  const baseName = name.slice(0, name.indexOf("."));
  // Kafka parses the segment's base offset from its name; names that are not offsets
  // (a file copied as x.log) are still dumped, without this line.
  if (/^\d+$/.test(baseName)) io.out(`Log starting offset: ${BigInt(baseName)}`);

  const bytes = fileBytes.subarray(0, Math.min(fileBytes.length, options.maxBytes));
  let ok = true;
  let validBytes = 0;
  let lastOffset = -1n;
  for (const entry of iterateRecordBatches(bytes, { verifyCrc: false })) {
    if (entry.kind !== "batch") {
      if (entry.kind === "corrupt") {
        io.err(
          `Found a corrupt batch at position ${entry.position} in ${path}: ${entry.error.message}`,
        );
        ok = false;
      }
      break;
    }
    const header = entry.header;
    io.out(formatBatchLine(header, validBytes, isRecordBatchCrcValid(bytes, header)));
    if (options.deepIteration) {
      if (header.compression === "zstd" && !isCompressionAvailable("zstd")) {
        await initCompression().catch(() => undefined);
      }
      const decoded = decodeRecordBatch(bytes, { position: header.position, verifyCrc: false });
      if (!decoded.ok) {
        io.err(
          `Cannot read the records of the batch at position ${header.position} in ${path}: ${decoded.error.message}`,
        );
        ok = false;
      } else {
        for (const record of decoded.value.records) {
          const offset = record.offset;
          if (offset !== lastOffset + 1n) {
            let pairs = nonConsecutive.get(path);
            if (pairs === undefined) nonConsecutive.set(path, (pairs = new Map()));
            pairs.set(lastOffset, offset);
          }
          lastOffset = offset;
          io.out(
            formatRecordLine(header, record, options.printDataLog, options.skipRecordMetadata),
          );
        }
      }
    }
    validBytes += header.sizeInBytes;
  }
  const trailingBytes = bytes.length - validBytes;
  if (trailingBytes > 0 && options.maxBytes === MAX_BYTES_UNLIMITED) {
    io.out(`Found ${trailingBytes} invalid bytes at the end of ${name}`);
  }
  return ok;
}
