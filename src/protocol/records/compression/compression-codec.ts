/** The shape every codec has: whole-buffer compress and bounded decompress. */
import type { CompressionType } from "../attributes.ts";
import type { CodecResult } from "./compression-error.ts";

export interface CompressionCodec {
  readonly type: CompressionType;
  /** Fails only when the codec is unavailable; the input is our own, so it cannot be bad. */
  compress(data: Uint8Array): CodecResult;
  /**
   * Decompresses untrusted bytes. Never throws; never produces (or allocates for) more than
   * `decompressedBytesMax` bytes of output.
   */
  decompress(data: Uint8Array, decompressedBytesMax: number): CodecResult;
}

/** A sane default bound on one batch's decompressed records. */
export const DEFAULT_DECOMPRESSED_BYTES_MAX = 64 * 1024 * 1024;
