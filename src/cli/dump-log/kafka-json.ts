/**
 * A message as Kafka's generated JsonConverters write it (what kafka-dump-log's decoders
 * print): fields in spec order by their camelCase names, only those the version has,
 * tagged fields only when they differ from their default, int64s as numbers, uuids as
 * Kafka's base64 strings, bytes as base64, compact (Jackson's toString, no spaces).
 * Walks the generated schemas (protocol/generated/schemas.ts), so every message works.
 */
import type { MessageSpec } from "../../protocol/codec-runtime.ts";
import { ALL_MESSAGES } from "../../protocol/generated/all-messages.ts";
import { SCHEMAS } from "../../protocol/generated/schemas.ts";
import { decodeMessageFrom } from "../../protocol/message-codec.ts";
import type { Reader } from "../../protocol/primitives/reader.ts";
import type { FieldSchema, VersionSpan } from "../../protocol/schema-types.ts";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64(bytes: Uint8Array): string {
  let out = "";
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index]!;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    out += BASE64[a >> 2]! + BASE64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? "=" : BASE64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? "=" : BASE64[c & 63]!;
  }
  return out;
}

function inSpan(span: VersionSpan | null, version: number): boolean {
  return span !== null && version >= span[0] && version <= span[1];
}

/** Java's Double.toString for the values configs hold (whole numbers keep ".0"). */
function javaDouble(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  return Number.isInteger(value) && Math.abs(value) < 1e7 ? value.toFixed(1) : String(value);
}

function primitiveJson(type: string, value: unknown): string {
  switch (type) {
    case "bool":
      return value === true ? "true" : "false";
    case "int8":
    case "int16":
    case "int32":
    case "uint16":
    case "int64":
    case "uint32":
      return String(value);
    case "float64":
      return javaDouble(value as number);
    case "string":
    case "uuid":
      return JSON.stringify(value);
    case "bytes":
      return JSON.stringify(base64(value as Uint8Array));
    case "records":
      return JSON.stringify(base64(value as Uint8Array));
    default:
      return "";
  }
}

function isDefault(value: unknown, defaultValue: unknown, field: FieldSchema): boolean {
  if (defaultValue !== undefined) {
    if (Array.isArray(value) && Array.isArray(defaultValue))
      return value.length === 0 && defaultValue.length === 0;
    return value === defaultValue;
  }
  if (value === null) return field.defaultIsNull;
  if (Array.isArray(value)) return value.length === 0 && !field.defaultIsNull;
  return (
    value === 0 ||
    value === 0n ||
    value === "" ||
    value === false ||
    value === "AAAAAAAAAAAAAAAAAAAAAA"
  );
}

/**
 * Lets a caller print a bytes field as something decoded from it (Kafka's offsets decoder
 * shows a consumer group member's subscription this way): JSON to use, or null to keep base64.
 */
export type BytesFieldRewrite = (fieldName: string, bytes: Uint8Array) => string | null;

interface Walk {
  structs: Record<string, FieldSchema[]>;
  version: number;
  rewrite: BytesFieldRewrite | null;
}

function valueJson(walk: Walk, field: FieldSchema, type: string, value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (type.startsWith("[]")) {
    const elementType = type.slice(2);
    return `[${(value as unknown[]).map((element) => valueJson(walk, field, elementType, element)).join(",")}]`;
  }
  const fields = walk.structs[type];
  if (fields !== undefined) return structJson(walk, fields, value as Record<string, unknown>, {});
  if (type === "bytes" && walk.rewrite !== null) {
    const rewritten = walk.rewrite(field.name, value as Uint8Array);
    if (rewritten !== null) return rewritten;
  }
  return primitiveJson(type, value);
}

function structJson(
  walk: Walk,
  fields: readonly FieldSchema[],
  value: Record<string, unknown>,
  defaults: Record<string, unknown>,
): string {
  const members: string[] = [];
  for (const field of fields) {
    if (!inSpan(field.versions, walk.version)) continue;
    const fieldValue = value[field.name];
    if (
      inSpan(field.taggedVersions, walk.version) &&
      isDefault(fieldValue, defaults[field.name], field)
    )
      continue;
    members.push(`${JSON.stringify(field.name)}:${valueJson(walk, field, field.type, fieldValue)}`);
  }
  return `{${members.join(",")}}`;
}

/** `value` (a decoded `schemaName` message of `version`) as Kafka's JsonConverter writes it. */
export function kafkaJson(
  schemaName: string,
  value: unknown,
  version: number,
  rewrite: BytesFieldRewrite | null = null,
): string {
  const schema = SCHEMAS[schemaName];
  if (schema === undefined) throw new Error(`no schema named ${schemaName}`);
  const rootDefaults = (ALL_MESSAGES[schemaName]?.create() ?? {}) as Record<string, unknown>;
  return structJson(
    { structs: schema.structs, version, rewrite },
    schema.structs[schema.root] ?? [],
    value as Record<string, unknown>,
    rootDefaults,
  );
}

/** The message named `name` at `version`, which must fill the rest of `reader`; throws the codec's complaint. */
export function decodeNamedMessage(name: string, reader: Reader, version: number): unknown {
  const spec = ALL_MESSAGES[name] as MessageSpec<unknown>;
  const decoded = decodeMessageFrom(spec, reader, version, true);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
}
