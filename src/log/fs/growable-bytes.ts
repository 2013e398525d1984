/**
 * A byte array that grows by doubling, with a logical size: the in-memory body of a file
 * for the memory and IndexedDB backends. Reads are views, never copies, so a read costs
 * nothing however large the file.
 *
 * Invariant: every byte from `size` to the end of the backing array is zero, so growing the
 * file (a write past the end, or truncate upwards) exposes zeros without a fill.
 */
export class GrowableBytes {
  private bytes: Uint8Array;
  private length = 0;

  constructor(initialCapacityBytes = 0) {
    this.bytes = new Uint8Array(initialCapacityBytes);
  }

  /** A copy holding `contents` (the copy owns its memory). */
  static of(contents: Uint8Array): GrowableBytes {
    const copy = new GrowableBytes(contents.length);
    copy.bytes.set(contents);
    copy.length = contents.length;
    return copy;
  }

  get size(): number {
    return this.length;
  }

  /** Up to `length` bytes from `position`, as a view (short or empty at the end). */
  read(position: number, length: number): Uint8Array {
    const start = Math.min(position, this.length);
    const end = Math.min(position + length, this.length);
    return this.bytes.subarray(start, end);
  }

  /** Copies `data` in at `position`, growing the size; a gap before it reads as zeros. */
  write(position: number, data: Uint8Array): void {
    if (data.length === 0) return;
    const end = position + data.length;
    this.ensureCapacity(end);
    this.bytes.set(data, position);
    if (end > this.length) this.length = end;
  }

  /** Cuts to `size` (zeroing what is cut, to keep the invariant) or grows with zeros. */
  resize(size: number): void {
    if (size < this.length) {
      this.bytes.fill(0, size, this.length);
    } else {
      this.ensureCapacity(size);
    }
    this.length = size;
  }

  /** A copy of the contents that owns its memory. */
  clone(): GrowableBytes {
    return GrowableBytes.of(this.read(0, this.length));
  }

  private ensureCapacity(capacityBytes: number): void {
    if (capacityBytes <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(capacityBytes, this.bytes.length * 2, 4096));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
