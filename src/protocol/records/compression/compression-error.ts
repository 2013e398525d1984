/**
 * What a codec reports instead of throwing. Compressed bytes come from the outside world,
 * so every failure to decompress them is a value, never an exception.
 */
import type { CompressionType } from "../attributes.ts";

export type CompressionErrorKind =
  | "corrupt" // the bytes are not valid data for this codec
  | "size-limit" // decompressing would exceed the caller's limit (a "zip bomb")
  | "unavailable"; // the codec is not loaded here (zstd before initCompression())

export class CompressionError extends Error {
  override readonly name = "CompressionError";
  constructor(
    readonly kind: CompressionErrorKind,
    readonly codec: CompressionType,
    detail: string,
  ) {
    super(`${codec}: ${detail}`);
  }
}

export type CodecResult = { ok: true; value: Uint8Array } | { ok: false; error: CompressionError };

export function codecOk(value: Uint8Array): CodecResult {
  return { ok: true, value };
}

export function codecFailure(
  kind: CompressionErrorKind,
  codec: CompressionType,
  detail: string,
): CodecResult {
  return { ok: false, error: new CompressionError(kind, codec, detail) };
}

/** A message for an unknown thrown value, for wrapping a library's exception. */
export function describeThrown(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
