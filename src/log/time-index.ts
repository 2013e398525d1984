/**
 * A segment's time index, Kafka's `.timeindex` file: 12-byte entries of (timestamp,
 * int64; offset relative to the segment's base, int32), added with the offset index
 * whenever the largest timestamp so far has grown. Finds where to start looking for the
 * first record at or after a time (ListOffsets by timestamp).
 */
import type { StorageFile } from "./fs/file-system.ts";
import { SparseIndex, type IndexEntryFormat } from "./sparse-index.ts";

const TIME_ENTRY: IndexEntryFormat = {
  bytes: 12,
  write(view, at, timestamp, relativeOffset) {
    view.setBigInt64(at, BigInt(timestamp));
    view.setInt32(at + 8, relativeOffset);
  },
  readKey: (view, at) => Number(view.getBigInt64(at)),
  readValue: (view, at) => view.getInt32(at + 8),
};

export class TimeIndex {
  private readonly index: SparseIndex;

  constructor(
    file: StorageFile,
    readonly baseOffset: bigint,
    maxIndexBytes: number,
  ) {
    this.index = new SparseIndex(file, TIME_ENTRY, maxIndexBytes);
  }

  get file(): StorageFile {
    return this.index.file;
  }

  /** Writes the entries not yet in the file, then makes it durable. */
  flush(): Promise<void> {
    return this.index.flush();
  }

  /** Writes the entries not yet in the file, then closes it. */
  close(): Promise<void> {
    return this.index.close();
  }

  get isFull(): boolean {
    return this.index.isFull;
  }

  /** The largest timestamp indexed so far, or null. */
  get lastTimestamp(): bigint | null {
    const last = this.index.last();
    return last === null ? null : BigInt(last[0]);
  }

  /** Record that `offset` holds the largest timestamp so far; ignored unless it grew. */
  maybeAppend(timestamp: bigint, offset: bigint): void {
    const last = this.index.last();
    if (last !== null && Number(timestamp) <= last[0]) return;
    this.index.append(Number(timestamp), Number(offset - this.baseOffset));
  }

  /**
   * The offset to start scanning from for the first record at or after `timestamp`: the
   * last entry strictly before it, so no record with exactly that timestamp is skipped.
   */
  lookup(timestamp: bigint): bigint {
    const entry = this.index.floor(Number(timestamp) - 1);
    return entry < 0 ? this.baseOffset : this.baseOffset + BigInt(this.index.valueAt(entry));
  }

  truncateToOffset(offset: bigint): void {
    const relative = Number(offset - this.baseOffset);
    this.index.truncateWhile((_timestamp, value) => value >= relative);
  }

  reset(): void {
    this.index.reset();
  }

  load(): boolean {
    return this.index.load((_timestamp, relative, previous) => relative >= 0 && (previous === null || relative >= previous));
  }
}
