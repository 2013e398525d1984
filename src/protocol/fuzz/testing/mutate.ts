/**
 * Mutations of valid encodings, aimed at what breaks decoders: flipped bits, bytes
 * replaced, inserted, deleted or duplicated, cuts, and length-sized windows overwritten
 * with the values hostile input favours (2^31 - 1, -1, -2^31, oversized varints).
 */
import type { Xorshift32 } from "./xorshift.ts";

const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];
const INTERESTING_INT16 = [0x7fff, 0xffff, 0x8000, 0xfffe, 0x0000];
const INTERESTING_INT32 = [0x7fffffff, 0xffffffff, 0x80000000, 0xfffffffe, 0x00000000, 0x00010000];
const INTERESTING_VARINTS = [
  [0xff, 0xff, 0xff, 0xff, 0x0f], // 2^32 - 1: a compact length or count of 2^32 - 2
  [0xff, 0xff, 0xff, 0xff, 0x07], // 2^31 - 1
  [0x80, 0x80, 0x80, 0x80, 0x80, 0x01], // six bytes: longer than any int32 varint
  [0xfe, 0xff, 0xff, 0xff, 0x07], // zig-zag 2^30 - 1
];

function splice(
  input: Uint8Array,
  at: number,
  remove: number,
  insert: ArrayLike<number>,
): Uint8Array {
  const out = new Uint8Array(input.length - remove + insert.length);
  out.set(input.subarray(0, at), 0);
  out.set(insert, at);
  out.set(input.subarray(at + remove), at + insert.length);
  return out;
}

function overwrite(input: Uint8Array, at: number, values: ArrayLike<number>): Uint8Array {
  const out = input.slice();
  for (let i = 0; i < values.length && at + i < out.length; i++) out[at + i] = values[i]!;
  return out;
}

function bigEndian(value: number, width: 2 | 4): number[] {
  return width === 2
    ? [(value >>> 8) & 0xff, value & 0xff]
    : [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

type Mutation = (input: Uint8Array, random: Xorshift32) => Uint8Array;

const MUTATIONS: Mutation[] = [
  function flipBit(input, random) {
    if (input.length === 0) return input;
    const at = random.below(input.length);
    return overwrite(input, at, [input[at]! ^ (1 << random.below(8))]);
  },
  function replaceByte(input, random) {
    if (input.length === 0) return input;
    const value = random.chance(0.5) ? random.pick(INTERESTING_BYTES) : random.below(256);
    return overwrite(input, random.below(input.length), [value]);
  },
  function insertBytes(input, random) {
    return splice(input, random.below(input.length + 1), 0, random.bytes(1 + random.below(8)));
  },
  function deleteBytes(input, random) {
    const at = random.below(input.length + 1);
    return splice(input, at, Math.min(1 + random.below(8), input.length - at), []);
  },
  function duplicateRange(input, random) {
    const from = random.below(input.length + 1);
    const copy = input.slice(from, from + 1 + random.below(16));
    return splice(input, random.below(input.length + 1), 0, copy);
  },
  function truncate(input, random) {
    return input.subarray(0, random.below(input.length + 1));
  },
  function hugeInt16(input, random) {
    return overwrite(
      input,
      random.below(input.length + 1),
      bigEndian(random.pick(INTERESTING_INT16), 2),
    );
  },
  function hugeInt32(input, random) {
    return overwrite(
      input,
      random.below(input.length + 1),
      bigEndian(random.pick(INTERESTING_INT32), 4),
    );
  },
  function hugeVarint(input, random) {
    const at = random.below(input.length + 1);
    // Replace what was probably a one-byte compact length or count with a huge one.
    return splice(input, at, Math.min(1, input.length - at), random.pick(INTERESTING_VARINTS));
  },
];

/** Apply one to four random mutations. */
export function mutate(input: Uint8Array, random: Xorshift32): Uint8Array {
  let out = input;
  const count = 1 + random.below(4);
  for (let i = 0; i < count; i++) out = random.pick(MUTATIONS)(out, random);
  return out;
}
