/**
 * Zstandard, compression type 4, through @bokuweb/zstd-wasm (the reference C library
 * compiled to WebAssembly). The wasm must be loaded once, asynchronously, by `initZstd()`;
 * until then this codec reports "unavailable", which a batch encoder or decoder turns into
 * Kafka's UNSUPPORTED_COMPRESSION_TYPE.
 *
 * Loading works unchanged in both runtimes because the package has conditional exports:
 * under Node (and Vitest, tsx) it resolves to a CommonJS build that reads zstd.wasm from
 * its own folder with fs; under Vite (dev server and production build, page or worker) it
 * resolves to a browser build that fetches `new URL("./zstd.wasm", import.meta.url)`,
 * which Vite rewrites to a served asset. The import is dynamic so the glue code and wasm
 * are only fetched by shells that call initZstd().
 *
 * Decompression is bounded: the frame header's declared content size is checked against
 * the limit before the library is called (the library allocates whatever the header
 * claims); frames that do not declare a size are tried with a growing output buffer, up to
 * the limit.
 */
import type { CompressionCodec } from "./compression-codec.ts";
import { codecFailure, codecOk, describeThrown, type CodecResult } from "./compression-error.ts";
import { readZstdFrameHeader } from "./zstd-frame-header.ts";

/** Kafka's default zstd level (compression.zstd.level). */
const DEFAULT_LEVEL = 3;
/** The library's error number for "destination buffer too small" (ZSTD_error_dstSize_tooSmall). */
const DESTINATION_TOO_SMALL_CODE = "-70";
const FIRST_GUESS_BYTES_MIN = 64 * 1024;

interface ZstdBinding {
  compress(data: Uint8Array, level?: number): Uint8Array;
  decompress(data: Uint8Array, options?: { defaultHeapSize: number }): Uint8Array;
}

let binding: ZstdBinding | null = null;
let loading: Promise<void> | null = null;

/** Loads the zstd wasm; later calls share the first one's outcome. Rejects if it cannot load. */
export function initZstd(): Promise<void> {
  loading ??= (async () => {
    const module = await import("@bokuweb/zstd-wasm");
    // Node's CommonJS interop may put the exports on `default` only.
    const api = (typeof module.init === "function" ? module : module.default) as typeof module;
    await api.init();
    binding = { compress: api.compress, decompress: api.decompress };
  })();
  loading.catch(() => {
    loading = null; // let a later call try again
  });
  return loading;
}

export function isZstdReady(): boolean {
  return binding !== null;
}

const unavailable = () =>
  codecFailure("unavailable", "zstd", "the zstd wasm is not loaded; call initCompression() first");

function compress(data: Uint8Array): CodecResult {
  if (binding === null) return unavailable();
  return codecOk(binding.compress(data, DEFAULT_LEVEL));
}

function decompress(data: Uint8Array, decompressedBytesMax: number): CodecResult {
  if (binding === null) return unavailable();
  const header = readZstdFrameHeader(data);
  if (!header.ok) return codecFailure("corrupt", "zstd", header.detail);
  const sizeLimit = () =>
    codecFailure(
      "size-limit",
      "zstd",
      `decompressed size exceeds the limit of ${decompressedBytesMax} bytes`,
    );
  if (header.contentBytes !== null) {
    if (header.contentBytes > decompressedBytesMax) return sizeLimit();
    try {
      return codecOk(binding.decompress(data, { defaultHeapSize: header.contentBytes }));
    } catch (thrown) {
      return codecFailure("corrupt", "zstd", describeThrown(thrown));
    }
  }
  let capacity = Math.min(decompressedBytesMax, Math.max(FIRST_GUESS_BYTES_MIN, data.length * 8));
  for (;;) {
    try {
      return codecOk(binding.decompress(data, { defaultHeapSize: capacity }));
    } catch (thrown) {
      const message = describeThrown(thrown);
      if (!message.endsWith(DESTINATION_TOO_SMALL_CODE))
        return codecFailure("corrupt", "zstd", message);
      if (capacity >= decompressedBytesMax) return sizeLimit();
      capacity = Math.min(decompressedBytesMax, capacity * 2);
    }
  }
}

export const zstdCodec: CompressionCodec = { type: "zstd", compress, decompress };
