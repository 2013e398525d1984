/**
 * CRC32C (Castagnoli), the checksum of a RecordBatch v2: reflected polynomial 0x82F63B78,
 * initial value and final XOR 0xFFFFFFFF, result unsigned.
 *
 * Inputs of WASM_THRESHOLD_BYTES or more go through WebAssembly (crc32c-wasm.ts: a 16-lane
 * SIMD kernel where the engine has SIMD, a slicing-by-16 loop otherwise); shorter ones, and
 * every input where WebAssembly is unavailable, through slicing-by-16 in plain JavaScript.
 * All paths give identical results.
 */
import { updateCrc32cPortable } from "./crc32c-portable.ts";
import { createWasmCrc32cUpdater, type WasmCrc32cUpdater } from "./crc32c-wasm.ts";

export { crc32cCombine } from "./crc32c-combine.ts";

/** Below this, the copy into WebAssembly memory and the call cost more than they save. */
const WASM_THRESHOLD_BYTES = 128;

/** undefined: not tried yet; null: unavailable. Built on first use, once per realm. */
let wasmUpdater: WasmCrc32cUpdater | null | undefined;

function getWasmUpdater(): WasmCrc32cUpdater | null {
  if (wasmUpdater === undefined) wasmUpdater = createWasmCrc32cUpdater();
  return wasmUpdater;
}

/**
 * The CRC32C of `bytes[start, end)`. Pass a previous result as `initial` to continue over
 * split input: `crc32c(b, crc32c(a))` equals `crc32c(a ++ b)`.
 */
export function crc32c(bytes: Uint8Array, initial = 0, start = 0, end = bytes.length): number {
  if (end - start >= WASM_THRESHOLD_BYTES) {
    const updater = getWasmUpdater();
    if (updater !== null) return ~updater(~initial, bytes, start, end) >>> 0;
  }
  return ~updateCrc32cPortable(~initial, bytes, start, end) >>> 0;
}

/** Which path long inputs take in this realm, for benchmarks and diagnostics. */
export function crc32cImplementation(): `wasm-${WasmCrc32cUpdater["kind"]}` | "portable" {
  const updater = getWasmUpdater();
  return updater === null ? "portable" : `wasm-${updater.kind}`;
}
