/**
 * The one error a decoder may report. Decoders take untrusted bytes: whatever they are
 * given ends in either a decoded value or a DecodeError, never another exception.
 */
export type DecodeErrorKind =
  | "truncated" // the input ended before the value did
  | "invalid-length" // a length or count field is negative (and not null) or larger than the input
  | "invalid-varint" // a varint runs longer than its type allows
  | "invalid-utf8" // a string field is not valid UTF-8
  | "invalid-value" // a field holds a value its type forbids (e.g. a null where none is allowed)
  | "unsupported-version" // an API version this codec does not know
  | "trailing-bytes"; // bytes left over after the message ended

export class DecodeError extends Error {
  override readonly name = "DecodeError";
  constructor(
    readonly kind: DecodeErrorKind,
    readonly offset: number,
    detail: string,
  ) {
    super(`${kind} at byte ${offset}: ${detail}`);
  }
}

/** The result of decoding untrusted input. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; error: DecodeError };
