/**
 * The byte writers of a RecordBatch v2 records section (zig-zag varints and varlongs,
 * nullable byte strings, header keys): each writes at `position` in a buffer already big
 * enough and returns where it stopped. Shared by the one-shot encoder
 * (records-section-encoder.ts) and the producer's incremental builder
 * (record-batch-builder.ts), so both lay records out byte for byte alike.
 */
import { utf8Length } from "./varint-size.ts";

const textEncoder = new TextEncoder();

export function writeUnsignedVarint(buffer: Uint8Array, position: number, value: number): number {
  let at = position;
  let rest = value >>> 0;
  while (rest >= 0x80) {
    buffer[at++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  buffer[at++] = rest;
  return at;
}

/** A zig-zag varint of an int32. */
export function writeVarint(buffer: Uint8Array, position: number, value: number): number {
  if (value >= 0 && value < 0x40) {
    buffer[position] = value << 1; // the common case: small non-negative, one byte
    return position + 1;
  }
  return writeUnsignedVarint(buffer, position, ((value << 1) ^ (value >> 31)) >>> 0);
}

/** An unsigned LEB128 of a non-negative number up to 2^53 (an already zig-zagged varlong). */
export function writeUnsignedVarlongNumber(
  buffer: Uint8Array,
  position: number,
  value: number,
): number {
  if (value < 0x80000000) return writeUnsignedVarint(buffer, position, value);
  let at = position;
  let rest = value;
  while (rest >= 0x80) {
    buffer[at++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  buffer[at++] = rest;
  return at;
}

/** A zig-zag varlong of any int64. */
export function writeVarlongBigint(buffer: Uint8Array, position: number, value: bigint): number {
  let at = position;
  let rest = BigInt.asUintN(64, (value << 1n) ^ (value >> 63n));
  while (rest >= 0x80n) {
    buffer[at++] = Number(rest & 0x7fn) | 0x80;
    rest >>= 7n;
  }
  buffer[at++] = Number(rest);
  return at;
}

/** A varint length (-1 for null) and the bytes. */
export function writeNullableBytes(
  buffer: Uint8Array,
  position: number,
  bytes: Uint8Array | null,
): number {
  if (bytes === null) {
    buffer[position] = 1; // zig-zag of -1
    return position + 1;
  }
  const at = writeVarint(buffer, position, bytes.length);
  buffer.set(bytes, at);
  return at + bytes.length;
}

/** A varint length and the UTF-8 bytes (header keys). */
export function writeString(buffer: Uint8Array, position: number, text: string): number {
  const length = utf8Length(text);
  let at = writeVarint(buffer, position, length);
  if (length === text.length) {
    for (let index = 0; index < length; index++) buffer[at + index] = text.charCodeAt(index);
  } else {
    textEncoder.encodeInto(text, buffer.subarray(at, at + length));
  }
  at += length;
  return at;
}
