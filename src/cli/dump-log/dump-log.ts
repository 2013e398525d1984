/**
 * kafka-dump-log (Kafka's DumpLogSegments) for this playground's log files: .log segments
 * batch by batch and record by record, .index and .timeindex entries checked against their
 * segment, `__cluster_metadata` and `__consumer_offsets` records decoded to Kafka's JSON.
 * Files come from `io.files`, as the user named them; nothing is written.
 */
import type { FileSystem, StorageFile } from "../../log/fs/file-system.ts";
import {
  FAILURE,
  SUCCESS,
  maybePrintHelpOrVersion,
  missingRequiredArgument,
  printOptionException,
  printUsageAndExit,
} from "../framework/command-line-utils.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import { dumpDataLog } from "./dump-data-log.ts";
import { dumpOffsetIndex, dumpTimeIndex, type IndexDumpResult } from "./dump-indexes.ts";
import {
  DUMP_LOG_DESCRIPTION,
  dumpLogOptionParser,
  dumpLogOptions,
  type DumpLogOptions,
} from "./dump-log-options.ts";
import { DumpReport } from "./dump-report.ts";
import { fileSuffix, segmentBaseOffset, siblingFile } from "./segment-file-names.ts";

/** A missing or unreadable file ends the dump, as the JVM's uncaught exception ends Kafka's. */
class FileOpenError extends Error {}

async function openForReading(
  files: FileSystem,
  path: string,
  opened: StorageFile[],
): Promise<StorageFile> {
  try {
    const file = await files.open(path);
    opened.push(file);
    return file;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FileOpenError(
      `Exception in thread "main" java.nio.file.NoSuchFileException: ${path} (${detail})`,
    );
  }
}

/** Dumps one file by its suffix; false when something in it could not be read. */
async function dumpFile(
  path: string,
  options: DumpLogOptions,
  report: DumpReport,
  io: ToolIo,
): Promise<boolean | IndexDumpResult> {
  const suffix = fileSuffix(path);
  const opened: StorageFile[] = [];
  try {
    if (suffix === ".log")
      return await dumpDataLog(
        path,
        await openForReading(io.files, path, opened),
        options,
        report,
        io,
      );
    if (suffix !== ".index" && suffix !== ".timeindex") {
      io.err(`Ignoring unknown file ${path}`);
      return true;
    }
    const baseOffset = segmentBaseOffset(path);
    if (baseOffset === null) {
      throw new FileOpenError(
        `Exception in thread "main" java.lang.NumberFormatException: For input string: "${path}"`,
      );
    }
    const index = await openForReading(io.files, path, opened);
    const log = await openForReading(io.files, siblingFile(path, ".log"), opened);
    if (suffix === ".index")
      return dumpOffsetIndex({ path, baseOffset, index, log }, options, report, io);
    const offsetIndex = await openForReading(io.files, siblingFile(path, ".index"), opened);
    return await dumpTimeIndex({ path, baseOffset, index, log, offsetIndex }, options, report, io);
  } finally {
    await Promise.all(opened.map((file) => file.close().catch(() => undefined)));
  }
}

async function runDumpLog(args: readonly string[], io: ToolIo): Promise<number> {
  const parser = dumpLogOptionParser();
  const parsed = parser.parse(args);
  if (!parsed.ok) return printOptionException(io, parser, parsed.error);
  const early = maybePrintHelpOrVersion(io, parser, args, parsed.options, DUMP_LOG_DESCRIPTION);
  if (early !== null) return early;
  const missing = missingRequiredArgument(parsed.options, ["files"]);
  if (missing !== null) return printUsageAndExit(io, parser, missing);

  const options = dumpLogOptions(parsed.options);
  const report = new DumpReport();
  let exitCode = SUCCESS;
  for (const path of options.files) {
    io.out(`Dumping ${path}`);
    try {
      const result = await dumpFile(path, options, report, io);
      if (result === false) exitCode = FAILURE;
      if (typeof result === "object" && !result.ok) {
        io.err(result.error);
        return FAILURE;
      }
    } catch (error) {
      if (!(error instanceof FileOpenError)) throw error;
      io.err(error.message);
      return FAILURE;
    }
  }
  report.print(io);
  return exitCode;
}

export const dumpLogTool: Tool = {
  name: "kafka-dump-log",
  usage: DUMP_LOG_DESCRIPTION,
  run: runDumpLog,
  commandLine: () => dumpLogOptionParser().commandLine(),
};
