/**
 * CRC32C algebra: shifting a CRC register over runs of zero bytes, and combining the CRCs
 * of two adjacent pieces of input without touching their bytes.
 *
 * A raw (not inverted) CRC register r is the polynomial remainder R(x) mod P(x) in the
 * CRC's reflected bit order: bit 31 holds the coefficient of x^0, bit 0 that of x^31.
 * Feeding one zero bit multiplies R by x (shift right; when the x^31 coefficient falls out,
 * x^32 ≡ P(x) - x^32 brings in the reflected polynomial), so n zero bytes multiply R by
 * x^(8n) mod P. Feeding data is linear: register(data, r) = r · x^(8·|data|) ⊕ register(data, 0).
 * Everything here follows from those two facts (zlib's crc32_combine rests on the same ones).
 */
import { CASTAGNOLI_REFLECTED } from "./crc32c-tables.ts";

/** The polynomial 1 (x^0) in reflected order. */
const X_POWER_0 = 0x80000000;
/** x^8: one byte of zeros. */
const X_POWER_8 = X_POWER_0 >>> 8;

/** a(x) · b(x) mod P(x), both operands and the result in reflected order. */
export function multiplyModP(a: number, b: number): number {
  let product = 0;
  let term = b >>> 0; // b · x^i for the coefficient of x^i being looked at
  for (let coefficient = X_POWER_0; coefficient !== 0; coefficient >>>= 1) {
    if ((a & coefficient) !== 0) product ^= term;
    term = term & 1 ? (term >>> 1) ^ CASTAGNOLI_REFLECTED : term >>> 1;
  }
  return product >>> 0;
}

/** x^(8·byteCount) mod P(x): the operator that moves a register over `byteCount` zero bytes. */
export function xPowerOfBytes(byteCount: number): number {
  if (!Number.isSafeInteger(byteCount) || byteCount < 0) {
    throw new RangeError(`byte count must be a non-negative safe integer, got ${byteCount}`);
  }
  let result = X_POWER_0;
  let square = X_POWER_8; // x^(8·2^k)
  for (let rest = byteCount; rest > 0; rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) result = multiplyModP(result, square);
    square = multiplyModP(square, square);
  }
  return result;
}

/** The raw register after feeding `byteCount` zero bytes to `register`. */
export function shiftCrc32cRegister(register: number, byteCount: number): number {
  return multiplyModP(register, xPowerOfBytes(byteCount));
}

/**
 * The CRC32C of `a ++ b` from `crc32c(a)`, `crc32c(b)` and the length of `b` in bytes (the
 * length of `a` does not matter). For finished CRCs the initial and final inversions cancel:
 * crc(a ++ b) = crc(a) · x^(8·|b|) ⊕ crc(b).
 */
export function crc32cCombine(
  crcOfFirst: number,
  crcOfSecond: number,
  lengthOfSecond: number,
): number {
  return (shiftCrc32cRegister(crcOfFirst, lengthOfSecond) ^ crcOfSecond) >>> 0;
}

/**
 * Four 256-entry tables that shift a register over `byteCount` zero bytes by lookup:
 * `table[k * 256 + b]` is the shift of `b << 8k`, so by linearity the shift of r is
 * `table[r & 0xff] ^ table[256 + ((r >>> 8) & 0xff)] ^ table[512 + …] ^ table[768 + (r >>> 24)]`.
 */
export function buildCrc32cShiftTable(byteCount: number): Int32Array {
  const operator = xPowerOfBytes(byteCount);
  const table = new Int32Array(4 * 256);
  for (let byteIndex = 0; byteIndex < 4; byteIndex++) {
    const base = byteIndex * 256;
    for (let bit = 0; bit < 8; bit++) {
      table[base + (1 << bit)] = multiplyModP((1 << (8 * byteIndex + bit)) >>> 0, operator);
    }
    // Every other entry is the XOR of the entries of its set bits: peel off the lowest one.
    for (let byte = 3; byte < 256; byte++) {
      const lowest = byte & -byte;
      if (lowest !== byte)
        table[base + byte] = table[base + lowest]! ^ table[base + (byte ^ lowest)]!;
    }
  }
  return table;
}
