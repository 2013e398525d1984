/**
 * Kafka's Uuid text form: the 16 bytes in URL-safe base64 without padding (Uuid.toString),
 * 22 characters whose last one carries 4 zero bits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { uuidFromBytes, uuidToBytes, ZERO_UUID } from "./uuid.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe("Uuid strings", () => {
  it.each([
    [new Uint8Array(16), ZERO_UUID],
    [Uint8Array.from({ length: 16 }, (_, i) => i), "AAECAwQFBgcICQoLDA0ODw"],
    [new Uint8Array(16).fill(0xff), "_____________________w"],
    [new Uint8Array(16).fill(0xfb), "-_v7-_v7-_v7-_v7-_v7-w"],
  ])("%o is %s", (bytes, text) => {
    expect(uuidFromBytes(bytes)).toBe(text);
    expect(uuidToBytes(text)).toEqual(bytes);
  });

  it("round-trips any 16 bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const text = uuidFromBytes(bytes);
        expect(text).toHaveLength(22);
        expect(uuidToBytes(text)).toEqual(bytes);
      }),
    );
  });

  it.each([
    ["empty", ""],
    ["21 characters", ZERO_UUID.slice(1)],
    ["23 characters", `${ZERO_UUID}A`],
    ["standard base64's '+'", "+AAAAAAAAAAAAAAAAAAAAA"],
    ["standard base64's '/'", "AAAAAAAAAA/AAAAAAAAAAA"],
    ["padding", "AAAAAAAAAAAAAAAAAAAAA="],
    ["the hex form", "00000000-0000-0000-0000"],
    ["a non-ASCII character", "AAAAAAAAAAAAAAAAAAAAAé"],
    ["non-zero padding bits in the last character", "AAAAAAAAAAAAAAAAAAAAAB"],
  ])("rejects %s", (_what, text) => {
    expect(uuidToBytes(text)).toBeNull();
  });

  it("accepts exactly the canonical strings: any 22 characters either fail or round-trip", () => {
    const character = fc.constantFrom(...ALPHABET);
    fc.assert(
      fc.property(fc.array(character, { minLength: 22, maxLength: 22 }), (characters) => {
        const text = characters.join("");
        const bytes = uuidToBytes(text);
        if (bytes !== null) expect(uuidFromBytes(bytes)).toBe(text);
        // The last character holds 2 data bits and 4 zero bits: only A, Q, g and w are canonical.
        expect(bytes !== null).toBe("AQgw".includes(text[21]!));
      }),
    );
  });
});
