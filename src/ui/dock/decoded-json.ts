/**
 * A decoded Kafka message as readable JSON: int64 fields (bigint) as strings, byte fields
 * (record batches, assignments) as their length and first bytes in hex, and the text cut
 * at a bound so a 1 MB fetch response does not freeze the page.
 */

/** Bytes of a byte field shown in hex before the rest is summarised. */
const BYTES_SHOWN = 32;
export const JSON_MAX_CHARS = 64 * 1024;

function hexPreview(bytes: Uint8Array): string {
  const shown = [...bytes.subarray(0, BYTES_SHOWN)].map((b) => b.toString(16).padStart(2, "0"));
  const more = bytes.length > BYTES_SHOWN ? " …" : "";
  return `<${bytes.length} bytes: ${shown.join(" ")}${more}>`;
}

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return hexPreview(value);
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

export interface DisplayJson {
  text: string;
  /** The full text's length when it was cut, else null. */
  cutFrom: number | null;
}

/** `indent` 0 writes one line (a frame header); 2 for a body. */
export function toDisplayJson(value: unknown, maxChars = JSON_MAX_CHARS, indent = 2): DisplayJson {
  const text = JSON.stringify(value, replacer, indent) ?? "null";
  if (text.length <= maxChars) return { text, cutFrom: null };
  return { text: `${text.slice(0, maxChars)}\n…`, cutFrom: text.length };
}
