/**
 * Helpers for the tests of this folder. Vitest's toEqual walks typed arrays element by
 * element through its generic equality (seconds for a megabyte), so byte arrays are
 * compared here with a plain loop and only a mismatch is reported through expect.
 */
import { expect } from "vitest";
export { pseudoRandomBytes } from "./pseudo-random-bytes.ts";

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

