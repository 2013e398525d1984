/**
 * Lookup tables for CRC32C (Castagnoli) by slicing: `tables[k * 256 + b]` is the CRC
 * contribution of byte `b` followed by `k` zero bytes, so 16 bytes can be folded in one
 * step with 16 independent lookups. Shared by the portable and the WebAssembly paths.
 */

/** The Castagnoli polynomial 0x1EDC6F41, bit-reflected as the CRC is computed LSB first. */
export const CASTAGNOLI_REFLECTED = 0x82f63b78;
export const SLICE_TABLE_COUNT = 16;

export function buildCrc32cTables(): Int32Array {
  const tables = new Int32Array(SLICE_TABLE_COUNT * 256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ CASTAGNOLI_REFLECTED : crc >>> 1;
    }
    tables[byte] = crc;
  }
  for (let table = 1; table < SLICE_TABLE_COUNT; table++) {
    for (let byte = 0; byte < 256; byte++) {
      const previous = tables[(table - 1) * 256 + byte]!;
      tables[table * 256 + byte] = (previous >>> 8) ^ tables[previous & 0xff]!;
    }
  }
  return tables;
}
