/**
 * Kafka request and response frames: a 4-byte size, a header, then the body. This is what
 * travels on every link of the playground, MessagePort or TCP alike.
 */
import type { MessageSpec } from "./codec-runtime.ts";
import { APIS } from "./generated/api-table.ts";
import { RequestHeaderSpec, type RequestHeader } from "./generated/messages/request-header.ts";
import { ResponseHeaderSpec } from "./generated/messages/response-header.ts";
import { requestHeaderVersion, responseHeaderVersion } from "./header-versions.ts";
import { decodeMessageFrom, isVersionSupported } from "./message-codec.ts";
import { DecodeError, type Decoded } from "./primitives/decode-error.ts";
import { Reader } from "./primitives/reader.ts";
import { Writer } from "./primitives/writer.ts";

/** Kafka's default `socket.request.max.bytes`: larger frames are refused unread. */
export const DEFAULT_MAX_FRAME_BYTES = 104_857_600;

export interface RequestMeta {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/** Write `size` then what `writeBody` writes, patching the size afterwards. */
/**
 * Every frame is written into one reused writer and copied out once: growing a fresh
 * writer from a few bytes to a 16 KiB Produce frame would copy it about three times over.
 * Encoding is synchronous, so one writer is never used by two frames at once. A writer
 * grown past KEEP_FRAME_WRITER_BYTES is let go, so one huge frame does not pin its memory.
 */
const KEEP_FRAME_WRITER_BYTES = 4 << 20;
let frameWriter = new Writer(64 << 10);

function sized(writeBody: (w: Writer) => void): Uint8Array {
  const w = frameWriter;
  w.reset();
  w.int32(0);
  writeBody(w);
  w.patchInt32(0, w.position - 4);
  const frame = w.finish();
  if (w.capacity > KEEP_FRAME_WRITER_BYTES) frameWriter = new Writer(64 << 10);
  return frame;
}

function apiOf(apiKey: number) {
  const api = APIS.get(apiKey);
  if (api === undefined) throw new RangeError(`unknown API key ${apiKey}`);
  return api;
}

export function encodeRequestFrame<T>(meta: RequestMeta, body: T): Uint8Array {
  const api = apiOf(meta.apiKey);
  const request = api.request as MessageSpec<T>;
  if (!isVersionSupported(request, meta.apiVersion)) {
    throw new RangeError(`${api.name} has no version ${meta.apiVersion}`);
  }
  const header: RequestHeader = {
    requestApiKey: meta.apiKey,
    requestApiVersion: meta.apiVersion,
    correlationId: meta.correlationId,
    clientId: meta.clientId,
  };
  return sized((w) => {
    RequestHeaderSpec.encode(w, header, requestHeaderVersion(api.request, meta.apiVersion));
    request.encode(w, body, meta.apiVersion);
  });
}

export function encodeResponseFrame<T>(
  apiKey: number,
  apiVersion: number,
  correlationId: number,
  body: T,
): Uint8Array {
  const api = apiOf(apiKey);
  const response = api.response as MessageSpec<T>;
  return sized((w) => {
    ResponseHeaderSpec.encode(w, { correlationId }, responseHeaderVersion(api.response, apiVersion));
    response.encode(w, body, apiVersion);
  });
}

/** Strip and check the 4-byte size of one whole frame. */
export function frameBody(frame: Uint8Array, maxFrameBytes = DEFAULT_MAX_FRAME_BYTES): Decoded<Uint8Array> {
  if (frame.length < 4) {
    return { ok: false, error: new DecodeError("truncated", 0, "a frame needs a 4-byte size") };
  }
  const size = new DataView(frame.buffer, frame.byteOffset, 4).getInt32(0);
  if (size < 0 || size > maxFrameBytes) {
    return { ok: false, error: new DecodeError("invalid-length", 0, `frame size ${size}`) };
  }
  if (size !== frame.length - 4) {
    const kind = size > frame.length - 4 ? "truncated" : "trailing-bytes";
    return { ok: false, error: new DecodeError(kind, 0, `frame says ${size} bytes, has ${frame.length - 4}`) };
  }
  return { ok: true, value: frame.subarray(4) };
}

export interface DecodedRequest {
  meta: RequestMeta;
  body: unknown;
}

/**
 * A request whose header could be read but whose API or version is unknown, or whose body
 * is malformed: the broker still knows whom to answer (or to disconnect).
 */
export interface RequestDecodeFailure {
  meta: RequestMeta | null;
  error: DecodeError;
}

/** Decode a request frame body (after the size). Never throws. */
export function decodeRequest(body: Uint8Array): { ok: true; value: DecodedRequest } | { ok: false; failure: RequestDecodeFailure } {
  const peek = new Reader(body);
  const apiKey = peek.int16();
  const apiVersion = peek.int16();
  if (!peek.ok) return { ok: false, failure: { meta: null, error: peek.error! } };
  const api = APIS.get(apiKey);
  // An unknown API still has a v1 header up to the client id.
  const headerVersion = api === undefined ? 1 : requestHeaderVersion(api.request, apiVersion);
  const r = new Reader(body);
  const header = decodeMessageFrom(RequestHeaderSpec, r, headerVersion, false);
  if (!header.ok) return { ok: false, failure: { meta: null, error: header.error } };
  const meta: RequestMeta = {
    apiKey,
    apiVersion,
    correlationId: header.value.correlationId,
    clientId: header.value.clientId,
  };
  if (api === undefined) {
    return { ok: false, failure: { meta, error: new DecodeError("unsupported-version", 0, `unknown API key ${apiKey}`) } };
  }
  const decoded = decodeMessageFrom(api.request, r, apiVersion, true);
  if (!decoded.ok) return { ok: false, failure: { meta, error: decoded.error } };
  return { ok: true, value: { meta, body: decoded.value } };
}

/** The correlation id of a response frame body, to match it with its request. */
export function peekCorrelationId(body: Uint8Array): number | null {
  const r = new Reader(body);
  const id = r.int32();
  return r.ok ? id : null;
}

/** Decode a response frame body, knowing the API and version of the request it answers. */
export function decodeResponse<T>(
  body: Uint8Array,
  apiKey: number,
  apiVersion: number,
): Decoded<{ correlationId: number; body: T }> {
  const api = APIS.get(apiKey);
  if (api === undefined) {
    return { ok: false, error: new DecodeError("unsupported-version", 0, `unknown API key ${apiKey}`) };
  }
  const r = new Reader(body);
  const header = decodeMessageFrom(ResponseHeaderSpec, r, responseHeaderVersion(api.response, apiVersion), false);
  if (!header.ok) return header;
  const decoded = decodeMessageFrom(api.response as MessageSpec<T>, r, apiVersion, true);
  if (!decoded.ok) return decoded;
  return { ok: true, value: { correlationId: header.value.correlationId, body: decoded.value } };
}
