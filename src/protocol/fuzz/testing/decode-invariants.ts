/**
 * What must hold for any bytes at all: each decoder returns (never throws) either a value
 * or a DecodeError, and a value it returns encodes again and decodes to the same value, so
 * nothing a hostile peer sends can put the broker into a state it cannot express.
 * Each check returns null when all is well, or what went wrong.
 */
import { isDeepStrictEqual } from "node:util";
import type { MessageSpec } from "../../codec-runtime.ts";
import {
  decodeRequest,
  decodeResponse,
  encodeRequestFrame,
  encodeResponseFrame,
  frameBody,
} from "../../frames.ts";
import { decodeMessage, encodeMessage } from "../../message-codec.ts";
import { DecodeError, type Decoded } from "../../primitives/decode-error.ts";

function notADecodeError(error: unknown): string | null {
  return error instanceof DecodeError ? null : `failed without a DecodeError: ${String(error)}`;
}

function sameAfterReencoding<T>(first: T, again: Decoded<T>): string | null {
  if (!again.ok) return `a decoded value, encoded again, does not decode: ${again.error.message}`;
  return isDeepStrictEqual(again.value, first)
    ? null
    : "a decoded value, encoded again, decodes differently";
}

export function checkFrameBody(frame: Uint8Array, maxFrameBytes?: number): string | null {
  const result = frameBody(frame, maxFrameBytes);
  if (!result.ok) return notADecodeError(result.error);
  return result.value.length === frame.length - 4 ? null : "frameBody returned the wrong length";
}

export function checkRequest(body: Uint8Array): string | null {
  const result = decodeRequest(body);
  if (!result.ok) {
    const { meta, error } = result.failure;
    if (meta !== null && !Number.isInteger(meta.correlationId))
      return "failure meta without a correlation id";
    return notADecodeError(error);
  }
  const again = decodeRequest(encodeRequestFrame(result.value.meta, result.value.body).subarray(4));
  if (!again.ok)
    return `a decoded request, encoded again, does not decode: ${again.failure.error.message}`;
  return isDeepStrictEqual(again.value, result.value)
    ? null
    : "a decoded request, encoded again, decodes differently";
}

export function checkResponse(body: Uint8Array, apiKey: number, version: number): string | null {
  const result = decodeResponse(body, apiKey, version);
  if (!result.ok) return notADecodeError(result.error);
  const { correlationId, body: decoded } = result.value;
  const reencoded = encodeResponseFrame(apiKey, version, correlationId, decoded).subarray(4);
  return sameAfterReencoding(result.value, decodeResponse(reencoded, apiKey, version));
}

export function checkMessage(
  spec: MessageSpec<unknown>,
  bytes: Uint8Array,
  version: number,
): string | null {
  const result = decodeMessage(spec, bytes, version);
  if (!result.ok) return notADecodeError(result.error);
  return sameAfterReencoding(
    result.value,
    decodeMessage(spec, encodeMessage(spec, result.value, version), version),
  );
}
