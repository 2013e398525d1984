/**
 * CRC32C in plain JavaScript, slicing-by-16. Used for short inputs (where calling into
 * WebAssembly costs more than it saves) and wherever WebAssembly is unavailable.
 */
import { buildCrc32cTables } from "./crc32c-tables.ts";

const TABLES = buildCrc32cTables();

/**
 * Continue a raw (not inverted) CRC register over `bytes[start, end)`. Callers do the
 * initial and final inversion, so split inputs can be chained.
 */
export function updateCrc32cPortable(
  register: number,
  bytes: Uint8Array,
  start: number,
  end: number,
): number {
  const t = TABLES;
  let crc = register;
  let index = start;
  const fastEnd = end - 16;
  while (index <= fastEnd) {
    const low =
      crc ^
      (bytes[index]! |
        (bytes[index + 1]! << 8) |
        (bytes[index + 2]! << 16) |
        (bytes[index + 3]! << 24));
    crc =
      t[3840 + (low & 0xff)]! ^
      t[3584 + ((low >>> 8) & 0xff)]! ^
      t[3328 + ((low >>> 16) & 0xff)]! ^
      t[3072 + (low >>> 24)]! ^
      t[2816 + bytes[index + 4]!]! ^
      t[2560 + bytes[index + 5]!]! ^
      t[2304 + bytes[index + 6]!]! ^
      t[2048 + bytes[index + 7]!]! ^
      t[1792 + bytes[index + 8]!]! ^
      t[1536 + bytes[index + 9]!]! ^
      t[1280 + bytes[index + 10]!]! ^
      t[1024 + bytes[index + 11]!]! ^
      t[768 + bytes[index + 12]!]! ^
      t[512 + bytes[index + 13]!]! ^
      t[256 + bytes[index + 14]!]! ^
      t[bytes[index + 15]!]!;
    index += 16;
  }
  while (index < end) {
    crc = (crc >>> 8) ^ t[(crc ^ bytes[index]!) & 0xff]!;
    index++;
  }
  return crc;
}

/** CRC32C of `bytes[start, end)` without WebAssembly; `initial` chains split input. */
export function crc32cPortable(
  bytes: Uint8Array,
  initial = 0,
  start = 0,
  end = bytes.length,
): number {
  return ~updateCrc32cPortable(~initial, bytes, start, end) >>> 0;
}
