/**
 * A message's key, value and headers as the bytes that go on the wire: text as UTF-8 (what
 * Kafka's StringSerializer and KafkaJS write), bytes as they are, null as null.
 */
import type { RecordHeader } from "../../protocol/records/record-batch-input.ts";
import type { MessageBytes, MessageHeaders } from "./producer-types.ts";

const utf8 = new TextEncoder();

/** Bytes of a key or value; throws TypeError for anything that is not text, bytes or null. */
export function toBytes(value: MessageBytes | undefined, what: string): Uint8Array | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return utf8.encode(value);
  if (value instanceof Uint8Array) return value;
  throw new TypeError(`${what} must be a string, a Uint8Array or null, not ${typeof value}`);
}

/** No headers: one shared, frozen list instead of a new empty one per record. */
const NO_HEADERS: readonly RecordHeader[] = Object.freeze([]);

/** KafkaJS's headers object as Kafka's ordered header list (an array value repeats the key). */
export function toRecordHeaders(headers: MessageHeaders | undefined): readonly RecordHeader[] {
  if (headers === undefined || headers === null) return NO_HEADERS;
  if (typeof headers !== "object") throw new TypeError("headers must be an object");
  const list: RecordHeader[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) list.push({ key, value: toBytes(one, `header ${key}`) });
  }
  return list;
}
