/**
 * The raw entries of a segment's .index and .timeindex files, damaged ones included (the
 * log's OffsetIndex and TimeIndex load only indexes that pass their checks, and a dump must
 * show what is there). Layouts as Kafka's: an offset index entry is (offset relative to
 * the segment's base, int32; position in the .log, int32); a time index entry is
 * (timestamp, int64; relative offset, int32). A partial entry at the end is not read.
 */
import type { StorageFile } from "../../log/fs/file-system.ts";

export const OFFSET_INDEX_ENTRY_BYTES = 8;
export const TIME_INDEX_ENTRY_BYTES = 12;

export interface OffsetIndexEntry {
  offset: bigint;
  position: number;
}

export interface TimeIndexEntry {
  timestamp: bigint;
  offset: bigint;
}

function entryView(file: StorageFile, entryBytes: number): { view: DataView; entries: number } {
  const entries = Math.floor(file.size() / entryBytes);
  const bytes = file.read(0, entries * entryBytes);
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), entries };
}

export function readOffsetIndexEntries(file: StorageFile, baseOffset: bigint): OffsetIndexEntry[] {
  const { view, entries } = entryView(file, OFFSET_INDEX_ENTRY_BYTES);
  return Array.from({ length: entries }, (_, index) => ({
    offset: baseOffset + BigInt(view.getInt32(index * OFFSET_INDEX_ENTRY_BYTES)),
    position: view.getInt32(index * OFFSET_INDEX_ENTRY_BYTES + 4),
  }));
}

export function readTimeIndexEntries(file: StorageFile, baseOffset: bigint): TimeIndexEntry[] {
  const { view, entries } = entryView(file, TIME_INDEX_ENTRY_BYTES);
  return Array.from({ length: entries }, (_, index) => ({
    timestamp: view.getBigInt64(index * TIME_INDEX_ENTRY_BYTES),
    offset: baseOffset + BigInt(view.getInt32(index * TIME_INDEX_ENTRY_BYTES + 8)),
  }));
}
