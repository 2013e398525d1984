/**
 * A segment's offset index, Kafka's `.index` file: 8-byte entries of (offset relative to
 * the segment's base offset, int32; byte position in the .log, int32), one every
 * `index.interval.bytes` of log, used to start reads near an offset.
 */
import type { StorageFile } from "./fs/file-system.ts";
import { SparseIndex, type IndexEntryFormat } from "./sparse-index.ts";

const OFFSET_ENTRY: IndexEntryFormat = {
  bytes: 8,
  write(view, at, relativeOffset, position) {
    view.setInt32(at, relativeOffset);
    view.setInt32(at + 4, position);
  },
  readKey: (view, at) => view.getInt32(at),
  readValue: (view, at) => view.getInt32(at + 4),
};

export interface IndexPosition {
  offset: bigint;
  position: number;
}

export class OffsetIndex {
  private readonly index: SparseIndex;

  constructor(
    file: StorageFile,
    readonly baseOffset: bigint,
    maxIndexBytes: number,
  ) {
    this.index = new SparseIndex(file, OFFSET_ENTRY, maxIndexBytes);
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

  get entries(): number {
    return this.index.entries;
  }

  append(offset: bigint, position: number): void {
    this.index.append(Number(offset - this.baseOffset), position);
  }

  /** The last indexed position at or before `offset`; the segment's start if none. */
  lookup(offset: bigint): IndexPosition {
    const entry = this.index.floor(Number(offset - this.baseOffset));
    if (entry < 0) return { offset: this.baseOffset, position: 0 };
    return { offset: this.baseOffset + BigInt(this.index.keyAt(entry)), position: this.index.valueAt(entry) };
  }

  /** Forget entries for offsets at or after `offset`. */
  truncateToOffset(offset: bigint): void {
    const relative = Number(offset - this.baseOffset);
    this.index.truncateWhile((key) => key >= relative);
  }

  /** Forget entries pointing at or past byte `position` of the log. */
  truncateToPosition(position: number): void {
    this.index.truncateWhile((_key, value) => value >= position);
  }

  reset(): void {
    this.index.reset();
  }

  /** Load from the file; false when it is damaged and must be rebuilt. */
  load(logSizeBytes: number): boolean {
    return this.index.load(
      (relative, position, previousPosition) =>
        relative >= 0 && position >= 0 && position < logSizeBytes && (previousPosition === null || position > previousPosition),
    );
  }
}
