/**
 * Consumer protocol data (a member's subscription and assignment) travels inside JoinGroup
 * and SyncGroup as opaque bytes: an int16 version, then the struct at that version
 * (Kafka's ConsumerProtocol.serializeSubscription). These helpers add and strip the prefix.
 */
import type { MessageSpec } from "../../codec-runtime.ts";
import { decodeMessage, encodeMessage } from "../../message-codec.ts";
import type { Decoded } from "../../primitives/decode-error.ts";
import { Reader } from "../../primitives/reader.ts";
import { Writer } from "../../primitives/writer.ts";

export function encodeVersionPrefixed<T>(
  spec: MessageSpec<T>,
  value: T,
  version: number,
): Uint8Array {
  return new Writer()
    .int16(version)
    .raw(encodeMessage(spec, value, version))
    .finish();
}

export function decodeVersionPrefixed<T>(
  spec: MessageSpec<T>,
  bytes: Uint8Array,
): { version: number; value: Decoded<T> } {
  const r = new Reader(bytes);
  const version = r.int16();
  if (r.error !== null) return { version, value: { ok: false, error: r.error } };
  return { version, value: decodeMessage(spec, bytes.subarray(r.offset), version) };
}
