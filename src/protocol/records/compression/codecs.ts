/**
 * The codec for each compression type, and the one asynchronous step: loading zstd.
 *
 * gzip, snappy and lz4 are plain JavaScript and always ready. zstd is WebAssembly and is
 * ready only after `initCompression()` resolves; shells call it once at start-up. If the
 * wasm cannot be fetched the package never settles, so a shell that must not wait forever
 * races it against its own timer; zstd batches are then refused with
 * UNSUPPORTED_COMPRESSION_TYPE, everything else works.
 */
import type { CompressionType } from "../attributes.ts";
import type { CompressionCodec } from "./compression-codec.ts";
import { gzipCodec } from "./gzip-codec.ts";
import { lz4Codec } from "./lz4-codec.ts";
import { noneCodec } from "./none-codec.ts";
import { snappyCodec } from "./snappy-codec.ts";
import { initZstd, isZstdReady, zstdCodec } from "./zstd-codec.ts";

const CODECS: Record<CompressionType, CompressionCodec> = {
  none: noneCodec,
  gzip: gzipCodec,
  snappy: snappyCodec,
  lz4: lz4Codec,
  zstd: zstdCodec,
};

export function compressionCodec(type: CompressionType): CompressionCodec {
  return CODECS[type];
}

/** Loads what needs loading (the zstd wasm). Safe to call more than once. */
export function initCompression(): Promise<void> {
  return initZstd();
}

export function isCompressionAvailable(type: CompressionType): boolean {
  return type !== "zstd" || isZstdReady();
}
