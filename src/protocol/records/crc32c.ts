/**
 * CRC32C (Castagnoli), the checksum of a RecordBatch v2: reflected polynomial 0x82F63B78,
 * initial value and final XOR 0xFFFFFFFF, result unsigned.
 *
 * Inputs of WASM_THRESHOLD_BYTES or more go through a WebAssembly slicing-by-16 loop (see
 * crc32c-wasm.ts for why); shorter ones, and every input where WebAssembly is unavailable,
 * through the same algorithm in plain JavaScript. Both give identical results.
 */
import { updateCrc32cPortable } from "./crc32c-portable.ts";
import { createWasmCrc32cUpdater, type Crc32cUpdater } from "./crc32c-wasm.ts";

/** Below this, the copy into WebAssembly memory and the call cost more than they save. */
const WASM_THRESHOLD_BYTES = 256;

/** undefined: not tried yet; null: unavailable. Built on first use, once per realm. */
let wasmUpdater: Crc32cUpdater | null | undefined;

/**
 * The CRC32C of `bytes[start, end)`. Pass a previous result as `initial` to continue over
 * split input: `crc32c(b, crc32c(a))` equals `crc32c(a ++ b)`.
 */
export function crc32c(bytes: Uint8Array, initial = 0, start = 0, end = bytes.length): number {
  if (end - start >= WASM_THRESHOLD_BYTES) {
    if (wasmUpdater === undefined) wasmUpdater = createWasmCrc32cUpdater();
    if (wasmUpdater !== null) return ~wasmUpdater(~initial, bytes, start, end) >>> 0;
  }
  return ~updateCrc32cPortable(~initial, bytes, start, end) >>> 0;
}
