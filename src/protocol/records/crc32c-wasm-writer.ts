/**
 * A minimal WebAssembly binary writer: just the instructions, sections and encodings that
 * the CRC32C module (crc32c-wasm.ts) needs. Code is built as plain byte arrays; each helper
 * returns the bytes of one instruction (or of a short fixed sequence) so that function
 * bodies read as lists of instructions.
 */

export type Code = number[];

export function unsignedLeb128(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

export function signedLeb128(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const signBitClear = (byte & 0x40) === 0;
    if ((rest === 0 && signBitClear) || (rest === -1 && !signBitClear)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

export const valueType = { i32: 0x7f, v128: 0x7b } as const;
export type ValueType = (typeof valueType)[keyof typeof valueType];

// --- control and locals --------------------------------------------------------------

const EMPTY_BLOCK_TYPE = 0x40;

export const get = (local: number): Code => [0x20, ...unsignedLeb128(local)];
export const set = (local: number): Code => [0x21, ...unsignedLeb128(local)];
export const tee = (local: number): Code => [0x22, ...unsignedLeb128(local)];
export const call = (functionIndex: number): Code => [0x10, ...unsignedLeb128(functionIndex)];
/** `block` / `loop` ... `end` with no result; branch depths are counted by the caller. */
export const block = (...body: Code[]): Code => [0x02, EMPTY_BLOCK_TYPE, ...body.flat(), 0x0b];
export const loop = (...body: Code[]): Code => [0x03, EMPTY_BLOCK_TYPE, ...body.flat(), 0x0b];
export const branch = (depth: number): Code => [0x0c, ...unsignedLeb128(depth)];
export const branchIf = (depth: number): Code => [0x0d, ...unsignedLeb128(depth)];

// --- i32 ----------------------------------------------------------------------------

export const i32 = {
  constant: (value: number): Code => [0x41, ...signedLeb128(value)],
  /** i32.load with a 4-byte alignment hint and a static offset added to the address. */
  load: (offset = 0): Code => [0x28, 2, ...unsignedLeb128(offset)],
  load8Unsigned: (offset = 0): Code => [0x2d, 0, ...unsignedLeb128(offset)],
  store: (offset = 0): Code => [0x36, 2, ...unsignedLeb128(offset)],
  equalZero: [0x45] as Code,
  lessThanUnsigned: [0x49] as Code,
  add: [0x6a] as Code,
  subtract: [0x6b] as Code,
  and: [0x71] as Code,
  xor: [0x73] as Code,
  shiftLeft: [0x74] as Code,
  shiftRightUnsigned: [0x76] as Code,
};

// --- v128 (the 0xFD prefix) -----------------------------------------------------------

const simd = (opcode: number): Code => [0xfd, ...unsignedLeb128(opcode)];

export const v128 = {
  /** v128.load with a 16-byte alignment hint and a static offset. */
  load: (offset = 0): Code => [...simd(0x00), 4, ...unsignedLeb128(offset)],
  store: (offset = 0): Code => [...simd(0x0b), 4, ...unsignedLeb128(offset)],
  constant: (bytes: readonly number[]): Code => {
    if (bytes.length !== 16) throw new Error("v128.const takes 16 bytes");
    return [...simd(0x0c), ...bytes];
  },
  /** i8x16.shuffle: lane i of the result is lane `lanes[i]` of `a ++ b` (0..31). */
  shuffle: (lanes: readonly number[]): Code => {
    if (lanes.length !== 16 || lanes.some((lane) => lane < 0 || lane > 31)) {
      throw new Error("i8x16.shuffle takes 16 lane indices in 0..31");
    }
    return [...simd(0x0d), ...lanes];
  },
  /** i8x16.swizzle: byte i of the result is `table[index[i]]`, or 0 where the index is ≥ 16. */
  swizzle: simd(0x0e),
  /**
   * i8x16.relaxed_swizzle (relaxed SIMD): the same for indices below 16 and only
   * implementation-defined above, so engines can map it to one native shuffle.
   */
  relaxedSwizzle: simd(0x100),
  and: simd(0x4e),
  xor: simd(0x51),
  i16x8ShiftRightUnsigned: simd(0x8d),
};

// --- module -------------------------------------------------------------------------

export interface FunctionDefinition {
  params: readonly ValueType[];
  results: readonly ValueType[];
  /** Extra locals after the parameters, in order. */
  locals: readonly ValueType[];
  body: Code;
  exportName?: string;
}

function section(id: number, body: number[]): number[] {
  return [id, ...unsignedLeb128(body.length), ...body];
}

function name(text: string): number[] {
  return [...unsignedLeb128(text.length), ...Array.from(text, (char) => char.charCodeAt(0))];
}

function vector(items: number[][]): number[] {
  return [...unsignedLeb128(items.length), ...items.flat()];
}

/** Runs of equal types, as the code section declares locals. */
function localDeclarations(locals: readonly ValueType[]): number[][] {
  const runs: number[][] = [];
  let index = 0;
  while (index < locals.length) {
    const type = locals[index]!;
    let count = 0;
    while (index < locals.length && locals[index] === type) {
      count++;
      index++;
    }
    runs.push([...unsignedLeb128(count), type]);
  }
  return runs;
}

/** A module with one memory (exported as "memory") and the given functions, one type each. */
export function assembleModule(
  memoryPages: number,
  functions: readonly FunctionDefinition[],
): Uint8Array<ArrayBuffer> {
  const types = functions.map((fn) => [
    0x60,
    ...vector(fn.params.map((type) => [type])),
    ...vector(fn.results.map((type) => [type])),
  ]);
  const exports = [[...name("memory"), 0x02, 0]];
  functions.forEach((fn, index) => {
    if (fn.exportName !== undefined)
      exports.push([...name(fn.exportName), 0x00, ...unsignedLeb128(index)]);
  });
  const bodies = functions.map((fn) => {
    const body = [...vector(localDeclarations(fn.locals)), ...fn.body, 0x0b];
    return [...unsignedLeb128(body.length), ...body];
  });
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // "\0asm", version 1
    ...section(1, vector(types)),
    ...section(3, vector(functions.map((_, index) => unsignedLeb128(index)))),
    ...section(5, [1, 0x00, ...unsignedLeb128(memoryPages)]), // one memory: min pages, no max
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}
