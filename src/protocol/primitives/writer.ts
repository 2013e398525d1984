/**
 * An append-only byte writer over a growable buffer. Every encoder writes through one of
 * these, so the sizes of nested structures never have to be computed ahead of time.
 */
const textEncoder = new TextEncoder();

export class Writer {
  private buffer: Uint8Array;
  private view: DataView;
  private length = 0;

  constructor(initialCapacity = 256) {
    this.buffer = new Uint8Array(Math.max(16, initialCapacity));
    this.view = new DataView(this.buffer.buffer);
  }

  get position(): number {
    return this.length;
  }

  /** Grow so that `extra` more bytes fit. Doubling keeps appends amortised O(1). */
  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }

  int8(value: number): this {
    this.reserve(1);
    this.view.setInt8(this.length, value);
    this.length += 1;
    return this;
  }

  uint8(value: number): this {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  bool(value: boolean): this {
    return this.uint8(value ? 1 : 0);
  }

  int16(value: number): this {
    this.reserve(2);
    this.view.setInt16(this.length, value);
    this.length += 2;
    return this;
  }

  uint16(value: number): this {
    this.reserve(2);
    this.view.setUint16(this.length, value);
    this.length += 2;
    return this;
  }

  int32(value: number): this {
    this.reserve(4);
    this.view.setInt32(this.length, value);
    this.length += 4;
    return this;
  }

  uint32(value: number): this {
    this.reserve(4);
    this.view.setUint32(this.length, value);
    this.length += 4;
    return this;
  }

  int64(value: bigint): this {
    this.reserve(8);
    this.view.setBigInt64(this.length, value);
    this.length += 8;
    return this;
  }

  float64(value: number): this {
    this.reserve(8);
    this.view.setFloat64(this.length, value);
    this.length += 8;
    return this;
  }

  /** A 16-byte UUID, given as its raw bytes. */
  uuid(value: Uint8Array): this {
    if (value.length !== 16) throw new RangeError(`a uuid is 16 bytes, got ${value.length}`);
    return this.raw(value);
  }

  /** Unsigned LEB128, as used for compact lengths and tag numbers (at most 32 bits). */
  unsignedVarint(value: number): this {
    this.reserve(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.length++] = v;
    return this;
  }

  /** Zig-zag signed varint (32 bits), as used inside records. */
  varint(value: number): this {
    return this.unsignedVarint(((value << 1) ^ (value >> 31)) >>> 0);
  }

  /** Zig-zag signed varlong (64 bits), as used for timestamp and offset deltas in records. */
  varlong(value: bigint): this {
    this.reserve(10);
    let v = BigInt.asUintN(64, (value << 1n) ^ (value >> 63n));
    while (v >= 0x80n) {
      this.buffer[this.length++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buffer[this.length++] = Number(v);
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Classic string: int16 length then UTF-8; null is length -1. */
  string(value: string | null): this {
    if (value === null) return this.int16(-1);
    const bytes = textEncoder.encode(value);
    if (bytes.length > 0x7fff) throw new RangeError(`string of ${bytes.length} bytes is too long`);
    return this.int16(bytes.length).raw(bytes);
  }

  /** Compact string: unsigned varint length + 1 then UTF-8; null is 0. */
  compactString(value: string | null): this {
    if (value === null) return this.unsignedVarint(0);
    const bytes = textEncoder.encode(value);
    return this.unsignedVarint(bytes.length + 1).raw(bytes);
  }

  /** Classic bytes: int32 length then the bytes; null is length -1. */
  bytes(value: Uint8Array | null): this {
    if (value === null) return this.int32(-1);
    return this.int32(value.length).raw(value);
  }

  /** Compact bytes: unsigned varint length + 1 then the bytes; null is 0. */
  compactBytes(value: Uint8Array | null): this {
    if (value === null) return this.unsignedVarint(0);
    return this.unsignedVarint(value.length + 1).raw(value);
  }

  /** Overwrite an int32 already written, e.g. a length known only after its body. */
  patchInt32(at: number, value: number): void {
    this.view.setInt32(at, value);
  }

  /** Overwrite a uint32 already written, e.g. a CRC known only after its body. */
  patchUint32(at: number, value: number): void {
    this.view.setUint32(at, value);
  }

  /** Start over, keeping the buffer: a writer reused for many messages grows only once. */
  reset(): void {
    this.length = 0;
  }

  /** Bytes the buffer holds now, written or not. */
  get capacity(): number {
    return this.buffer.length;
  }

  /** A view of the bytes written so far (shares memory with the writer until it grows). */
  written(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** The bytes written, copied into an exactly-sized buffer. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
