import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { crc32c, crc32cImplementation } from "./crc32c.ts";
import {
  buildCrc32cShiftTable,
  crc32cCombine,
  multiplyModP,
  shiftCrc32cRegister,
  xPowerOfBytes,
} from "./crc32c-combine.ts";
import { crc32cPortable } from "./crc32c-portable.ts";
import {
  assembleCrc32cModule,
  createWasmCrc32cUpdater,
  type WasmCrc32cKind,
  type WasmCrc32cUpdater,
} from "./crc32c-wasm.ts";
import { pseudoRandomBytes } from "./testing/pseudo-random-bytes.ts";

const POLYNOMIAL = 0x82f63b78;

/** The definition, one bit at a time: the slow reference every fast path must equal. */
function crc32cBitwise(bytes: Uint8Array, initial = 0): number {
  let crc = ~initial;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
  }
  return ~crc >>> 0;
}

/** crc32cBitwise of every prefix: result[n] is the CRC of bytes[0, n), in one pass. */
function crc32cBitwisePrefixes(bytes: Uint8Array): number[] {
  const out = [0];
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
    out.push(~crc >>> 0);
  }
  return out;
}

/** Deterministic integers for the randomized cases (xorshift32). */
function randomIntegers(seed: number): (below: number) => number {
  let state = seed >>> 0 || 1;
  return (below) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

// Node 20 ships relaxed SIMD behind a flag; turn it on so that the kernel Chromium runs is
// tested here too (harmless where the feature is already on by default).
setFlagsFromString("--experimental-wasm-relaxed-simd");

const wasmKinds: WasmCrc32cKind[] = ["simd-relaxed", "simd", "scalar"];
const wasmUpdaters = new Map<WasmCrc32cKind, WasmCrc32cUpdater | null>(
  wasmKinds.map((kind) => [kind, createWasmCrc32cUpdater(kind)]),
);

/** A finished CRC32C over bytes[start, end), continuing `initial`. */
type Crc = (bytes: Uint8Array, start: number, end: number, initial?: number) => number;

/** Every implementation, by name: the entry point, the portable path and each wasm kernel. */
function implementations(): Array<[string, Crc]> {
  const list: Array<[string, Crc]> = [
    ["crc32c", (bytes, start, end, initial = 0) => crc32c(bytes, initial, start, end)],
    ["portable", (bytes, start, end, initial = 0) => crc32cPortable(bytes, initial, start, end)],
  ];
  for (const [kind, updater] of wasmUpdaters) {
    if (updater === null) continue;
    const crc: Crc = (bytes, start, end, initial = 0) =>
      ~updater(~initial, bytes, start, end) >>> 0;
    list.push([`wasm ${kind}`, crc]);
  }
  return list;
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
  it("runs a SIMD WebAssembly kernel in this runtime, and builds every kind of module", () => {
    expect(["wasm-simd-relaxed", "wasm-simd"]).toContain(crc32cImplementation());
    expect(wasmUpdaters.get("simd")).not.toBeNull();
    expect(wasmUpdaters.get("scalar")).not.toBeNull();
    expect(WebAssembly.validate(assembleCrc32cModule("simd"))).toBe(true);
    expect(WebAssembly.validate(assembleCrc32cModule("scalar"))).toBe(true);
  });

  it("tests the relaxed-SIMD kernel too (Node 20 needs the V8 flag)", () => {
    expect(wasmUpdaters.get("simd-relaxed")).not.toBeNull();
  });

  for (const [label, input, expected] of knownAnswers) {
    it(`matches the known answer for ${label}`, () => {
      expect(crc32cBitwise(input)).toBe(expected);
      for (const [name, crc] of implementations()) {
        expect(crc(input, 0, input.length), name).toBe(expected);
      }
    });
  }

  it("matches the known answers when repeated past every block size", () => {
    for (const length of [4096, 16384, 65536 + 4096]) {
      const input = filled(length, (index) => index & 0xff);
      const expected = crc32cBitwise(input);
      for (const [name, crc] of implementations())
        expect(crc(input, 0, length), name).toBe(expected);
    }
  });

  it("equals the bitwise reference for every length from 0 to 2000, at an odd offset", () => {
    const backing = pseudoRandomBytes(2003, 0x5eed);
    const expected = crc32cBitwisePrefixes(backing.subarray(3));
    for (const [name, crc] of implementations()) {
      for (let length = 0; length <= 2000; length++) {
        const actual = crc(backing, 3, 3 + length);
        if (actual !== expected[length])
          expect(actual, `${name}, length ${length}`).toBe(expected[length]);
      }
    }
  });

  it("equals the bitwise reference around every SIMD block and padding boundary", () => {
    const backing = pseudoRandomBytes(70_000, 0xb10c);
    const expected = crc32cBitwisePrefixes(backing.subarray(5));
    const lengths = new Set<number>();
    for (const base of [1024, 2048, 4096, 5120, 16384, 16384 + 4096, 65536]) {
      for (const delta of [
        -769, -768, -767, -385, -384, -383, -17, -16, -1, 0, 1, 15, 16, 383, 384, 767, 768,
      ]) {
        lengths.add(base + delta);
      }
    }
    lengths.add(16361); // the benchmark's 148-record batch
    for (const [name, crc] of implementations()) {
      for (const length of lengths) {
        expect(crc(backing, 5, 5 + length), `${name}, length ${length}`).toBe(expected[length]);
      }
    }
  });

  it("equals the bitwise reference on random buffers up to 1 MiB at random offsets", () => {
    const random = randomIntegers(20240611);
    const backing = pseudoRandomBytes((1 << 20) + 64, 0xfeed);
    for (let round = 0; round < 24; round++) {
      // Log-uniform lengths: as many short inputs as long ones, up to 1 MiB.
      const length = Math.min(1 << 20, Math.floor(2 ** (random(2001) / 100)) + random(16));
      const start = random(backing.length - length + 1);
      const end = start + length;
      const view = backing.subarray(start, end);
      const expected = crc32cBitwise(view);
      for (const [name, crc] of implementations()) {
        expect(crc(backing, start, end), `${name}, [${start}, ${end})`).toBe(expected);
        expect(crc(view, 0, view.length), `${name}, subarray [${start}, ${end})`).toBe(expected);
      }
    }
  });

  it("continues through `initial`: chained pieces equal one shot", () => {
    const random = randomIntegers(7);
    const input = pseudoRandomBytes(300_000, 0xc4a1);
    const expected = crc32c(input);
    expect(expected).toBe(crc32cBitwise(input));
    for (const [name, crc] of implementations()) {
      for (let round = 0; round < 8; round++) {
        let running = 0;
        let at = 0;
        while (at < input.length) {
          const piece = Math.min(input.length - at, random(round < 4 ? 2048 : 70_000));
          running = crc(input, at, at + piece, running);
          at += piece;
        }
        expect(running, name).toBe(expected);
      }
      // And with the pieces passed as separate arrays.
      const first = input.subarray(0, 12_345);
      const second = input.subarray(12_345);
      expect(crc(second, 0, second.length, crc(first, 0, first.length)), name).toBe(expected);
    }
  });

  it("equals the bitwise reference on arbitrary inputs, split anywhere", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 6000 }), fc.nat(), (bytes, splitSeed) => {
        const expected = crc32cBitwise(bytes);
        expect(crc32c(bytes)).toBe(expected);
        const split = bytes.length === 0 ? 0 : splitSeed % (bytes.length + 1);
        const first = crc32c(bytes.subarray(0, split));
        expect(crc32c(bytes.subarray(split), first)).toBe(expected);
        expect(crc32c(bytes, first, split)).toBe(expected);
        expect(crc32cBitwise(bytes.subarray(split), first)).toBe(expected);
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

describe("crc32c combine and shift", () => {
  /** The raw register after feeding `count` zero bytes to `register`, one bit at a time. */
  const shiftBitwise = (register: number, count: number) => {
    let crc = register;
    for (let bit = 0; bit < 8 * count; bit++) crc = crc & 1 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
    return crc >>> 0;
  };

  it("multiplies polynomials mod P: identity, commutativity, and x^8 as one zero byte", () => {
    const random = randomIntegers(99);
    for (let round = 0; round < 200; round++) {
      const a = (random(0x10000) * 0x10000 + random(0x10000)) >>> 0;
      const b = (random(0x10000) * 0x10000 + random(0x10000)) >>> 0;
      expect(multiplyModP(a, 0x80000000)).toBe(a);
      expect(multiplyModP(a, b)).toBe(multiplyModP(b, a));
      expect(multiplyModP(a, xPowerOfBytes(1))).toBe(shiftBitwise(a, 1));
    }
  });

  it("shifts a register over zero bytes like feeding them one bit at a time", () => {
    for (const count of [0, 1, 2, 3, 4, 5, 15, 16, 17, 64, 100, 255, 256, 1000, 1024, 4096]) {
      for (const register of [0, 1, 0x80000000, 0xffffffff, 0x12345678]) {
        expect(shiftCrc32cRegister(register, count), `${register} by ${count}`).toBe(
          shiftBitwise(register, count),
        );
      }
    }
    // Large counts: x^(8·(m + n)) = x^(8m) · x^(8n).
    expect(xPowerOfBytes(3_000_000_000)).toBe(
      multiplyModP(xPowerOfBytes(1_000_000_000), xPowerOfBytes(2_000_000_000)),
    );
    expect(() => xPowerOfBytes(-1)).toThrow(RangeError);
  });

  it("builds shift tables that agree with the direct shift", () => {
    const random = randomIntegers(3);
    for (const count of [16, 64, 256, 1024, 4096, 777]) {
      const table = buildCrc32cShiftTable(count);
      for (let round = 0; round < 50; round++) {
        const register = (random(0x10000) * 0x10000 + random(0x10000)) >>> 0;
        const looked =
          table[register & 0xff]! ^
          table[256 + ((register >>> 8) & 0xff)]! ^
          table[512 + ((register >>> 16) & 0xff)]! ^
          table[768 + (register >>> 24)]!;
        expect(looked >>> 0).toBe(shiftCrc32cRegister(register, count));
      }
    }
  });

  it("combines the CRCs of two pieces into the CRC of both", () => {
    const random = randomIntegers(11);
    const input = pseudoRandomBytes(100_000, 0xab);
    for (let round = 0; round < 40; round++) {
      const end = random(input.length + 1);
      const split = random(end + 1);
      const first = input.subarray(0, split);
      const second = input.subarray(split, end);
      expect(crc32cCombine(crc32c(first), crc32c(second), second.length)).toBe(
        crc32c(input.subarray(0, end)),
      );
    }
    expect(crc32cCombine(0xe3069283, 0, 0)).toBe(0xe3069283);
    expect(crc32cCombine(0, crc32c(ascii("123456789")), 9)).toBe(0xe3069283);
  });
});
