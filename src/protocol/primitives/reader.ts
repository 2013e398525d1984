/**
 * A bounds-checked reader over untrusted bytes with a sticky error: the first failure is
 * recorded, every later read returns a harmless default, and the caller checks `error`
 * once at the end. No read ever throws, and no length field is trusted further than the
 * bytes actually present, so a hostile length cannot drive an allocation.
 */
import { DecodeError, type DecodeErrorKind } from "./decode-error.ts";

const textDecoder = new TextDecoder("utf-8", { fatal: true });
const EMPTY = new Uint8Array(0);

export class Reader {
  private readonly view: DataView;
  offset: number;
  error: DecodeError | null = null;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = start;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  get ok(): boolean {
    return this.error === null;
  }

  /** Record the first failure; later reads become no-ops returning defaults. */
  fail(kind: DecodeErrorKind, detail: string): void {
    if (this.error === null) this.error = new DecodeError(kind, this.offset, detail);
    this.offset = this.end;
  }

  /** True when `count` more bytes are present; otherwise fails as truncated. */
  private has(count: number): boolean {
    if (this.error !== null) return false;
    if (count <= this.end - this.offset) return true;
    this.fail("truncated", `need ${count} bytes, ${this.end - this.offset} left`);
    return false;
  }

  int8(): number {
    if (!this.has(1)) return 0;
    return this.view.getInt8(this.offset++);
  }

  uint8(): number {
    if (!this.has(1)) return 0;
    return this.view.getUint8(this.offset++);
  }

  bool(): boolean {
    return this.uint8() !== 0;
  }

  int16(): number {
    if (!this.has(2)) return 0;
    const value = this.view.getInt16(this.offset);
    this.offset += 2;
    return value;
  }

  uint16(): number {
    if (!this.has(2)) return 0;
    const value = this.view.getUint16(this.offset);
    this.offset += 2;
    return value;
  }

  int32(): number {
    if (!this.has(4)) return 0;
    const value = this.view.getInt32(this.offset);
    this.offset += 4;
    return value;
  }

  uint32(): number {
    if (!this.has(4)) return 0;
    const value = this.view.getUint32(this.offset);
    this.offset += 4;
    return value;
  }

  int64(): bigint {
    if (!this.has(8)) return 0n;
    const value = this.view.getBigInt64(this.offset);
    this.offset += 8;
    return value;
  }

  float64(): number {
    if (!this.has(8)) return 0;
    const value = this.view.getFloat64(this.offset);
    this.offset += 8;
    return value;
  }

  /** 16 bytes, copied (`new Uint8Array`, since a Node Buffer's `slice` would share memory). */
  uuid(): Uint8Array {
    return new Uint8Array(this.raw(16));
  }

  /** Unsigned LEB128 of at most 5 bytes (32 bits). */
  unsignedVarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (!this.has(1)) return 0;
      const byte = this.bytes[this.offset++]!;
      if (shift === 28 && byte > 0x0f) {
        this.fail("invalid-varint", "unsigned varint longer than 32 bits");
        return 0;
      }
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
    }
    this.fail("invalid-varint", "unsigned varint longer than 5 bytes");
    return 0;
  }

  /** Zig-zag signed varint (32 bits). */
  varint(): number {
    const raw = this.unsignedVarint();
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** Zig-zag signed varlong (64 bits), at most 10 bytes. */
  varlong(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (!this.has(1)) return 0n;
      const byte = this.bytes[this.offset++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) {
        if (result >= 1n << 64n) {
          this.fail("invalid-varint", "varlong longer than 64 bits");
          return 0n;
        }
        return (result >> 1n) ^ -(result & 1n);
      }
    }
    this.fail("invalid-varint", "varlong longer than 10 bytes");
    return 0n;
  }

  /** `count` bytes as a view into the input (no copy). */
  raw(count: number): Uint8Array {
    if (!this.has(count)) return EMPTY;
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  private utf8(length: number): string {
    const bytes = this.raw(length);
    if (this.error !== null) return "";
    try {
      return textDecoder.decode(bytes);
    } catch {
      this.fail("invalid-utf8", "string is not valid UTF-8");
      return "";
    }
  }

  /** A length read from the input: -1 (null) or 0..remaining; anything else fails. */
  private length(value: number, what: string): number | null {
    if (value === -1) return null;
    if (value < -1) {
      this.fail("invalid-length", `${what} length ${value}`);
      return null;
    }
    if (value > this.end - this.offset) {
      this.fail("truncated", `${what} of ${value} bytes, ${this.end - this.offset} left`);
      return null;
    }
    return value;
  }

  nullableString(): string | null {
    const length = this.length(this.int16(), "string");
    return length === null ? null : this.utf8(length);
  }

  compactNullableString(): string | null {
    const length = this.length(this.unsignedVarint() - 1, "compact string");
    return length === null ? null : this.utf8(length);
  }

  nullableBytes(): Uint8Array | null {
    const length = this.length(this.int32(), "bytes");
    return length === null ? null : this.raw(length);
  }

  compactNullableBytes(): Uint8Array | null {
    const length = this.length(this.unsignedVarint() - 1, "compact bytes");
    return length === null ? null : this.raw(length);
  }

  /** Varint-length bytes as used in records (length -1 is null). */
  varintBytes(): Uint8Array | null {
    const length = this.length(this.varint(), "record field");
    return length === null ? null : this.raw(length);
  }

  /**
   * An element count from the input: -1 (null) or a count no larger than the bytes left,
   * since every element takes at least one byte. This is what keeps a hostile count of
   * 2^31 from allocating or looping.
   */
  count(value: number, what: string): number | null {
    if (value === -1) return null;
    if (value < -1 || value > this.end - this.offset) {
      if (value < -1) this.fail("invalid-length", `${what} count ${value}`);
      else this.fail("truncated", `${what} count ${value}, ${this.end - this.offset} bytes left`);
      return null;
    }
    return value;
  }

  arrayCount(): number | null {
    return this.count(this.int32(), "array");
  }

  compactArrayCount(): number | null {
    return this.count(this.unsignedVarint() - 1, "compact array");
  }

  skip(count: number): void {
    this.raw(count);
  }
}
