import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { xxhash32 } from "./xxhash32.ts";

// lz4js ships its own XXH32; an independent implementation to compare against.
const lz4jsXxh32 = createRequire(import.meta.url)("lz4js/xxh32.js") as {
  hash(seed: number, bytes: Uint8Array, start: number, length: number): number;
};

const ascii = (text: string) => new TextEncoder().encode(text);

describe("xxhash32", () => {
  it("matches the published values", () => {
    expect(xxhash32(ascii(""))).toBe(0x02cc5d05);
    expect(xxhash32(ascii("a"))).toBe(0x550d7456);
    expect(xxhash32(ascii("abc"))).toBe(0x32d153ff);
    expect(xxhash32(ascii("Nobody inspects the spammish repetition"))).toBe(0xe2293b2f);
    expect(xxhash32(ascii(""), 0x9e3779b1)).toBe(0x36b78ae7);
  });

  it("agrees with lz4js's implementation on random inputs, seeds and ranges", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(),
        fc.nat(),
        (bytes, seed, startSeed) => {
          const start = bytes.length === 0 ? 0 : startSeed % bytes.length;
          const expected = lz4jsXxh32.hash(seed | 0, bytes, start, bytes.length - start) >>> 0;
          expect(xxhash32(bytes, seed | 0, start)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
