/**
 * The spec turned into a model the emitter can walk: every struct with a unique
 * TypeScript name, every field with its type, version ranges (clamped to the message's
 * valid versions), nullability, tag and default value as a TypeScript expression.
 */
import {
  intersect,
  isEmpty,
  NO_VERSIONS,
  parseVersions,
  type RawField,
  type RawSpec,
  type VersionRange,
} from "./spec.ts";

export const PRIMITIVES = [
  "bool",
  "int8",
  "int16",
  "uint16",
  "int32",
  "uint32",
  "int64",
  "float64",
  "uuid",
  "string",
  "bytes",
  "records",
] as const;
export type PrimitiveName = (typeof PRIMITIVES)[number];

export type FieldType =
  | { kind: "primitive"; name: PrimitiveName }
  | { kind: "array"; element: FieldType }
  | { kind: "struct"; struct: StructModel };

export interface FieldModel {
  specName: string;
  property: string;
  type: FieldType;
  versions: VersionRange;
  nullable: VersionRange;
  tag: number | null;
  taggedVersions: VersionRange;
  /** A field-level flexibleVersions (e.g. "none" for the request header's client id). */
  flexibleOverride: VersionRange | null;
  /** The spec's default, as a TypeScript expression. */
  defaultExpression: string;
  /** True when the spec's default for this field is null. */
  defaultIsNull: boolean;
}

export interface StructModel {
  specName: string;
  tsName: string;
  fields: FieldModel[];
}

export interface MessageModel {
  name: string;
  type: string; // request, response, header, data, metadata
  apiKey: number | null;
  valid: VersionRange;
  flexible: VersionRange;
  root: StructModel;
  /** Every struct in the message, nested ones first, the root last. */
  structs: StructModel[];
}

export function toProperty(specName: string): string {
  return specName.charAt(0).toLowerCase() + specName.slice(1);
}

function isPrimitive(name: string): name is PrimitiveName {
  return (PRIMITIVES as readonly string[]).includes(name);
}

function defaultFor(field: RawField, type: FieldType, nullable: VersionRange): [string, boolean] {
  const given = field.default;
  if (given === null || given === "null") {
    if (isEmpty(nullable)) throw new Error(`${field.name}: default null on a non-nullable field`);
    return ["null", true];
  }
  if (type.kind === "array") return ["[]", false];
  if (type.kind === "struct") return [`default${type.struct.tsName}()`, false];
  switch (type.name) {
    case "bool":
      return [String(given === true || given === "true"), false];
    case "int8":
    case "int16":
    case "uint16":
    case "int32":
    case "uint32":
    case "float64":
      return [String(given === undefined || given === "" ? 0 : Number(given)), false];
    case "int64":
      return [`${given === undefined || given === "" ? 0n : BigInt(String(given))}n`, false];
    case "string":
      return [JSON.stringify(given === undefined ? "" : String(given)), false];
    case "uuid":
      return ["ZERO_UUID", false];
    case "bytes":
      return ["new Uint8Array(0)", false];
    case "records":
      if (!isEmpty(nullable)) return ["null", true];
      return ["new Uint8Array(0)", false];
  }
}

export function buildMessage(spec: RawSpec): MessageModel {
  const valid = parseVersions(spec.validVersions, NO_VERSIONS);
  const flexible = intersect(parseVersions(spec.flexibleVersions, NO_VERSIONS), valid);
  const structs: StructModel[] = [];
  const byName = new Map<string, StructModel>();
  // Common structs can be referenced before they are seen, so declare them up front.
  const commonRaw = new Map((spec.commonStructs ?? []).map((s) => [s.name, s]));
  const prefix = spec.name;

  function structType(typeName: string, inline: RawField[] | undefined): StructModel {
    const existing = byName.get(typeName);
    if (existing !== undefined) return existing;
    const model: StructModel = { specName: typeName, tsName: prefix + typeName, fields: [] };
    byName.set(typeName, model);
    const rawFields = inline ?? commonRaw.get(typeName)?.fields;
    if (rawFields === undefined) throw new Error(`${spec.name}: unknown struct type ${typeName}`);
    // Nested fields carry their own version ranges; a struct is only reached when its
    // parent field is present, so clamping to the message's valid versions is enough.
    model.fields = rawFields.map((f) => buildField(f, valid)).filter((f) => f !== null);
    structs.push(model);
    return model;
  }

  function resolveType(raw: RawField): FieldType {
    let name = raw.type;
    if (name.startsWith("[]")) {
      name = name.slice(2);
      const element: FieldType = isPrimitive(name)
        ? { kind: "primitive", name }
        : { kind: "struct", struct: structType(name, raw.fields) };
      return { kind: "array", element };
    }
    if (isPrimitive(name)) return { kind: "primitive", name };
    return { kind: "struct", struct: structType(name, raw.fields) };
  }

  function buildField(raw: RawField, parentRange: VersionRange): FieldModel | null {
    const versions = intersect(parseVersions(raw.versions, NO_VERSIONS), parentRange);
    const taggedVersions = intersect(parseVersions(raw.taggedVersions, NO_VERSIONS), versions);
    if (isEmpty(versions)) {
      // A field that exists in no valid version still defines its struct for other fields.
      resolveType(raw);
      return null;
    }
    const nullable = intersect(parseVersions(raw.nullableVersions, NO_VERSIONS), versions);
    const type = resolveType(raw);
    const [defaultExpression, defaultIsNull] = defaultFor(raw, type, nullable);
    return {
      specName: raw.name,
      property: toProperty(raw.name),
      type,
      versions,
      nullable,
      tag: raw.tag === undefined ? null : Number(raw.tag),
      taggedVersions,
      flexibleOverride:
        raw.flexibleVersions === undefined ? null : parseVersions(raw.flexibleVersions, NO_VERSIONS),
      defaultExpression,
      defaultIsNull,
    };
  }

  const root: StructModel = { specName: spec.name, tsName: spec.name, fields: [] };
  root.fields = spec.fields.map((f) => buildField(f, valid)).filter((f) => f !== null);
  structs.push(root);
  return {
    name: spec.name,
    type: spec.type,
    apiKey: spec.apiKey ?? null,
    valid,
    flexible,
    root,
    structs,
  };
}
