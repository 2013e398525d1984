/**
 * DumpLogSegments.dumpIndex and dumpTimeIndex: every entry of a segment's .index
 * ("offset: N position: M") or .timeindex ("timestamp: T offset: N"), each checked against
 * the segment's .log; entries that do not match go to the report. A zero entry after the
 * first ends the dump, as in Kafka (a preallocated index is zeros past its last entry).
 * --index-sanity-check runs the check the log runs on startup (the log's OffsetIndex and
 * TimeIndex load) instead; --verify-index-only checks without printing entries.
 */
import type { StorageFile } from "../../log/fs/file-system.ts";
import { OffsetIndex } from "../../log/offset-index.ts";
import { TimeIndex } from "../../log/time-index.ts";
import { readRecordBatchHeader } from "../../protocol/records/record-batch.ts";
import type { ToolIo } from "../framework/tool.ts";
import { batchRecords } from "./batch-records.ts";
import type { DumpLogOptions } from "./dump-log-options.ts";
import type { DumpReport } from "./dump-report.ts";
import { fileBatches, type FileBatch } from "./file-batches.ts";
import {
  OFFSET_INDEX_ENTRY_BYTES,
  TIME_INDEX_ENTRY_BYTES,
  readOffsetIndexEntries,
  readTimeIndexEntries,
} from "./index-entries.ts";

/** The files one index dump reads: the index itself, its segment's .log, and for a time index its .index. */
export interface IndexFiles {
  path: string;
  baseOffset: bigint;
  index: StorageFile;
  log: StorageFile;
  offsetIndex?: StorageFile;
}

/** What an index dump ends with: go on, or stop the tool as Kafka's uncaught exception would. */
export type IndexDumpResult = { ok: true } | { ok: false; error: string };

function corruptIndex(path: string): IndexDumpResult {
  return {
    ok: false,
    error:
      `Exception in thread "main" org.apache.kafka.common.errors.CorruptIndexException: Corrupt index found, ` +
      `index file (${path}) failed the check the broker runs on startup, which rebuilds it`,
  };
}

/** The offset index in `file`, opened at its own size (at least one entry's worth, as the broker maps it). */
function openOffsetIndex(file: StorageFile, baseOffset: bigint): OffsetIndex {
  return new OffsetIndex(file, baseOffset, Math.max(file.size(), OFFSET_INDEX_ENTRY_BYTES));
}

/** --index-sanity-check's answer, from whether the index loads as the broker loads it on startup. */
function sanityCheck(files: IndexFiles, loaded: boolean, io: ToolIo): IndexDumpResult {
  if (!loaded) return corruptIndex(files.path);
  io.out(`${files.path} passed sanity check.`);
  return { ok: true };
}

/** The last offset of the batch starting at `position` of the log, read within `maxMessageSize`; -1 when none is there. */
function lastOffsetOfBatchAt(log: StorageFile, position: number, maxMessageSize: number): bigint {
  const bytes = log.read(position, Math.min(maxMessageSize, Math.max(0, log.size() - position)));
  const header = readRecordBatchHeader(bytes);
  return header.ok ? header.value.lastOffset : -1n;
}

export function dumpOffsetIndex(
  files: IndexFiles,
  options: DumpLogOptions,
  report: DumpReport,
  io: ToolIo,
): IndexDumpResult {
  const entries = readOffsetIndexEntries(files.index, files.baseOffset);
  if (entries.length === 0) {
    io.out(`${files.path} is empty.`);
    return { ok: true };
  }
  if (options.indexSanityOnly) {
    const index = openOffsetIndex(files.index, files.baseOffset);
    return sanityCheck(files, index.load(files.log.size()), io);
  }
  for (const [entryIndex, entry] of entries.entries()) {
    if (entry.offset === files.baseOffset && entryIndex > 0) break;
    const logOffset = lastOffsetOfBatchAt(files.log, entry.position, options.maxMessageSize);
    if (logOffset !== entry.offset) report.indexMismatch(files.path, entry.offset, logOffset);
    if (!options.verifyOnly) io.out(`offset: ${entry.offset} position: ${entry.position}`);
  }
  return { ok: true };
}

/** Where to start looking for an offset in the log: the offset index's answer when it loads, else the start. */
function startPositions(files: IndexFiles): (offset: bigint) => number {
  if (files.offsetIndex === undefined) return () => 0;
  const index = openOffsetIndex(files.offsetIndex, files.baseOffset);
  return index.load(files.log.size()) ? (offset) => index.lookup(offset).position : () => 0;
}

export async function dumpTimeIndex(
  files: IndexFiles,
  options: DumpLogOptions,
  report: DumpReport,
  io: ToolIo,
): Promise<IndexDumpResult> {
  if (options.indexSanityOnly) {
    const size = Math.max(files.index.size(), TIME_INDEX_ENTRY_BYTES);
    return sanityCheck(files, new TimeIndex(files.index, files.baseOffset, size).load(), io);
  }
  const startPosition = startPositions(files);
  let previousTimestamp = -1n; // RecordBatch.NO_TIMESTAMP
  for (const [entryIndex, entry] of readTimeIndexEntries(files.index, files.baseOffset).entries()) {
    if (entry.offset === files.baseOffset && entryIndex > 0) break;
    let found: FileBatch | null = null;
    for (const batch of fileBatches(files.log, startPosition(entry.offset), files.log.size())) {
      if (batch.kind !== "batch") break;
      if (batch.header.lastOffset >= entry.offset) {
        found = batch;
        break;
      }
    }
    if (found === null) report.shallowOffsetNotFound(files.path, entry.offset, -1n);
    else if (found.header.lastOffset !== entry.offset) {
      report.shallowOffsetNotFound(files.path, entry.offset, found.header.lastOffset);
    } else {
      const decoded = await batchRecords(found.bytes, found.header);
      let maxTimestamp = -1n;
      if (decoded.ok)
        for (const record of decoded.records)
          if (record.timestamp > maxTimestamp) maxTimestamp = record.timestamp;
      if (maxTimestamp !== entry.timestamp)
        report.timestampMismatch(files.path, entry.timestamp, maxTimestamp);
      if (previousTimestamp >= entry.timestamp)
        report.outOfOrderTimestamp(files.path, entry.timestamp, previousTimestamp);
    }
    if (!options.verifyOnly) io.out(`timestamp: ${entry.timestamp} offset: ${entry.offset}`);
    previousTimestamp = entry.timestamp;
  }
  return { ok: true };
}
