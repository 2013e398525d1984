/**
 * The Reader takes untrusted bytes: it must never throw, must keep the first error, and
 * must refuse a length or count larger than the bytes present before allocating anything.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DecodeError } from "./decode-error.ts";
import { Reader } from "./reader.ts";

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

/** Every read the Reader offers, each taking whatever argument it needs from `n`. */
const READS: ((r: Reader, n: number) => unknown)[] = [
  (r) => r.int8(),
  (r) => r.uint8(),
  (r) => r.bool(),
  (r) => r.int16(),
  (r) => r.uint16(),
  (r) => r.int32(),
  (r) => r.uint32(),
  (r) => r.int64(),
  (r) => r.float64(),
  (r) => r.uuid(),
  (r) => r.unsignedVarint(),
  (r) => r.varint(),
  (r) => r.varlong(),
  (r, n) => r.raw(n),
  (r) => r.nullableString(),
  (r) => r.compactNullableString(),
  (r) => r.nullableBytes(),
  (r) => r.compactNullableBytes(),
  (r) => r.varintBytes(),
  (r, n) => r.count(n - 5, "test"),
  (r) => r.arrayCount(),
  (r) => r.compactArrayCount(),
  (r, n) => r.skip(n),
];

describe("Reader", () => {
  it("never throws, whatever the bytes and whatever is read", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.array(fc.tuple(fc.nat(READS.length - 1), fc.integer({ min: 0, max: 40 })), {
          maxLength: 30,
        }),
        (input, reads) => {
          const r = new Reader(input);
          let firstError: DecodeError | null = null;
          for (const [which, n] of reads) {
            READS[which]!(r, n);
            expect(r.offset).toBeLessThanOrEqual(input.length);
            if (firstError === null) firstError = r.error;
            // The first error sticks: later reads neither replace it nor move the reader.
            if (firstError !== null) {
              expect(r.error).toBe(firstError);
              expect(r.remaining).toBe(0);
            }
          }
        },
      ),
    );
  });

  it("reads from a view into a larger buffer at the view's own offsets", () => {
    const backing = bytes(0xaa, 0xbb, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02);
    const r = new Reader(backing.subarray(2));
    expect([r.int16(), r.int32()]).toEqual([1, 2]);
  });

  it("stays within its start and end bounds", () => {
    const r = new Reader(bytes(1, 2, 3, 4, 5), 1, 3);
    expect([r.uint8(), r.uint8()]).toEqual([2, 3]);
    r.uint8();
    expect(r.error?.kind).toBe("truncated");
  });

  it("after an error, reads return harmless defaults", () => {
    const r = new Reader(bytes(0x01));
    r.int32();
    expect([
      r.int8(),
      r.int64(),
      r.unsignedVarint(),
      r.nullableString(),
      r.nullableBytes(),
    ]).toEqual([0, 0n, 0, "", new Uint8Array(0)]);
    expect(r.error).toBeInstanceOf(DecodeError);
    expect(r.error?.offset).toBe(0);
  });

  it("reads -1 lengths as null and refuses other negative lengths", () => {
    expect(new Reader(bytes(0xff, 0xff)).nullableString()).toBeNull();
    expect(new Reader(bytes(0xff, 0xff, 0xff, 0xff)).nullableBytes()).toBeNull();
    expect(new Reader(bytes(0x00)).compactNullableString()).toBeNull();
    const r = new Reader(bytes(0xff, 0xfe, 0x41));
    r.nullableString();
    expect(r.error?.kind).toBe("invalid-length");
  });

  it("refuses text that is not UTF-8", () => {
    const r = new Reader(bytes(0x00, 0x02, 0xc3, 0x28));
    expect(r.nullableString()).toBe("");
    expect(r.error?.kind).toBe("invalid-utf8");
  });

  describe("hostile lengths and counts fail at once, without allocating", () => {
    const HUGE_INT32 = bytes(0x7f, 0xff, 0xff, 0xff, 0x00, 0x00);
    const HUGE_UNSIGNED_VARINT = bytes(0xff, 0xff, 0xff, 0xff, 0x0f, 0x00);
    it.each([
      ["a 2^31-byte bytes field", HUGE_INT32, (r: Reader) => r.nullableBytes()],
      [
        "a 2^32-byte compact bytes field",
        HUGE_UNSIGNED_VARINT,
        (r: Reader) => r.compactNullableBytes(),
      ],
      ["a 32767-byte string", bytes(0x7f, 0xff, 0x41), (r: Reader) => r.nullableString()],
      [
        "a 2^32-byte compact string",
        HUGE_UNSIGNED_VARINT,
        (r: Reader) => r.compactNullableString(),
      ],
      ["a 2^31-element array", HUGE_INT32, (r: Reader) => r.arrayCount()],
      ["a 2^32-element compact array", HUGE_UNSIGNED_VARINT, (r: Reader) => r.compactArrayCount()],
      [
        "a 2^30-byte record field",
        bytes(0xfe, 0xff, 0xff, 0xff, 0x07),
        (r: Reader) => r.varintBytes(),
      ],
    ])("%s", (_what, input, read) => {
      const r = new Reader(input);
      expect(read(r)).toBeNull();
      expect(r.error?.kind).toBe("truncated");
    });

    it("a negative array count other than -1 is invalid", () => {
      const r = new Reader(bytes(0x80, 0x00, 0x00, 0x00));
      expect(r.arrayCount()).toBeNull();
      expect(r.error?.kind).toBe("invalid-length");
    });

    it("an array count can be as large as the bytes left, and no larger", () => {
      expect(new Reader(bytes(0x00, 0x00, 0x00, 0x02, 0x01, 0x02)).arrayCount()).toBe(2);
      const r = new Reader(bytes(0x00, 0x00, 0x00, 0x03, 0x01, 0x02));
      expect(r.arrayCount()).toBeNull();
      expect(r.error?.kind).toBe("truncated");
    });
  });
});
