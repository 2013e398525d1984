/**
 * Varints as Kafka writes them (ByteUtils.java): unsigned LEB128 for compact lengths and
 * tags, zig-zag varint/varlong inside records. Known bytes, the int32/int64 extremes, and
 * encodings that run past 32 or 64 bits, which must be refused.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Reader } from "./reader.ts";
import { Writer } from "./writer.ts";

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

describe("unsigned varint", () => {
  it.each([
    [0, bytes(0x00)],
    [1, bytes(0x01)],
    [127, bytes(0x7f)],
    [128, bytes(0x80, 0x01)],
    [300, bytes(0xac, 0x02)],
    [16_384, bytes(0x80, 0x80, 0x01)],
    [2 ** 32 - 1, bytes(0xff, 0xff, 0xff, 0xff, 0x0f)],
  ])("%i is %o", (value, encoded) => {
    expect(new Writer().unsignedVarint(value).finish()).toEqual(encoded);
    const r = new Reader(encoded);
    expect(r.unsignedVarint()).toBe(value);
    expect(r.error).toBeNull();
    expect(r.remaining).toBe(0);
  });

  it("accepts a longer-than-needed encoding within 5 bytes, as Kafka's ByteUtils does", () => {
    const r = new Reader(bytes(0x80, 0x80, 0x00));
    expect(r.unsignedVarint()).toBe(0);
    expect(r.error).toBeNull();
  });

  it.each([
    ["a sixth byte", bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01)],
    ["bits past 32 in the fifth byte", bytes(0x80, 0x80, 0x80, 0x80, 0x10)],
    ["a continuation bit on the fifth byte", bytes(0xff, 0xff, 0xff, 0xff, 0x8f, 0x00)],
  ])("refuses %s", (_what, encoded) => {
    const r = new Reader(encoded);
    expect(r.unsignedVarint()).toBe(0);
    expect(r.error?.kind).toBe("invalid-varint");
  });

  it("reports a varint cut short as truncated", () => {
    const r = new Reader(bytes(0x80, 0x80));
    r.unsignedVarint();
    expect(r.error?.kind).toBe("truncated");
  });
});

describe("zig-zag varint (int32)", () => {
  it.each([
    [0, bytes(0x00)],
    [-1, bytes(0x01)],
    [1, bytes(0x02)],
    [-2, bytes(0x03)],
    [63, bytes(0x7e)],
    [-64, bytes(0x7f)],
    [64, bytes(0x80, 0x01)],
    [300, bytes(0xd8, 0x04)],
    [INT32_MAX, bytes(0xfe, 0xff, 0xff, 0xff, 0x0f)],
    [INT32_MIN, bytes(0xff, 0xff, 0xff, 0xff, 0x0f)],
  ])("%i is %o", (value, encoded) => {
    expect(new Writer().varint(value).finish()).toEqual(encoded);
    expect(new Reader(encoded).varint()).toBe(value);
  });

  it("round-trips every int32", () => {
    fc.assert(
      fc.property(fc.integer({ min: INT32_MIN, max: INT32_MAX }), (value) => {
        const r = new Reader(new Writer().varint(value).finish());
        return r.varint() === value && r.remaining === 0 && r.ok;
      }),
    );
  });
});

describe("zig-zag varlong (int64)", () => {
  it.each([
    [0n, bytes(0x00)],
    [-1n, bytes(0x01)],
    [1n, bytes(0x02)],
    [2n ** 31n, bytes(0x80, 0x80, 0x80, 0x80, 0x10)],
    [INT64_MAX, bytes(0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)],
    [INT64_MIN, bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)],
  ])("%s is %o", (value, encoded) => {
    expect(new Writer().varlong(value).finish()).toEqual(encoded);
    expect(new Reader(encoded).varlong()).toBe(value);
  });

  it.each([
    ["an eleventh byte", bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01)],
    [
      "bits past 64 in the tenth byte",
      bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02),
    ],
  ])("refuses %s", (_what, encoded) => {
    const r = new Reader(encoded);
    expect(r.varlong()).toBe(0n);
    expect(r.error?.kind).toBe("invalid-varint");
  });

  it("round-trips every int64", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), (value) => {
        const r = new Reader(new Writer().varlong(value).finish());
        return r.varlong() === value && r.remaining === 0 && r.ok;
      }),
    );
  });
});
