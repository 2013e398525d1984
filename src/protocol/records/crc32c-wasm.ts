/**
 * CRC32C in a small WebAssembly module assembled here (crc32c-wasm-writer.ts), in two parts.
 *
 * 1. A SIMD kernel for the bulk of the input. It cuts a block into 16 equal, contiguous
 *    streams and runs the byte-at-a-time CRC on all 16 at once, one stream per byte lane of
 *    a v128. The 32-bit registers are kept "byte-planar": vectors S0..S3 hold byte 0..3 of
 *    every lane's register. Feeding byte vector B (one byte of each stream) is
 *
 *      X = S0 ^ B;  S0' = S1 ^ T0(X);  S1' = S2 ^ T1(X);  S2' = S3 ^ T2(X);  S3' = T3(X)
 *
 *    where Tm(X) is byte m of the usual 256-entry table entry for X. The table is linear,
 *    so T[x] = T[x & 0x0F] ^ T[x & 0xF0], and byte m of each half is a 16-entry table of
 *    bytes: exactly what one i8x16.swizzle looks up for 16 lanes at once. A step is 8
 *    swizzles and 11 bitwise operations for 16 bytes of input, where the scalar loop spends
 *    a table load, 2-3 ALU operations and an XOR on every byte.
 *
 *    The streams must arrive one byte per lane, so each 16 bytes of every stream (256 bytes
 *    in all) are loaded as 16 vectors and transposed by four rounds of interleaving
 *    shuffles. At the end of a block the 16 lane registers are stored and combined in stream
 *    order, shifting the running register over one stream's worth of zero bytes between
 *    lanes with four lookups in a precomputed table (crc32c-combine.ts). All lanes start
 *    from zero, so the next block's lanes never wait for that scalar chain.
 *
 *    Blocks are 16 streams of 1024, 256 or 64 bytes, taken largest first. An input that
 *    leaves most of a 1 KiB block over is padded up with zeros in front (see
 *    updateFunction); what remains otherwise (under 1 KiB) goes through the scalar loop.
 *
 * 2. A scalar slicing-by-16 loop (16 tables of 256 entries) for short inputs and tails, and
 *    for engines without WebAssembly SIMD. The twelve lookups that do not depend on the
 *    running CRC are XORed first and the four that do last, so consecutive 16-byte blocks
 *    overlap in the pipeline instead of waiting on one long XOR chain.
 *
 * i8x16.relaxed_swizzle (relaxed SIMD) is used where the engine has it: for indices below 16,
 * the only ones this code produces, it is defined to equal i8x16.swizzle, and it compiles to
 * a single pshufb/tbl, where plain swizzle needs an extra saturating add on x86 to make
 * out-of-range indices give zero. Chromium has had relaxed SIMD since 114; Node 20 has it
 * only behind --experimental-wasm-relaxed-simd (the unit tests turn it on to cover it).
 *
 * Memory (2 pages = 128 KiB): slicing tables at 0 (16 KiB), then four shift tables (4 KiB
 * each), the 16 lane registers, a 256-byte row buffer, and a scratch area that input is
 * copied into, chunk by chunk, behind up to 1 KiB of padding (WebAssembly cannot read a
 * JavaScript buffer in place). Built once per JavaScript realm (page or worker); the module
 * is ~7 KB (Chromium has since raised its limit on synchronous compiles on a page's main
 * thread from 4 KB to 8 MB; workers never had one).
 */
import { buildCrc32cShiftTable } from "./crc32c-combine.ts";
import { buildCrc32cTables } from "./crc32c-tables.ts";
import {
  assembleModule,
  block,
  branch,
  branchIf,
  call,
  get,
  i32,
  loop,
  set,
  tee,
  v128,
  valueType,
  type Code,
  type FunctionDefinition,
} from "./crc32c-wasm-writer.ts";

const LANES = 16;
const SLICE_TABLES_ADDRESS = 0;
const SLICE_TABLES = 16;
/** Stream lengths of the SIMD blocks, largest first; a block is 16 streams. */
const SIMD_STREAM_LENGTHS = [1024, 256, 64] as const;
/** The smallest SIMD block, 16 streams of 64 bytes: what padding rounds up to. */
const SIMD_BLOCK_UNIT = 16 * 64;
/** Below this, a chunk goes through the scalar loop only. */
const SIMD_MIN_BYTES = 1024;
/**
 * A chunk whose length leaves at least this much over a multiple of SIMD_BLOCK_UNIT is
 * padded up to the next multiple: the zeros in front cost SIMD time, a scalar tail of this
 * size about as much. Plain swizzles make the SIMD kernel only ~1.3x the scalar loop on
 * x86, so it pads only when nearly a whole unit is there anyway.
 */
const PADDING_MIN_BYTES: Record<Exclude<WasmCrc32cKind, "scalar">, number> = {
  "simd-relaxed": 384,
  simd: 768,
};
/**
 * Shift tables, one per length, in this order: the block for stream length L uses the
 * table for L and the next one, for 4·L.
 */
const SHIFT_LENGTHS = [64, 256, 1024, 4096] as const;
const SHIFT_TABLES_ADDRESS = SLICE_TABLES_ADDRESS + SLICE_TABLES * 1024;
const SHIFT_TABLE_BYTES = 4 * 256 * 4;
const LANE_REGISTERS_ADDRESS = SHIFT_TABLES_ADDRESS + SHIFT_LENGTHS.length * SHIFT_TABLE_BYTES;
/** 16 transposed rows, for the plain-swizzle kernel (see bufferRows). */
const ROW_BUFFER_ADDRESS = LANE_REGISTERS_ADDRESS + LANES * 4;
/** Input is copied here, after up to SIMD_BLOCK_UNIT - 1 bytes of zero padding. */
const SCRATCH_ADDRESS = ROW_BUFFER_ADDRESS + LANES * 16;
const SCRATCH_BYTES = 64 * 1024;
const MEMORY_PAGES = 2;

if (SCRATCH_ADDRESS + SIMD_BLOCK_UNIT + SCRATCH_BYTES > MEMORY_PAGES * 65536) {
  throw new Error("crc32c-wasm: memory layout does not fit");
}

function shiftTableAddress(length: (typeof SHIFT_LENGTHS)[number]): number {
  return SHIFT_TABLES_ADDRESS + SHIFT_LENGTHS.indexOf(length) * SHIFT_TABLE_BYTES;
}

/** Continues a raw CRC register over bytes[start, end). */
export type Crc32cUpdater = (
  register: number,
  bytes: Uint8Array,
  start: number,
  end: number,
) => number;

/**
 * Which kernel a module runs: the SIMD one with relaxed or plain swizzles (plus the scalar
 * loop for tails), or the scalar loop alone.
 */
export type WasmCrc32cKind = "simd-relaxed" | "simd" | "scalar";

export type WasmCrc32cUpdater = Crc32cUpdater & { readonly kind: WasmCrc32cKind };

// --- the scalar slicing-by-16 function ------------------------------------------------

// Parameters of update(register, pointer, length, padding) -> register, and four words.
const REGISTER = 0;
const POINTER = 1;
const LENGTH = 2;
const PADDING = 3;
const WORDS = [4, 5, 6, 7] as const;

/** Table lookup for byte `byteIndex` (0..3) of local `word` in slicing table `table`. */
function lookupWordByte(word: number, byteIndex: number, table: number): Code {
  const shift = byteIndex * 8;
  // The byte index scaled by 4 from one shift and one mask; the table base is the offset.
  const scaled =
    shift === 0
      ? [...i32.constant(2), ...i32.shiftLeft]
      : [...i32.constant(shift - 2), ...i32.shiftRightUnsigned];
  return [
    ...get(word),
    ...scaled,
    ...i32.constant(0x3fc),
    ...i32.and,
    ...i32.load(SLICE_TABLES_ADDRESS + table * 1024),
  ];
}

/**
 * Folds the 16 bytes at pointer + `offset` into the register: byte b is looked up in the
 * table for its distance from the end of the 16 (byte 0 in table 15, byte 15 in table 0),
 * bytes 0..3 after XORing the register into them. Bytes 4..15 are accumulated first, in
 * one chain, so their loads and XORs do not wait for the previous block; bytes 0..3, the
 * only ones that do, are combined as a small tree and XORed in last.
 */
function fold16Bytes(offset: number): Code {
  const code: Code = [
    ...get(REGISTER),
    ...get(POINTER),
    ...i32.load(offset),
    ...i32.xor,
    ...set(WORDS[0]),
  ];
  for (let word = 1; word < 4; word++) {
    code.push(...get(POINTER), ...i32.load(offset + word * 4), ...set(WORDS[word]!));
  }
  const lookup = (byte: number) => lookupWordByte(WORDS[byte >> 2]!, byte & 3, 15 - byte);
  code.push(...lookup(4));
  for (let byte = 5; byte < 16; byte++) code.push(...lookup(byte), ...i32.xor);
  code.push(...lookup(0), ...lookup(1), ...i32.xor, ...lookup(2), ...lookup(3), ...i32.xor);
  code.push(...i32.xor, ...i32.xor, ...set(REGISTER));
  return code;
}

/** while (length >= stride) { body; pointer += stride; length -= stride } */
function whileAtLeast(stride: number, body: Code): Code {
  return block(
    loop(
      [...get(LENGTH), ...i32.constant(stride), ...i32.lessThanUnsigned, ...branchIf(1)],
      body,
      [...get(POINTER), ...i32.constant(stride), ...i32.add, ...set(POINTER)],
      [...get(LENGTH), ...i32.constant(stride), ...i32.subtract, ...set(LENGTH)],
      branch(0),
    ),
  );
}

function scalarLoops(): Code {
  // prettier-ignore
  const oneByte: Code = [
    ...get(REGISTER), ...i32.constant(8), ...i32.shiftRightUnsigned,
    ...get(REGISTER), ...get(POINTER), ...i32.load8Unsigned(), ...i32.xor,
    ...i32.constant(0xff), ...i32.and, ...i32.constant(2), ...i32.shiftLeft,
    ...i32.load(SLICE_TABLES_ADDRESS), ...i32.xor, ...set(REGISTER),
  ];
  return [
    // 64 bytes per turn (fewer loop checks), then 16, then single bytes.
    ...whileAtLeast(64, [
      ...fold16Bytes(0),
      ...fold16Bytes(16),
      ...fold16Bytes(32),
      ...fold16Bytes(48),
    ]),
    ...whileAtLeast(16, fold16Bytes(0)),
    ...whileAtLeast(1, oneByte),
  ];
}

// --- the SIMD block function ------------------------------------------------------------

/** Interleaves `width`-byte groups of the low (or high) halves of two vectors. */
function interleaveLanes(width: 1 | 2 | 4 | 8, high: boolean): number[] {
  const lanes: number[] = [];
  for (let group = 0; group < 8 / width; group++) {
    for (const source of [0, 16]) {
      for (let byte = 0; byte < width; byte++) {
        lanes.push(source + (high ? 8 : 0) + group * width + byte);
      }
    }
  }
  return lanes;
}

/** Reverses the four low bits: the order the transposition leaves its rows in. */
function reverse4Bits(value: number): number {
  return ((value & 1) << 3) | ((value & 2) << 1) | ((value & 4) >> 1) | ((value & 8) >> 3);
}

/**
 * The nibble tables of the SIMD step: `low[m]` is byte m of table[n] and `high[m]` byte m
 * of table[n << 4], for n = 0..15, where table is the byte-at-a-time (Sarwate) table.
 */
function nibbleTables(byteTable: Int32Array): { low: number[][]; high: number[][] } {
  const low: number[][] = [];
  const high: number[][] = [];
  for (let m = 0; m < 4; m++) {
    low.push(Array.from({ length: 16 }, (_, n) => (byteTable[n]! >>> (8 * m)) & 0xff));
    high.push(Array.from({ length: 16 }, (_, n) => (byteTable[n << 4]! >>> (8 * m)) & 0xff));
  }
  return { low, high };
}

/**
 * block(register, pointer, streamLength, shiftTable) -> register: the CRC of the 16 ×
 * streamLength bytes at pointer, continuing `register`. shiftTable is the address of the
 * table that shifts a register over streamLength zero bytes.
 */
function simdBlockFunction(relaxed: boolean, byteTable: Int32Array): FunctionDefinition {
  const [BLOCK_REGISTER, BLOCK_POINTER, STREAM_LENGTH, SHIFT_TABLE] = [0, 1, 2, 3];
  const i32Locals = 6;
  const [CHUNK_END, ADDRESS] = [4, 5];
  const GROUPS = [6, 7, 8, 9];
  let next = 4 + i32Locals;
  const vector = () => next++;
  const state = [vector(), vector(), vector(), vector()];
  const [x, lowNibbles, highNibbles, nibbleMask] = [vector(), vector(), vector(), vector()];
  const lowTable = [vector(), vector(), vector(), vector()];
  const highTable = [vector(), vector(), vector(), vector()];
  const rows = Array.from({ length: LANES }, vector);
  const spare = Array.from({ length: LANES }, vector);
  const v128Locals = next - 4 - i32Locals;

  const swizzle = relaxed ? v128.relaxedSwizzle : v128.swizzle;
  // With plain swizzles, whose x86 code is three instructions each, V8 runs short of vector
  // registers; storing the transposed rows and loading each one for its step is then ~7%
  // faster (Node 20). With relaxed swizzles it is not, and the steps follow the shuffles.
  const bufferRows = !relaxed;
  const tables = nibbleTables(byteTable);
  const code: Code = [...v128.constant(new Array(16).fill(0x0f)), ...set(nibbleMask)];
  for (let m = 0; m < 4; m++) {
    code.push(...v128.constant(tables.low[m]!), ...set(lowTable[m]!));
    code.push(...v128.constant(tables.high[m]!), ...set(highTable[m]!));
  }
  for (const plane of state) code.push(...v128.constant(new Array(16).fill(0)), ...set(plane));

  /** Byte m of T(X) for all lanes: the low- and high-nibble lookups, XORed. */
  // prettier-ignore
  const tableByte = (m: number): Code => [
    ...get(lowTable[m]!), ...get(lowNibbles), ...swizzle,
    ...get(highTable[m]!), ...get(highNibbles), ...swizzle,
    ...v128.xor,
  ];
  // prettier-ignore
  const step = (input: number): Code => [
    ...get(state[0]!), ...get(input), ...v128.xor, ...tee(x),
    ...get(nibbleMask), ...v128.and, ...set(lowNibbles),
    ...get(x), ...i32.constant(4), ...v128.i16x8ShiftRightUnsigned,
    ...get(nibbleMask), ...v128.and, ...set(highNibbles),
    ...get(state[1]!), ...tableByte(0), ...v128.xor, ...set(state[0]!),
    ...get(state[2]!), ...tableByte(1), ...v128.xor, ...set(state[1]!),
    ...get(state[3]!), ...tableByte(2), ...v128.xor, ...set(state[2]!),
    ...tableByte(3), ...set(state[3]!),
  ];

  // One chunk: 16 bytes of each stream, at pointer + j * streamLength.
  const chunk: Code = [...get(BLOCK_POINTER), ...set(ADDRESS)];
  for (let j = 0; j < LANES; j++) {
    if (j > 0) {
      chunk.push(...get(ADDRESS), ...get(STREAM_LENGTH), ...i32.add, ...set(ADDRESS));
    }
    chunk.push(...get(ADDRESS), ...v128.load(), ...set(rows[j]!));
  }
  /** Byte t of every stream, in `row`: step now, or store it for the steps after. */
  const feed = (row: number, t: number): Code =>
    bufferRows
      ? [...i32.constant(0), ...get(row), ...v128.store(ROW_BUFFER_ADDRESS + 16 * t)]
      : step(row);
  // Transpose 16 × 16 bytes: four rounds pair rows (2k, 2k + 1) into (k, k + 8),
  // interleaving 1, 2, 4 and 8 bytes; after them row reverse4Bits(t) holds byte t of every
  // stream, in lane order. The last round goes in step order, each pair followed by the two
  // steps it feeds, which keeps fewer vectors live (a few percent in Chromium).
  let from = rows;
  let to = spare;
  for (const width of [1, 2, 4, 8] as const) {
    const last = width === 8;
    for (let index = 0; index < 8; index++) {
      const k = last ? reverse4Bits(2 * index) : index;
      for (const high of [false, true]) {
        chunk.push(
          ...get(from[2 * k]!),
          ...get(from[2 * k + 1]!),
          ...v128.shuffle(interleaveLanes(width, high)),
          ...set(to[high ? k + 8 : k]!),
        );
      }
      // Rows k and k + 8 now hold bytes 2·index and 2·index + 1 of every stream.
      if (last) chunk.push(...feed(to[k]!, 2 * index), ...feed(to[k + 8]!, 2 * index + 1));
    }
    [from, to] = [to, from];
  }
  if (bufferRows) {
    for (let t = 0; t < 16; t++) {
      chunk.push(...i32.constant(0), ...v128.load(ROW_BUFFER_ADDRESS + 16 * t), ...set(rows[0]!));
      chunk.push(...step(rows[0]!));
    }
  }

  // prettier-ignore
  code.push(
    ...get(BLOCK_POINTER), ...get(STREAM_LENGTH), ...i32.add, ...set(CHUNK_END),
    ...loop(
      chunk,
      [...get(BLOCK_POINTER), ...i32.constant(16), ...i32.add, ...tee(BLOCK_POINTER)],
      [...get(CHUNK_END), ...i32.lessThanUnsigned, ...branchIf(0)],
    ),
  );

  // Lane registers, little-endian, to memory: interleave planes 0/1 and 2/3 bytewise into
  // 16-bit halves, then the halves into 32-bit registers (lanes 0..3, 4..7, 8..11, 12..15).
  const [low01, low23] = [rows[0]!, rows[1]!];
  for (const high of [false, true]) {
    // prettier-ignore
    code.push(
      ...get(state[0]!), ...get(state[1]!), ...v128.shuffle(interleaveLanes(1, high)), ...set(low01),
      ...get(state[2]!), ...get(state[3]!), ...v128.shuffle(interleaveLanes(1, high)), ...set(low23),
    );
    for (const upper of [false, true]) {
      code.push(
        ...i32.constant(0),
        ...get(low01),
        ...get(low23),
        ...v128.shuffle(interleaveLanes(2, upper)),
        ...v128.store(LANE_REGISTERS_ADDRESS + (high ? 32 : 0) + (upper ? 16 : 0)),
      );
    }
  }
  // Combine in stream order: register · K^16 ⊕ lane[0] · K^15 ⊕ … ⊕ lane[15], K being the
  // shift over one stream. As a two-level Horner scheme, so that the chain through the
  // incoming register is 4 steps rather than 16: each group of four lanes is folded on its
  // own (g = ((lane[4i] · K ⊕ lane[4i+1]) · K ⊕ lane[4i+2]) · K ⊕ lane[4i+3]), then the
  // register takes the groups with the shift over four streams (K^4), whose table is the
  // next one in memory.
  const shifted = (local: number, table: 0 | 1): Code => {
    const lookup = (byteIndex: number): Code => [
      ...get(SHIFT_TABLE),
      ...get(local),
      ...(byteIndex === 0
        ? [...i32.constant(2), ...i32.shiftLeft]
        : [...i32.constant(byteIndex * 8 - 2), ...i32.shiftRightUnsigned]),
      ...i32.constant(0x3fc),
      ...i32.and,
      ...i32.add,
      ...i32.load(table * SHIFT_TABLE_BYTES + byteIndex * 1024),
    ];
    return [
      ...lookup(0),
      ...lookup(1),
      ...i32.xor,
      ...lookup(2),
      ...lookup(3),
      ...i32.xor,
      ...i32.xor,
    ];
  };
  const laneRegister = (lane: number): Code => [
    ...i32.constant(0),
    ...i32.load(LANE_REGISTERS_ADDRESS + 4 * lane),
  ];
  for (let group = 0; group < 4; group++) {
    code.push(...laneRegister(4 * group), ...set(GROUPS[group]!));
    for (let lane = 4 * group + 1; lane < 4 * group + 4; lane++) {
      code.push(
        ...shifted(GROUPS[group]!, 0),
        ...laneRegister(lane),
        ...i32.xor,
        ...set(GROUPS[group]!),
      );
    }
  }
  for (let group = 0; group < 4; group++) {
    code.push(
      ...shifted(BLOCK_REGISTER, 1),
      ...get(GROUPS[group]!),
      ...i32.xor,
      ...set(BLOCK_REGISTER),
    );
  }
  code.push(...get(BLOCK_REGISTER));

  return {
    params: [valueType.i32, valueType.i32, valueType.i32, valueType.i32],
    results: [valueType.i32],
    locals: [
      ...new Array<number>(i32Locals).fill(valueType.i32),
      ...new Array<number>(v128Locals).fill(valueType.v128),
    ] as FunctionDefinition["locals"],
    body: code,
  };
}

// --- the module ---------------------------------------------------------------------

const BLOCK_FUNCTION_INDEX = 1;

/**
 * update(register, pointer, length, padding) -> register: SIMD blocks while they fit, then
 * the scalar loop. A non-zero `padding` says that the input starts at pointer + padding
 * and the bytes before it are zeros (put there so that the length rounds up to whole
 * blocks). The register is then folded into the input's first four bytes instead: the
 * raw CRC register r over data d equals the register from zero over d with r XORed into
 * its first four bytes (little-endian), and zeros fed to a zero register leave it zero.
 */
function updateFunction(withSimd: boolean): FunctionDefinition {
  const code: Code = [];
  if (withSimd) {
    const first = WORDS[0];
    // prettier-ignore
    code.push(...block(
      [...get(PADDING), ...i32.equalZero, ...branchIf(0)],
      [...get(POINTER), ...get(PADDING), ...i32.add, ...set(first)],
      [...get(first), ...get(first), ...i32.load(), ...get(REGISTER), ...i32.xor, ...i32.store()],
      [...i32.constant(0), ...set(REGISTER)],
    ));
    for (const streamLength of SIMD_STREAM_LENGTHS) {
      const blockBytes = LANES * streamLength;
      code.push(
        ...whileAtLeast(blockBytes, [
          ...get(REGISTER),
          ...get(POINTER),
          ...i32.constant(streamLength),
          ...i32.constant(shiftTableAddress(streamLength)),
          ...call(BLOCK_FUNCTION_INDEX),
          ...set(REGISTER),
        ]),
      );
    }
  }
  code.push(...scalarLoops(), ...get(REGISTER));
  return {
    params: [valueType.i32, valueType.i32, valueType.i32, valueType.i32],
    results: [valueType.i32],
    locals: WORDS.map(() => valueType.i32),
    body: code,
    exportName: "update",
  };
}

/** The module's binary for one kind of kernel. */
export function assembleCrc32cModule(kind: WasmCrc32cKind): Uint8Array<ArrayBuffer> {
  if (kind === "scalar") return assembleModule(MEMORY_PAGES, [updateFunction(false)]);
  const byteTable = buildCrc32cTables().subarray(0, 256);
  return assembleModule(MEMORY_PAGES, [
    updateFunction(true),
    simdBlockFunction(kind === "simd-relaxed", byteTable),
  ]);
}

function instantiate(kind: WasmCrc32cKind): WasmCrc32cUpdater {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(assembleCrc32cModule(kind)));
  const memory = instance.exports["memory"] as WebAssembly.Memory;
  const update = instance.exports["update"] as (
    register: number,
    pointer: number,
    length: number,
    padding: number,
  ) => number;
  new Int32Array(memory.buffer, SLICE_TABLES_ADDRESS, SLICE_TABLES * 256).set(buildCrc32cTables());
  const paddingMin = kind === "scalar" ? undefined : PADDING_MIN_BYTES[kind];
  if (kind !== "scalar") {
    for (const length of SHIFT_LENGTHS) {
      const table = buildCrc32cShiftTable(length);
      new Int32Array(memory.buffer, shiftTableAddress(length), table.length).set(table);
    }
  }
  const heap = new Uint8Array(memory.buffer);
  const updater: Crc32cUpdater = (register, bytes, start, end) => {
    let crc = register;
    for (let chunkStart = start; chunkStart < end; chunkStart += SCRATCH_BYTES) {
      const chunkEnd = Math.min(end, chunkStart + SCRATCH_BYTES);
      const length = chunkEnd - chunkStart;
      const over = length % SIMD_BLOCK_UNIT;
      const padding =
        paddingMin !== undefined && length >= SIMD_MIN_BYTES && over >= paddingMin
          ? SIMD_BLOCK_UNIT - over
          : 0;
      if (padding > 0) heap.fill(0, SCRATCH_ADDRESS, SCRATCH_ADDRESS + padding);
      heap.set(bytes.subarray(chunkStart, chunkEnd), SCRATCH_ADDRESS + padding);
      crc = update(crc, SCRATCH_ADDRESS, length + padding, padding);
    }
    return crc;
  };
  return Object.assign(updater, { kind });
}

/**
 * Instantiates the fastest kernel this engine accepts (`kind` "auto"), or exactly the one
 * asked for. Returns null where WebAssembly is missing or refused (e.g. a
 * Content-Security-Policy without 'wasm-unsafe-eval'), or lacks the asked-for feature;
 * callers then fall back to the portable path.
 */
export function createWasmCrc32cUpdater(
  kind: WasmCrc32cKind | "auto" = "auto",
): WasmCrc32cUpdater | null {
  if (typeof WebAssembly === "undefined") return null;
  const candidates: WasmCrc32cKind[] =
    kind === "auto" ? ["simd-relaxed", "simd", "scalar"] : [kind];
  for (const candidate of candidates) {
    try {
      return instantiate(candidate);
    } catch {
      // Not supported here (a CompileError for relaxed SIMD, say): try the next kind.
    }
  }
  return null;
}
