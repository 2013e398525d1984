/** The Writer: fixed-width big-endian values, Kafka's string and bytes forms, and growth. */
import { describe, expect, it } from "vitest";
import { Reader } from "./reader.ts";
import { Writer } from "./writer.ts";

describe("Writer", () => {
  it("writes fixed-width integers big-endian, int64 at its extremes", () => {
    const w = new Writer()
      .int16(-2)
      .int32(0x01020304)
      .int64(-(2n ** 63n))
      .int64(2n ** 63n - 1n);
    expect(Array.from(w.finish())).toEqual([
      0xff, 0xfe, 0x01, 0x02, 0x03, 0x04, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff, 0xff,
      0xff, 0xff, 0xff,
    ]);
  });

  it("writes null strings and bytes as -1 (classic) or 0 (compact)", () => {
    const w = new Writer().string(null).bytes(null).compactString(null).compactBytes(null);
    expect(Array.from(w.finish())).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00]);
  });

  it("measures strings in UTF-8 bytes, not characters", () => {
    expect(Array.from(new Writer().string("é").compactString("é").finish())).toEqual([
      0x00, 0x02, 0xc3, 0xa9, 0x03, 0xc3, 0xa9,
    ]);
  });

  it("refuses a classic string longer than an int16 length can say", () => {
    expect(() => new Writer().string("x".repeat(0x7fff))).not.toThrow();
    expect(() => new Writer().string("x".repeat(0x8000))).toThrow(RangeError);
  });

  it("refuses a uuid that is not 16 bytes", () => {
    expect(() => new Writer().uuid(new Uint8Array(15))).toThrow(RangeError);
  });

  it("grows past its initial capacity without losing what it wrote", () => {
    const w = new Writer(16);
    for (let i = 0; i < 1000; i++) w.int32(i);
    const r = new Reader(w.finish());
    for (let i = 0; i < 1000; i++) expect(r.int32()).toBe(i);
    expect(r.remaining).toBe(0);
  });

  it("patches a length written before its body", () => {
    const w = new Writer().int32(0).int8(1).int8(2);
    w.patchInt32(0, w.position - 4);
    expect(Array.from(w.finish())).toEqual([0, 0, 0, 2, 1, 2]);
  });

  it("finish copies; written is a view", () => {
    const w = new Writer().int32(1);
    const copy = w.finish();
    const view = w.written();
    w.patchInt32(0, 2);
    expect([copy[3], view[3]]).toEqual([1, 2]);
  });
});
