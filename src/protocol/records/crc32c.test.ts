import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { crc32c } from "./crc32c.ts";
import { crc32cPortable } from "./crc32c-portable.ts";
import { createWasmCrc32cUpdater } from "./crc32c-wasm.ts";

/** The definition, one bit at a time: the slow reference every fast path must equal. */
function crc32cBitwise(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const wasmUpdater = createWasmCrc32cUpdater();
function crc32cWasm(bytes: Uint8Array): number {
  if (wasmUpdater === null) throw new Error("WebAssembly unavailable in this test runtime");
  return ~wasmUpdater(~0, bytes, 0, bytes.length) >>> 0;
}

const ascii = (text: string) => new TextEncoder().encode(text);
const filled = (length: number, byte: (index: number) => number) =>
  Uint8Array.from({ length }, (_, index) => byte(index));

// RFC 3720 (iSCSI) appendix B.4, plus the common check value of "123456789".
const knownAnswers: Array<[string, Uint8Array, number]> = [
  ["empty input", new Uint8Array(0), 0x00000000],
  ['"123456789"', ascii("123456789"), 0xe3069283],
  ["32 zero bytes", filled(32, () => 0), 0x8a9136aa],
  ["32 0xFF bytes", filled(32, () => 0xff), 0x62a8ab43],
  ["32 ascending bytes 0..31", filled(32, (index) => index), 0x46dd794e],
  ["32 descending bytes 31..0", filled(32, (index) => 31 - index), 0x113fdb5c],
  [
    "iSCSI Read(10) command PDU",
    Uint8Array.from([
      0x01, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x00, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00,
      0x00, 0x18, 0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
      0x00, 0x00, 0x00,
    ]),
    0xd9963a56,
  ],
];

describe("crc32c", () => {
  it("runs its WebAssembly path in this runtime", () => {
    expect(wasmUpdater).not.toBeNull();
  });

  for (const [label, input, expected] of knownAnswers) {
    it(`matches the known answer for ${label}`, () => {
      expect(crc32c(input)).toBe(expected);
      expect(crc32cPortable(input)).toBe(expected);
      expect(crc32cBitwise(input)).toBe(expected);
      expect(crc32cWasm(input)).toBe(expected);
    });
  }

  it("matches the known answer when repeated past the WebAssembly threshold", () => {
    const input = filled(4096, (index) => index & 0xff);
    expect(crc32c(input)).toBe(crc32cBitwise(input));
  });

  it("gives the same result through both paths for every length from 0 to 600", () => {
    const input = filled(600, (index) => (index * 131 + 17) & 0xff);
    for (let length = 0; length <= 600; length++) {
      const slice = input.subarray(0, length);
      const expected = crc32cBitwise(slice);
      expect(crc32cPortable(slice)).toBe(expected);
      expect(crc32cWasm(slice)).toBe(expected);
      expect(crc32c(slice)).toBe(expected);
    }
  });

  it("handles inputs larger than the WebAssembly scratch area (several chunks)", () => {
    const input = filled(200_003, (index) => (index * 7919) & 0xff);
    const expected = crc32cBitwise(input);
    expect(crc32c(input)).toBe(expected);
    expect(crc32cPortable(input)).toBe(expected);
  });

  it("honours start and end, and views at odd byte offsets", () => {
    const backing = filled(5000, (index) => (index * 13) & 0xff);
    const view = backing.subarray(3, 4001); // deliberately unaligned
    expect(crc32c(view)).toBe(crc32cBitwise(view));
    expect(crc32c(backing, 0, 3, 4001)).toBe(crc32cBitwise(view));
    expect(crc32c(backing, 0, 10, 20)).toBe(crc32cBitwise(backing.subarray(10, 20)));
  });

  it("equals the bitwise reference on random inputs, and split input chains", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(), (bytes, splitSeed) => {
        const expected = crc32cBitwise(bytes);
        expect(crc32c(bytes)).toBe(expected);
        const split = bytes.length === 0 ? 0 : splitSeed % (bytes.length + 1);
        const first = crc32c(bytes.subarray(0, split));
        expect(crc32c(bytes.subarray(split), first)).toBe(expected);
        expect(crc32c(bytes, first, split)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("detects every single-bit flip in a 1 KiB input", () => {
    const input = filled(1024, (index) => (index * 31) & 0xff);
    const original = crc32c(input);
    for (let bit = 0; bit < input.length * 8; bit += 37) {
      input[bit >>> 3]! ^= 1 << (bit & 7);
      expect(crc32c(input)).not.toBe(original);
      input[bit >>> 3]! ^= 1 << (bit & 7);
    }
  });
});
