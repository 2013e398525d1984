/**
 * kafka-producer-perf-test's payloads (ProducerPerformance.generateRandomPayload): with
 * --record-size, one buffer refilled with random capital letters for every record (Kafka
 * also reuses one byte[]: send() has copied the record into its batch before it returns);
 * with --payload-file, a random one of the file's payloads; with --payload-monotonic, the
 * record's number as text.
 *
 * Letters come from a fixed-seed generator as Kafka's do (SplittableRandom(0)), but not the
 * same generator, so the letters differ from Kafka's. Each 32-bit draw gives two 16-bit
 * halves, each a pair of letters (one of 26 * 26) looked up in a table; a half past the last
 * whole multiple of 676 is skipped, so every letter stays equally likely. Refilling 100 bytes
 * a letter at a time would cost about as much as sending the record.
 */
import { UncaughtToolError } from "./producer-perf-options.ts";

const encoder = new TextEncoder();
const UPPER_A = 65;
const LETTERS = 26;
const PAIRS = LETTERS * LETTERS;
/** The largest multiple of 676 up to 2^16: halves at or above it would favour some pairs. */
const UNBIASED_HALF_LIMIT = Math.floor(2 ** 16 / PAIRS) * PAIRS;
/** Pair i is the letters FIRST_LETTER[i], SECOND_LETTER[i]. */
const FIRST_LETTER = Uint8Array.from({ length: PAIRS }, (_, pair) => UPPER_A + (pair % LETTERS));
const SECOND_LETTER = Uint8Array.from(
  { length: PAIRS },
  (_, pair) => UPPER_A + Math.floor(pair / LETTERS),
);

/** A fixed-seed generator (mulberry32): the same payloads on every run. */
export class SeededRandom {
  // In a typed array: a 32-bit state in a plain field or closure variable is boxed at every step.
  private readonly state: Uint32Array;

  constructor(seed: number) {
    this.state = new Uint32Array([seed]);
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const state = this.state;
    state[0] = state[0]! + 0x6d2b79f5; // wraps modulo 2^32, as the typed array stores it
    let t = state[0]!;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform integer in [0, bound). */
  nextBelow(bound: number): number {
    return Math.floor((this.nextUint32() / 2 ** 32) * bound);
  }

  /** Fills `payload` with random capital letters. */
  fillWithLetters(payload: Uint8Array): void {
    const length = payload.length;
    let index = 0;
    while (index < length) {
      const draw = this.nextUint32();
      index = putPair(payload, index, draw >>> 16);
      if (index < length) index = putPair(payload, index, draw & 0xffff);
    }
  }
}

/** Writes the letter pair `half` stands for (as much as fits) at `index`; returns the next index. */
function putPair(payload: Uint8Array, index: number, half: number): number {
  if (half >= UNBIASED_HALF_LIMIT) return index;
  const pair = half % PAIRS;
  payload[index] = FIRST_LETTER[pair]!;
  if (index + 1 < payload.length) payload[index + 1] = SECOND_LETTER[pair]!;
  return Math.min(index + 2, payload.length);
}

/** Java's Scanner with a delimiter: the tokens between delimiters, none before the first or after the last. */
export function payloadsOf(text: string, delimiter: string): Uint8Array[] {
  let pattern: RegExp;
  try {
    pattern = new RegExp(delimiter, "u");
  } catch (error) {
    throw new UncaughtToolError(
      `java.util.regex.PatternSyntaxException: ${(error as Error).message}`,
    );
  }
  const tokens = text.split(pattern);
  if (tokens[0] === "") tokens.shift();
  if (tokens.at(-1) === "") tokens.pop();
  return tokens.map((token) => encoder.encode(token));
}

/** generateRandomPayload: the next record's value (valid until the next call). */
export function payloadSource(
  recordSize: number | null,
  fromFile: readonly Uint8Array[],
): (index: number) => Uint8Array {
  const random = new SeededRandom(0);
  if (fromFile.length > 0) return () => fromFile[random.nextBelow(fromFile.length)]!;
  if (recordSize !== null) {
    const payload = new Uint8Array(recordSize);
    return () => {
      random.fillWithLetters(payload);
      return payload;
    };
  }
  return (index) => encoder.encode(String(index));
}
