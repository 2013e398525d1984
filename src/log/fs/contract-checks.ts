/**
 * Assertions for the FileSystem contract suite. Plain functions that throw, so the suite
 * runs unchanged under Vitest in Node and inside a Chromium worker (no test framework).
 */
import type { StorageErrorKind } from "./file-system.ts";

export class ContractFailure extends Error {
  override readonly name = "ContractFailure";
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ContractFailure(message);
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
  const same = Array.isArray(expected)
    ? JSON.stringify(actual) === JSON.stringify(expected)
    : Object.is(actual, expected);
  check(same, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Compares byte for byte and names the first difference (an 8 MiB dump helps nobody). */
export function checkBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  check(
    actual.length === expected.length,
    `${what}: expected ${expected.length} bytes, got ${actual.length}`,
  );
  for (let index = 0; index < expected.length; index++) {
    if (actual[index] !== expected[index]) {
      throw new ContractFailure(
        `${what}: byte ${index} is ${actual[index]}, expected ${expected[index]}`,
      );
    }
  }
}

export function checkZeros(actual: Uint8Array, expectedLength: number, what: string): void {
  check(
    actual.length === expectedLength,
    `${what}: expected ${expectedLength} bytes, got ${actual.length}`,
  );
  const nonZero = actual.findIndex((byte) => byte !== 0);
  check(nonZero === -1, `${what}: byte ${nonZero} is ${actual[nonZero]}, expected 0`);
}

/**
 * Runs `action` (sync or async) and checks that it fails with a StorageError of `kind`.
 * Matched by name rather than instanceof, so an error that crossed a realm still counts.
 */
export async function checkStorageError(
  kind: StorageErrorKind,
  action: () => unknown,
  what: string,
): Promise<void> {
  let failure: unknown;
  try {
    await action();
  } catch (error) {
    failure = error;
  }
  check(failure !== undefined, `${what}: expected a ${kind} StorageError, but it succeeded`);
  const {
    name,
    kind: actualKind,
    message,
  } = failure as { name?: unknown; kind?: unknown; message?: unknown };
  check(
    name === "StorageError" && actualKind === kind,
    `${what}: expected a ${kind} StorageError, got ${String(name)} ${String(actualKind ?? "")}: ${String(message)}`,
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * `length` bytes that differ with their offset and the seed, so a piece written or read at
 * the wrong place shows up as a mismatch (a constant fill would hide it).
 */
export function patternBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index++) {
    bytes[index] = (index * 31 + (index >>> 8) * 7 + seed * 101) & 0xff;
  }
  return bytes;
}

/** A seeded xorshift32 generator: the model-based case must replay identically everywhere. */
export function seededRandom(seed: number): (bound: number) => number {
  let state = seed >>> 0 || 1;
  return (bound) => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % bound;
  };
}
