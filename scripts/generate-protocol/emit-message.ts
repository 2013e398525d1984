/**
 * Emits one message's TypeScript: an interface, a default constructor, an encoder and a
 * decoder per struct, and a descriptor for the message. Code is straight-line with version
 * checks, like Kafka's own generated Java, so each field costs one branch at most.
 */
import type { FieldModel, FieldType, MessageModel, StructModel } from "./model.ts";
import { isEmpty, type VersionRange } from "./spec.ts";

/** The condition "version is in range", simplified against the message's valid versions. */
export function versionCondition(range: VersionRange, valid: VersionRange): string {
  if (isEmpty(range)) return "false";
  const fromStart = range.min <= valid.min;
  const toEnd = range.max >= valid.max;
  if (fromStart && toEnd) return "true";
  if (fromStart) return `version <= ${range.max}`;
  if (toEnd) return `version >= ${range.min}`;
  if (range.min === range.max) return `version === ${range.min}`;
  return `version >= ${range.min} && version <= ${range.max}`;
}

function tsType(type: FieldType): string {
  switch (type.kind) {
    case "array": {
      const element = tsType(type.element);
      return `${element}[]`;
    }
    case "struct":
      return type.struct.tsName;
    case "primitive":
      switch (type.name) {
        case "bool":
          return "boolean";
        case "int64":
          return "bigint";
        case "uuid":
          return "Uuid";
        case "string":
          return "string";
        case "bytes":
        case "records":
          return "Uint8Array";
        default:
          return "number";
      }
  }
}

const NUMERIC_WRITERS: Record<string, string> = {
  bool: "bool",
  int8: "int8",
  int16: "int16",
  uint16: "uint16",
  int32: "int32",
  uint32: "uint32",
  int64: "int64",
  float64: "float64",
};

interface Context {
  message: MessageModel;
  /** Expression for "this version is flexible" at the field being emitted. */
  flexible: string;
}

function encodeValue(type: FieldType, value: string, nullable: string, what: string, ctx: Context): string {
  const flexible = ctx.flexible;
  switch (type.kind) {
    case "array": {
      const item = encodeValue(type.element, "item", "false", `${what}[]`, ctx);
      return `writeArray(w, ${value}, ${flexible}, ${nullable}, "${what}", (w, item) => ${item})`;
    }
    case "struct":
      if (nullable !== "false") {
        return `writeNullableStruct(w, ${value}, ${nullable}, "${what}", (w, s) => encode${type.struct.tsName}(w, s, version))`;
      }
      return `encode${type.struct.tsName}(w, ${value}, version)`;
    case "primitive": {
      const numeric = NUMERIC_WRITERS[type.name];
      if (numeric !== undefined) return `w.${numeric}(${value})`;
      if (type.name === "uuid") return `writeUuid(w, ${value}, "${what}")`;
      if (type.name === "string") return `writeString(w, ${value}, ${flexible}, ${nullable}, "${what}")`;
      return `writeBytes(w, ${value}, ${flexible}, ${nullable}, "${what}")`;
    }
  }
}

function decodeValue(type: FieldType, nullable: string, what: string, ctx: Context): string {
  const flexible = ctx.flexible;
  const cast = nullable === "false" ? ` as ${tsType(type)}` : "";
  switch (type.kind) {
    case "array": {
      const item = decodeValue(type.element, "false", `${what}[]`, ctx);
      return `readArray(r, ${flexible}, ${nullable}, "${what}", (r) => ${item})${cast}`;
    }
    case "struct":
      {
        const plain = `decode${type.struct.tsName}(r, version)`;
        const marked = `readNullableStruct(r, (r) => decode${type.struct.tsName}(r, version))`;
        if (nullable === "false") return plain;
        if (nullable === "true") return marked;
        return `(${nullable} ? ${marked} : ${plain})`;
      }
    case "primitive": {
      const numeric = NUMERIC_WRITERS[type.name];
      if (numeric !== undefined) return `r.${numeric}()`;
      if (type.name === "uuid") return "readUuid(r)";
      if (type.name === "string") return `readString(r, ${flexible}, ${nullable}, "${what}")${cast}`;
      if (type.name === "records") return `readRecords(r, ${flexible}, ${nullable}, "${what}")${cast}`;
      return `readBytes(r, ${flexible}, ${nullable}, "${what}")${cast}`;
    }
  }
}

/** Versions in which the field is written in the regular (untagged) part. */
function regularRange(field: FieldModel): VersionRange {
  if (field.tag === null || isEmpty(field.taggedVersions)) return field.versions;
  return { min: field.versions.min, max: field.taggedVersions.min - 1 };
}

function fieldFlexible(field: FieldModel, message: MessageModel): string {
  if (isEmpty(message.flexible)) return "false";
  if (field.flexibleOverride === null) return "flexible";
  const condition = versionCondition(field.flexibleOverride, message.valid);
  return condition === "true" ? "flexible" : condition === "false" ? "false" : `(flexible && ${condition})`;
}

function isDefaultCheck(field: FieldModel, value: string): string {
  if (field.defaultIsNull) return `${value} !== null`;
  const type = field.type;
  if (type.kind === "primitive" && !["bytes", "records"].includes(type.name)) {
    return `${value} !== ${field.defaultExpression}`;
  }
  return `!isDefaultValue(${value}, ${field.defaultExpression})`;
}

function emitStruct(struct: StructModel, message: MessageModel, out: string[]): void {
  const { valid } = message;
  const hasFlexible = !isEmpty(message.flexible);
  const name = struct.tsName;

  out.push(`export interface ${name} {`);
  for (const field of struct.fields) {
    const nullable = isEmpty(field.nullable) ? "" : " | null";
    out.push(`  ${field.property}: ${tsType(field.type)}${nullable};`);
  }
  if (hasFlexible) out.push("  unknownTaggedFields?: UnknownTaggedField[];");
  out.push("}", "");

  out.push(`export function default${name}(): ${name} {`, "  return {");
  for (const field of struct.fields) out.push(`    ${field.property}: ${field.defaultExpression},`);
  out.push("  };", "}", "");

  const flexibleDeclaration = hasFlexible
    ? `  const flexible = ${versionCondition(message.flexible, valid)};`
    : null;
  const uses = (lines: string[]) => lines.some((l) => /\bflexible\b/.test(l));

  // Encoder.
  const encodeBody: string[] = [];
  const taggedWrites: string[] = [];
  for (const field of struct.fields) {
    const ctx: Context = { message, flexible: fieldFlexible(field, message) };
    const value = `v.${field.property}`;
    const nullable = versionCondition(field.nullable, valid);
    const regular = versionCondition(regularRange(field), valid);
    const statement = `${encodeValue(field.type, value, nullable, field.specName, ctx)};`;
    if (regular === "true") encodeBody.push(`  ${statement}`);
    else if (regular !== "false") encodeBody.push(`  if (${regular}) ${statement}`);
    if (field.tag !== null && !isEmpty(field.taggedVersions)) {
      const tagged = versionCondition(field.taggedVersions, valid);
      const taggedCtx: Context = { message, flexible: "true" };
      const taggedNullable = versionCondition(field.nullable, valid);
      const write = encodeValue(field.type, value, taggedNullable, field.specName, taggedCtx);
      const guard = [tagged === "true" ? null : tagged, isDefaultCheck(field, value)]
        .filter((part) => part !== null)
        .join(" && ");
      taggedWrites.push(`    if (${guard}) tagged.push([${field.tag}, (w) => ${write}]);`);
    }
  }
  if (hasFlexible) {
    encodeBody.push("  if (flexible) {");
    if (taggedWrites.length > 0) {
      encodeBody.push("    const tagged: TaggedFieldWrite[] = [];", ...taggedWrites);
      encodeBody.push("    writeTaggedFields(w, tagged, v.unknownTaggedFields);");
    } else {
      encodeBody.push("    writeTaggedFields(w, [], v.unknownTaggedFields);");
    }
    encodeBody.push("  }");
  }
  const encodeParams = struct.fields.length === 0 && !hasFlexible ? "_w" : "w";
  const usesV = encodeBody.some((l) => /\bv\./.test(l));
  const usesVersion = encodeBody.some((l) => /\bversion\b/.test(l)) || (flexibleDeclaration !== null && uses(encodeBody));
  out.push(
    `export function encode${name}(${encodeParams}: Writer, ${usesV ? "v" : "_v"}: ${name}, ${usesVersion ? "version" : "_version"}: number): void {`,
  );
  if (flexibleDeclaration !== null && uses(encodeBody)) out.push(flexibleDeclaration);
  out.push(...encodeBody, "}", "");

  // Decoder.
  const decodeBody: string[] = [];
  const taggedReads: string[] = [];
  for (const field of struct.fields) {
    const ctx: Context = { message, flexible: fieldFlexible(field, message) };
    const nullable = versionCondition(field.nullable, valid);
    const regular = versionCondition(regularRange(field), valid);
    const read = decodeValue(field.type, nullable, field.specName, ctx);
    if (regular === "true") decodeBody.push(`  v.${field.property} = ${read};`);
    else if (regular !== "false") decodeBody.push(`  if (${regular}) v.${field.property} = ${read};`);
    if (field.tag !== null && !isEmpty(field.taggedVersions)) {
      const tagged = versionCondition(field.taggedVersions, valid);
      const taggedRead = decodeValue(field.type, nullable, field.specName, { message, flexible: "true" });
      const guard = tagged === "true" ? "" : `if (!(${tagged})) return false; `;
      taggedReads.push(`      case ${field.tag}: ${guard}v.${field.property} = ${taggedRead}; return true;`);
    }
  }
  if (hasFlexible) {
    decodeBody.push("  if (flexible) {");
    if (taggedReads.length > 0) {
      decodeBody.push("    const unknown = readTaggedFields(r, (tag, r) => {", "      switch (tag) {");
      decodeBody.push(...taggedReads.map((line) => `  ${line}`));
      decodeBody.push("        default: return false;", "      }", "    });");
    } else {
      decodeBody.push("    const unknown = readTaggedFields(r, () => false);");
    }
    decodeBody.push("    if (unknown !== undefined) v.unknownTaggedFields = unknown;", "  }");
  }
  const decodeUsesReader = decodeBody.some((l) => /\br\b/.test(l));
  const decodeUsesVersion =
    decodeBody.some((l) => /\bversion\b/.test(l)) || (flexibleDeclaration !== null && uses(decodeBody));
  out.push(
    `export function decode${name}(${decodeUsesReader ? "r" : "_r"}: Reader, ${decodeUsesVersion ? "version" : "_version"}: number): ${name} {`,
  );
  if (flexibleDeclaration !== null && uses(decodeBody)) out.push(flexibleDeclaration);
  out.push(`  const v = default${name}();`, ...decodeBody, "  return v;", "}", "");
}

export function emitMessage(message: MessageModel): string {
  const body: string[] = [];
  for (const struct of message.structs) emitStruct(struct, message, body);
  const max = message.valid.max;
  const flexibleMin = isEmpty(message.flexible) ? "null" : String(message.flexible.min);
  body.push(
    `export const ${message.name}Spec: MessageSpec<${message.name}> = {`,
    `  name: "${message.name}",`,
    `  apiKey: ${message.apiKey ?? "null"},`,
    `  minVersion: ${message.valid.min},`,
    `  maxVersion: ${max},`,
    `  flexibleMinVersion: ${flexibleMin},`,
    `  encode: encode${message.name},`,
    `  decode: decode${message.name},`,
    `  create: default${message.name},`,
    "};",
    "",
  );
  const text = body.join("\n");
  const runtimeNames = [
    "type MessageSpec",
    "type Reader",
    "type Writer",
    "type Uuid",
    "type UnknownTaggedField",
    "type TaggedFieldWrite",
    "ZERO_UUID",
    "isDefaultValue",
    "readArray",
    "readBytes",
    "readNullableStruct",
    "readRecords",
    "readString",
    "readTaggedFields",
    "readUuid",
    "writeArray",
    "writeBytes",
    "writeNullableStruct",
    "writeString",
    "writeTaggedFields",
    "writeUuid",
  ].filter((entry) => {
    const bare = entry.replace(/^type /, "");
    if (bare === "MessageSpec") return true;
    return new RegExp(`\\b${bare}\\b`).test(text);
  });
  const header = [
    "// Generated by scripts/generate-protocol from Kafka's message specs. Do not edit.",
    `// ${message.name}: versions ${message.valid.min}-${max}, flexible from ${flexibleMin}.`,
    "/* eslint-disable */",
    `import { ${runtimeNames.join(", ")} } from "../../codec-runtime.ts";`,
    "",
  ];
  return header.join("\n") + text;
}
