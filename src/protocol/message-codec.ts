/**
 * Whole-message encode and decode on top of the generated codecs: the entry points the
 * rest of the system uses. Decoding checks the version and that nothing is left over, and
 * returns a typed error instead of throwing on any input.
 */
import type { MessageSpec } from "./codec-runtime.ts";
import { DecodeError, type Decoded } from "./primitives/decode-error.ts";
import { Reader } from "./primitives/reader.ts";
import { Writer } from "./primitives/writer.ts";

export function isVersionSupported(spec: MessageSpec<unknown>, version: number): boolean {
  return Number.isInteger(version) && version >= spec.minVersion && version <= spec.maxVersion;
}

export function encodeMessage<T>(spec: MessageSpec<T>, value: T, version: number): Uint8Array {
  if (!isVersionSupported(spec, version)) {
    throw new RangeError(`${spec.name} has no version ${version}`);
  }
  const w = new Writer();
  spec.encode(w, value, version);
  return w.finish();
}

/** Decode `bytes` (exactly one message, nothing after it) as `version` of `spec`. */
export function decodeMessage<T>(
  spec: MessageSpec<T>,
  bytes: Uint8Array,
  version: number,
): Decoded<T> {
  const r = new Reader(bytes);
  return decodeMessageFrom(spec, r, version, true);
}

/** Decode one message from a reader positioned at it; optionally require it to end there. */
export function decodeMessageFrom<T>(
  spec: MessageSpec<T>,
  r: Reader,
  version: number,
  mustEnd: boolean,
): Decoded<T> {
  if (!isVersionSupported(spec, version)) {
    return {
      ok: false,
      error: new DecodeError("unsupported-version", r.offset, `${spec.name} has no version ${version}`),
    };
  }
  const value = spec.decode(r, version);
  if (r.error !== null) return { ok: false, error: r.error };
  if (mustEnd && r.remaining !== 0) {
    return {
      ok: false,
      error: new DecodeError("trailing-bytes", r.offset, `${r.remaining} bytes after ${spec.name}`),
    };
  }
  return { ok: true, value };
}
