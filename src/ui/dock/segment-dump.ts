/**
 * A segment as kafka-dump-log shows it: the real tool (src/cli/dump-log) run on the first
 * SEGMENT_READ_BYTES of a broker's .log file, its lines kept (bounded) with the position
 * and size of each batch line, so a click can show that batch's bytes.
 */
import type { ClientIo } from "../../client/client-io.ts";
import { dumpLogTool } from "../../cli/dump-log/dump-log.ts";
import type { ToolIo } from "../../cli/framework/tool.ts";
import { StorageSnapshotFiles, type StorageReader } from "./storage-files.ts";

/** How much of a segment the inspector reads: enough for thousands of batches. */
export const SEGMENT_READ_BYTES = 1024 * 1024;
/** Lines of output kept; the rest is counted, not shown. */
export const DUMP_MAX_LINES = 20_000;

export interface DumpLine {
  text: string;
  stream: "out" | "err";
  /** For a batch line: where the batch is in the file and how big. */
  batch: { position: number; size: number } | null;
}

export interface SegmentDump {
  /** The command line the output is from, as a user would type it. */
  command: string;
  lines: DumpLine[];
  /** Lines the tool printed beyond DUMP_MAX_LINES. */
  linesCut: number;
  /** The bytes the tool read (the segment's first SEGMENT_READ_BYTES at most). */
  bytes: Uint8Array;
  /** The segment's size when it was read. */
  fileSize: number;
  exitCode: number;
}

/** DumpLogSegments' batch line carries `position: N` and `size: M` (dump-log-format.ts). */
const BATCH_LINE = /^baseOffset: .* position: (\d+) .* size: (\d+) magic: /;

export function batchOfLine(text: string): DumpLine["batch"] {
  const match = BATCH_LINE.exec(text);
  return match === null ? null : { position: Number(match[1]), size: Number(match[2]) };
}

/** The tool never dials out here: kafka-dump-log reads files only. */
const NO_NETWORK: ClientIo = {
  connect: () => null,
  nowMs: () => Date.now(),
  after: (delayMs, run) => {
    setTimeout(run, delayMs);
  },
  random: Math.random,
};

export interface DumpOptions {
  /** Print each record (--print-data-log, or the decoder for an internal topic). */
  printDataLog: boolean;
  /** Records of __consumer_offsets or __cluster_metadata, decoded as Kafka's tool does. */
  decoder?: "offsets" | "cluster-metadata" | null;
  /** How much of the segment to read (default SEGMENT_READ_BYTES). */
  readBytes?: number;
}

export async function dumpSegment(
  reader: StorageReader,
  path: string,
  options: DumpOptions,
): Promise<SegmentDump | null> {
  const files = new StorageSnapshotFiles(reader, options.readBytes ?? SEGMENT_READ_BYTES);
  const snapshot = await files.snapshot(path);
  if (snapshot === null) return null;
  const args = ["--files", path];
  // A decoder implies --print-data-log, as in Kafka.
  if (options.printDataLog)
    args.push(options.decoder == null ? "--print-data-log" : `--${options.decoder}-decoder`);
  // A cut read ends inside a batch: bounding the tool to it keeps that from reading as corruption.
  if (snapshot.bytes.length < snapshot.fileSize)
    args.push("--max-bytes", String(snapshot.bytes.length));
  const lines: DumpLine[] = [];
  let linesCut = 0;
  const keep = (stream: DumpLine["stream"], text: string) => {
    if (lines.length >= DUMP_MAX_LINES) linesCut++;
    else lines.push({ text, stream, batch: stream === "out" ? batchOfLine(text) : null });
  };
  const io: ToolIo = {
    out: (line) => keep("out", line),
    err: (line) => keep("err", line),
    readLines: async function* () {},
    files,
    connect: NO_NETWORK,
  };
  const exitCode = await dumpLogTool.run(args, io);
  return {
    command: `kafka-dump-log ${args.join(" ")}`,
    lines,
    linesCut,
    bytes: snapshot.bytes,
    fileSize: snapshot.fileSize,
    exitCode,
  };
}
