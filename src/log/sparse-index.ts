/**
 * What Kafka's offset index and time index share: a file of fixed-size entries, each a
 * (key, value) pair with keys strictly growing, kept in memory for binary search and
 * appended to the file as entries are added. An index that reaches its size limit is
 * full, which makes the segment roll.
 */
import type { StorageFile } from "./fs/file-system.ts";

export interface IndexEntryFormat {
  bytes: number;
  write(view: DataView, at: number, key: number, value: number): void;
  readKey(view: DataView, at: number): number;
  readValue(view: DataView, at: number): number;
}

export class SparseIndex {
  private keys = new Float64Array(64);
  private values = new Float64Array(64);
  private count = 0;
  private readonly scratch: Uint8Array;

  constructor(
    readonly file: StorageFile,
    private readonly format: IndexEntryFormat,
    private readonly maxIndexBytes: number,
  ) {
    this.scratch = new Uint8Array(format.bytes);
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
    this.format.write(new DataView(this.scratch.buffer), 0, key, value);
    this.file.write((this.count - 1) * this.format.bytes, this.scratch);
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
    this.file.truncate(this.count * this.format.bytes);
  }

  reset(): void {
    this.count = 0;
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
    return true;
  }
}
