/**
 * The few header fields the network fabric needs from a frame, read without decoding the
 * body: every request header version starts with api key, api version and correlation id,
 * and every response header with the correlation id.
 */
import { frameBody, peekCorrelationId } from "./frames.ts";
import { Reader } from "./primitives/reader.ts";

export interface RequestHeaderPeek {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
}

/** The leading header fields of a whole request frame (size included), or null if it is malformed. */
export function peekRequestHeader(frame: Uint8Array): RequestHeaderPeek | null {
  const body = frameBody(frame);
  if (!body.ok) return null;
  const reader = new Reader(body.value);
  const apiKey = reader.int16();
  const apiVersion = reader.int16();
  const correlationId = reader.int32();
  return reader.ok ? { apiKey, apiVersion, correlationId } : null;
}

/** The correlation id of a whole response frame (size included), or null if it is malformed. */
export function peekResponseCorrelationId(frame: Uint8Array): number | null {
  const body = frameBody(frame);
  return body.ok ? peekCorrelationId(body.value) : null;
}
