/**
 * What Kafka's offset index and time index share: a file of fixed-size entries, each a
 * (key, value) pair with keys strictly growing, kept in memory for binary search and
 * written to the file in runs. An index that reaches its size limit is full, which makes
 * the segment roll.
 *
 * Why in runs: a write to an OPFS sync access handle costs about as much as a 16 KiB one
 * however small it is (~30 µs in Chromium 156), and with index.interval.bytes = 4096 a
 * 16 KiB batch adds an entry per append, so one 8-byte write per append would halve
 * append throughput and dominate recovery. Kafka's indexes are memory-mapped, and reach
 * the disk when the segment is flushed; here, entries reach the file every
 * PENDING_ENTRIES_MAX entries and at every flush and close, so a flushed segment has its
 * whole index on disk. A crash may lose unwritten entries of the active segment only,
 * which is above the recovery point and rebuilt from the .log on restart.
 */
import type { StorageFile } from "./fs/file-system.ts";

export interface IndexEntryFormat {
  bytes: number;
  write(view: DataView, at: number, key: number, value: number): void;
  readKey(view: DataView, at: number): number;
  readValue(view: DataView, at: number): number;
}

/** Entries held back before they are written in one run (4 KiB of offset index). */
const PENDING_ENTRIES_MAX = 512;

export class SparseIndex {
  private keys = new Float64Array(64);
  private values = new Float64Array(64);
  private count = 0;
  /** How many of the entries are in the file; the rest are pending. */
  private writtenCount = 0;
  private readonly run: Uint8Array;

  constructor(
    readonly file: StorageFile,
    private readonly format: IndexEntryFormat,
    private readonly maxIndexBytes: number,
  ) {
    this.run = new Uint8Array(format.bytes * PENDING_ENTRIES_MAX);
  }

  get entries(): number {
    return this.count;
  }

  get isFull(): boolean {
    return (this.count + 1) * this.format.bytes > this.maxIndexBytes;
  }

  /** The last entry's key and value, or null when empty. */
  last(): [key: number, value: number] | null {
    return this.count === 0 ? null : [this.keys[this.count - 1]!, this.values[this.count - 1]!];
  }

  append(key: number, value: number): void {
    if (this.count > 0 && key <= this.keys[this.count - 1]!) {
      throw new Error(`index keys must grow: ${key} after ${this.keys[this.count - 1]}`);
    }
    this.push(key, value);
    if (this.count - this.writtenCount >= PENDING_ENTRIES_MAX) this.writePending();
  }

  /** Writes the pending entries to the file in one run. */
  writePending(): void {
    const view = new DataView(this.run.buffer);
    while (this.writtenCount < this.count) {
      const entries = Math.min(this.count - this.writtenCount, PENDING_ENTRIES_MAX);
      for (let entry = 0; entry < entries; entry++) {
        const index = this.writtenCount + entry;
        this.format.write(view, entry * this.format.bytes, this.keys[index]!, this.values[index]!);
      }
      this.file.write(this.writtenCount * this.format.bytes, this.run.subarray(0, entries * this.format.bytes));
      this.writtenCount += entries;
    }
  }

  /** Writes the pending entries and makes the file durable. */
  async flush(): Promise<void> {
    this.writePending();
    await this.file.flush();
  }

  /** Writes the pending entries and closes the file. */
  async close(): Promise<void> {
    this.writePending();
    await this.file.close();
  }

  private push(key: number, value: number): void {
    if (this.count === this.keys.length) {
      const keys = new Float64Array(this.count * 2);
      const values = new Float64Array(this.count * 2);
      keys.set(this.keys);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    this.keys[this.count] = key;
    this.values[this.count] = value;
    this.count++;
  }

  /** Index of the last entry whose key is at most `key`, or -1. */
  floor(key: number): number {
    let low = 0;
    let high = this.count - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.keys[middle]! <= key) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  keyAt(entry: number): number {
    return this.keys[entry]!;
  }

  valueAt(entry: number): number {
    return this.values[entry]!;
  }

  /** Drop entries from the end while `drop` says so, in memory and in the file. */
  truncateWhile(drop: (key: number, value: number) => boolean): void {
    while (this.count > 0 && drop(this.keys[this.count - 1]!, this.values[this.count - 1]!)) this.count--;
    if (this.writtenCount > this.count) this.writtenCount = this.count;
    this.file.truncate(this.writtenCount * this.format.bytes);
  }

  reset(): void {
    this.count = 0;
    this.writtenCount = 0;
    this.file.truncate(0);
  }

  /**
   * Load entries from the file, checking them as Kafka's sanity check does: whole entries,
   * growing keys, and whatever `valid` demands of each. Returns false (and holds nothing)
   * when the file is damaged, so the caller rebuilds the index from the log.
   */
  load(valid: (key: number, value: number, previousValue: number | null) => boolean): boolean {
    const size = this.file.size();
    this.count = 0;
    this.writtenCount = 0;
    if (size % this.format.bytes !== 0 || size > this.maxIndexBytes) return false;
    const bytes = this.file.read(0, size);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at < size; at += this.format.bytes) {
      const key = this.format.readKey(view, at);
      const value = this.format.readValue(view, at);
      const previous = this.last();
      if ((previous !== null && key <= previous[0]) || !valid(key, value, previous?.[1] ?? null)) {
        this.count = 0;
        return false;
      }
      this.push(key, value);
    }
    this.writtenCount = this.count;
    return true;
  }
}
