/**
 * Helpers for the tests of this folder. Vitest's toEqual walks typed arrays element by
 * element through its generic equality (seconds for a megabyte), so byte arrays are
 * compared here with a plain loop and only a mismatch is reported through expect.
 */
import { expect } from "vitest";

export function expectBytesEqual(actual: Uint8Array | null, expected: Uint8Array | null): void {
  if (actual === null || expected === null) {
    expect(actual).toBe(expected);
    return;
  }
  expect(actual.length).toBe(expected.length);
  for (let index = 0; index < expected.length; index++) {
    if (actual[index] !== expected[index]) {
      expect({ index, byte: actual[index] }).toEqual({ index, byte: expected[index] });
    }
  }
}

export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}
