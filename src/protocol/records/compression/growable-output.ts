/**
 * An output buffer for decompressors that grows by doubling up to a hard limit. The limit is
 * checked before any allocation, so an input that claims or produces more than the caller
 * allows never gets the memory.
 */
export class GrowableOutput {
  bytes: Uint8Array;
  length = 0;

  constructor(
    initialCapacity: number,
    readonly limitBytes: number,
  ) {
    this.bytes = new Uint8Array(Math.max(0, Math.min(initialCapacity, limitBytes)));
  }

  /** Make room for `extra` more bytes; false if that would pass the limit. */
  ensure(extra: number): boolean {
    const needed = this.length + extra;
    if (needed > this.limitBytes) return false;
    if (needed <= this.bytes.length) return true;
    let capacity = Math.max(this.bytes.length * 2, 1024);
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(Math.min(capacity, this.limitBytes));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    return true;
  }

  append(chunk: Uint8Array): boolean {
    if (!this.ensure(chunk.length)) return false;
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
    return true;
  }

  /** The bytes written, as a view when the buffer is already exact. */
  result(): Uint8Array {
    return this.length === this.bytes.length ? this.bytes : this.bytes.subarray(0, this.length);
  }
}
