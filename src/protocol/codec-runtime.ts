/**
 * The helpers generated codecs call: the parts of Kafka's encoding that depend on whether
 * a version is flexible (compact lengths, tagged fields) or a field nullable, in one place.
 */
import { Reader } from "./primitives/reader.ts";
import { Writer } from "./primitives/writer.ts";
import { uuidFromBytes, uuidToBytes, type Uuid } from "./primitives/uuid.ts";

export { ZERO_UUID, type Uuid } from "./primitives/uuid.ts";
export { Reader } from "./primitives/reader.ts";
export { Writer } from "./primitives/writer.ts";

/** A tagged field this codec does not know, kept so that it survives a round trip. */
export interface UnknownTaggedField {
  tag: number;
  data: Uint8Array;
}

/** Encoding a value that the chosen version cannot carry is a programmer error. */
export class EncodeError extends Error {
  override readonly name = "EncodeError";
}

function notNullable(what: string): never {
  throw new EncodeError(`${what} is null, but this version does not allow null`);
}

export function writeString(
  w: Writer,
  value: string | null,
  flexible: boolean,
  nullable: boolean,
  what: string,
): void {
  if (value === null && !nullable) notNullable(what);
  if (flexible) w.compactString(value);
  else w.string(value);
}

export function readString(
  r: Reader,
  flexible: boolean,
  nullable: boolean,
  what: string,
): string | null {
  const value = flexible ? r.compactNullableString() : r.nullableString();
  if (value === null && !nullable) {
    r.fail("invalid-value", `${what} is null`);
    return "";
  }
  return value;
}

export function writeBytes(
  w: Writer,
  value: Uint8Array | null,
  flexible: boolean,
  nullable: boolean,
  what: string,
): void {
  if (value === null && !nullable) notNullable(what);
  if (flexible) w.compactBytes(value);
  else w.bytes(value);
}

export function readBytes(
  r: Reader,
  flexible: boolean,
  nullable: boolean,
  what: string,
): Uint8Array | null {
  const value = readRecords(r, flexible, nullable, what);
  // Copy: a decoded message must not keep the whole received frame alive. `new Uint8Array`
  // rather than `.slice()`, which on a Node Buffer returns a view, not a copy.
  return value === null ? null : new Uint8Array(value);
}

/**
 * A records field (record batches in Produce requests and Fetch responses): unlike other
 * bytes it is not copied. It is most of its frame, so the view keeps little else alive,
 * and every hop of a record — produce, replicate, consume — would otherwise copy it again.
 * Frames handed to a decoder own their buffer (the frame splitter copies), so the view
 * never changes under its reader.
 */
export function readRecords(
  r: Reader,
  flexible: boolean,
  nullable: boolean,
  what: string,
): Uint8Array | null {
  const value = flexible ? r.compactNullableBytes() : r.nullableBytes();
  if (value === null && !nullable) {
    r.fail("invalid-value", `${what} is null`);
    return new Uint8Array(0);
  }
  return value;
}

export function writeUuid(w: Writer, value: Uuid, what: string): void {
  const bytes = uuidToBytes(value);
  if (bytes === null) throw new EncodeError(`${what} is not a Kafka Uuid: "${value}"`);
  w.raw(bytes);
}

export function readUuid(r: Reader): Uuid {
  return uuidFromBytes(r.raw(16));
}

export function writeArray<T>(
  w: Writer,
  items: readonly T[] | null,
  flexible: boolean,
  nullable: boolean,
  what: string,
  writeItem: (w: Writer, item: T) => void,
): void {
  if (items === null) {
    if (!nullable) notNullable(what);
    if (flexible) w.unsignedVarint(0);
    else w.int32(-1);
    return;
  }
  if (flexible) w.unsignedVarint(items.length + 1);
  else w.int32(items.length);
  for (const item of items) writeItem(w, item);
}

export function readArray<T>(
  r: Reader,
  flexible: boolean,
  nullable: boolean,
  what: string,
  readItem: (r: Reader) => T,
): T[] | null {
  const count = flexible ? r.compactArrayCount() : r.arrayCount();
  if (count === null) {
    if (!nullable && r.ok) r.fail("invalid-value", `${what} is null`);
    return r.ok ? null : [];
  }
  const items: T[] = [];
  for (let i = 0; i < count && r.ok; i++) items.push(readItem(r));
  return items;
}

/** A nullable struct field: an int8 marker (-1 for null, 1 for present) then the struct. */
export function writeNullableStruct<T>(
  w: Writer,
  value: T | null,
  nullable: boolean,
  what: string,
  writeValue: (w: Writer, value: T) => void,
): void {
  if (value === null) {
    if (!nullable) notNullable(what);
    w.int8(-1);
    return;
  }
  if (nullable) w.int8(1);
  writeValue(w, value);
}

export function readNullableStruct<T>(r: Reader, readValue: (r: Reader) => T): T | null {
  const marker = r.int8();
  if (marker < 0) return null;
  return readValue(r);
}

/** One tagged field to write: its tag and how to write its value. */
export type TaggedFieldWrite = [tag: number, write: (w: Writer) => void];

/** Write the tagged-field section: a count, then each field as tag, size, bytes. */
export function writeTaggedFields(
  w: Writer,
  fields: TaggedFieldWrite[],
  unknown: readonly UnknownTaggedField[] | undefined,
): void {
  const all: [number, Uint8Array][] = fields.map(([tag, write]) => {
    const inner = new Writer(32);
    write(inner);
    return [tag, inner.written()];
  });
  for (const field of unknown ?? []) all.push([field.tag, field.data]);
  all.sort((a, b) => a[0] - b[0]);
  w.unsignedVarint(all.length);
  for (const [tag, data] of all) {
    w.unsignedVarint(tag);
    w.unsignedVarint(data.length);
    w.raw(data);
  }
}

/**
 * Read the tagged-field section. `readKnown` decodes a tag it knows from a reader bounded
 * to the field's bytes and returns true; unknown tags are kept. A known field must use
 * exactly its declared size.
 */
export function readTaggedFields(
  r: Reader,
  readKnown: (tag: number, field: Reader) => boolean,
): UnknownTaggedField[] | undefined {
  const count = r.count(r.unsignedVarint(), "tagged field");
  let unknown: UnknownTaggedField[] | undefined;
  for (let i = 0; i < (count ?? 0) && r.ok; i++) {
    const tag = r.unsignedVarint();
    const size = r.unsignedVarint();
    if (!r.ok) break;
    if (size > r.remaining) {
      r.fail("truncated", `tagged field ${tag} of ${size} bytes, ${r.remaining} left`);
      break;
    }
    const start = r.offset;
    const field = new Reader(r.bytes, start, start + size);
    if (readKnown(tag, field)) {
      if (field.error !== null) {
        r.fail(field.error.kind, `in tagged field ${tag}: ${field.error.message}`);
        break;
      }
      if (field.remaining !== 0) {
        r.fail("invalid-value", `tagged field ${tag} has ${field.remaining} unread bytes`);
        break;
      }
    } else {
      (unknown ??= []).push({ tag, data: r.bytes.slice(start, start + size) });
    }
    r.offset = start + size;
  }
  // Kafka writes tagged fields in ascending tag order (and so does writeTaggedFields), but
  // does not check the order it reads. Sorting makes the decoded value the one its encoding
  // decodes to, so a message relayed onward reads the same at the other end.
  return unknown?.sort((a, b) => a.tag - b.tag);
}

/** Structural equality for deciding whether a tagged field still holds its default. */
export function isDefaultValue(value: unknown, defaultValue: unknown): boolean {
  if (value === defaultValue) return true;
  if (value instanceof Uint8Array && defaultValue instanceof Uint8Array) {
    return value.length === defaultValue.length && value.every((b, i) => b === defaultValue[i]);
  }
  if (Array.isArray(value) && Array.isArray(defaultValue)) {
    return (
      value.length === defaultValue.length &&
      value.every((item, i) => isDefaultValue(item, defaultValue[i]))
    );
  }
  if (
    typeof value === "object" &&
    value !== null &&
    typeof defaultValue === "object" &&
    defaultValue !== null
  ) {
    const keys = Object.keys(defaultValue).filter((k) => k !== "unknownTaggedFields");
    const record = value as Record<string, unknown>;
    const defaults = defaultValue as Record<string, unknown>;
    return (
      keys.every((k) => isDefaultValue(record[k], defaults[k])) &&
      record.unknownTaggedFields === undefined
    );
  }
  return false;
}

/** What the generator emits for each message: its versions and its codec. */
export interface MessageSpec<T> {
  name: string;
  /** The API key for requests and responses; the record type for metadata records. */
  apiKey: number | null;
  minVersion: number;
  maxVersion: number;
  /** The first flexible version, or null when no version is flexible. */
  flexibleMinVersion: number | null;
  encode(w: Writer, value: T, version: number): void;
  decode(r: Reader, version: number): T;
  create(): T;
}
