/** Byte counts of the zig-zag varints used inside records, for sizing before writing. */

/** Bytes of an unsigned LEB128 of a uint32. */
export function sizeOfUnsignedVarint(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  return 5;
}

/** Bytes of a zig-zag varint of an int32. */
export function sizeOfVarint(value: number): number {
  return sizeOfUnsignedVarint(((value << 1) ^ (value >> 31)) >>> 0);
}

/** Bytes of an unsigned LEB128 of a non-negative number up to 2^53. */
export function sizeOfUnsignedVarlongNumber(value: number): number {
  if (value < 0x10000000) return sizeOfUnsignedVarint(value);
  let bytes = 1;
  let rest = value;
  while (rest >= 0x80) {
    rest = Math.floor(rest / 0x80);
    bytes++;
  }
  return bytes;
}

/** Bytes of a zig-zag varlong given as bigint (any int64). */
export function sizeOfVarlongBigint(value: bigint): number {
  let rest = BigInt.asUintN(64, (value << 1n) ^ (value >> 63n));
  let bytes = 1;
  while (rest >= 0x80n) {
    rest >>= 7n;
    bytes++;
  }
  return bytes;
}

/** Zig-zag of an integer |n| < 2^52 in the number domain (exact). */
export function zigZagNumber(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

/** UTF-8 byte length of a string, as TextEncoder would encode it (lone surrogates become U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
