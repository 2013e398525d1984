/**
 * fast-check arbitraries for any generated message at any version, built from the plain
 * schema descriptions. Used by the codec property tests and the fuzz suite.
 */
import fc from "fast-check";
import { uuidFromBytes } from "../primitives/uuid.ts";
import type { FieldSchema, MessageSchema, VersionSpan } from "../schema-types.ts";

export function inSpan(span: VersionSpan | null, version: number): boolean {
  return span !== null && version >= span[0] && version <= span[1];
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function primitive(type: string): fc.Arbitrary<unknown> | null {
  switch (type) {
    case "bool":
      return fc.boolean();
    case "int8":
      return fc.integer({ min: -128, max: 127 });
    case "int16":
      return fc.integer({ min: -32768, max: 32767 });
    case "uint16":
      return fc.integer({ min: 0, max: 65535 });
    case "int32":
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case "uint32":
      return fc.integer({ min: 0, max: 2 ** 32 - 1 });
    case "int64":
      return fc.bigInt({ min: INT64_MIN, max: INT64_MAX });
    case "float64":
      return fc.double();
    case "uuid":
      return fc.uint8Array({ minLength: 16, maxLength: 16 }).map(uuidFromBytes);
    case "string":
      return fc.string({ unit: "grapheme", maxLength: 12 });
    case "bytes":
    case "records":
      return fc.uint8Array({ maxLength: 24 });
    default:
      return null;
  }
}

export function arbitraryStruct(
  schema: MessageSchema,
  structName: string,
  version: number,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = schema.structs[structName];
  if (fields === undefined) throw new Error(`${schema.name}: no struct ${structName}`);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of fields) model[field.name] = arbitraryField(schema, field, version);
  return fc.record(model);
}

function arbitraryType(schema: MessageSchema, type: string, version: number): fc.Arbitrary<unknown> {
  if (type.startsWith("[]")) {
    return fc.array(arbitraryType(schema, type.slice(2), version), { maxLength: 3 });
  }
  return primitive(type) ?? arbitraryStruct(schema, type, version);
}

function arbitraryField(schema: MessageSchema, field: FieldSchema, version: number): fc.Arbitrary<unknown> {
  const value = arbitraryType(schema, field.type, version);
  return inSpan(field.nullable, version) ? fc.option(value, { nil: null }) : value;
}

export function arbitraryMessage(schema: MessageSchema, version: number): fc.Arbitrary<Record<string, unknown>> {
  return arbitraryStruct(schema, schema.root, version);
}

/**
 * Compare the fields a version actually carries, recursing into structs; returns the path
 * of the first difference, or null when they agree.
 */
export function firstDifference(
  schema: MessageSchema,
  structName: string,
  version: number,
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  path = schema.name,
): string | null {
  for (const field of schema.structs[structName] ?? []) {
    if (!inSpan(field.versions, version)) continue;
    const tagged = field.tag !== null && inSpan(field.taggedVersions, version);
    const carried = tagged || !inSpan(field.taggedVersions, version);
    if (!carried) continue;
    const difference = compareValue(schema, field.type, version, expected[field.name], actual[field.name], `${path}.${field.name}`);
    if (difference !== null) return difference;
  }
  return null;
}

function compareValue(
  schema: MessageSchema,
  type: string,
  version: number,
  expected: unknown,
  actual: unknown,
  path: string,
): string | null {
  if (expected === null || actual === null) return expected === actual ? null : path;
  if (type.startsWith("[]")) {
    const a = expected as unknown[];
    const b = actual as unknown[];
    if (a.length !== b.length) return `${path}.length`;
    for (let i = 0; i < a.length; i++) {
      const d = compareValue(schema, type.slice(2), version, a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (schema.structs[type] !== undefined) {
    return firstDifference(schema, type, version, expected as Record<string, unknown>, actual as Record<string, unknown>, path);
  }
  if (expected instanceof Uint8Array && actual instanceof Uint8Array) {
    return expected.length === actual.length && expected.every((b, i) => b === actual[i]) ? null : path;
  }
  return Object.is(expected, actual) ? null : path;
}
