/**
 * Compares a message value field by field against another object, walking our generated
 * schema so that exactly the fields a version carries are checked: none forgotten, none
 * that the version does not have. The other object may name and nest fields differently
 * (KafkaJS's decoded responses do), described by a map from our field paths to theirs.
 */
import type { MessageSchema } from "../../schema-types.ts";
import { inSpan } from "../../testing/arbitrary-message.ts";

/** Where the other side keeps one of our fields. */
export type FieldView =
  /** The same value under this name; a dotted name reaches into a nested object. */
  | string
  /** Under this name, compared by `compare`, which returns a difference or null. */
  | { name: string; compare: (ours: unknown, theirs: unknown) => string | null }
  /** Not there at all: the reason says why. */
  | { unread: string };

/**
 * Keyed by our field path from the root without indices (`topics.partitions.errorCode`);
 * a field not listed keeps its name. A function picks the view per version.
 */
export type FieldViews = Record<string, FieldView | ((version: number) => FieldView)>;

export interface CompareOptions {
  /** The other side reads a null array as an empty one (KafkaJS's Decoder.readArray does). */
  nullArrayReadsAsEmpty?: boolean;
}

function describe(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Uint8Array) return `bytes[${Array.from(value).join(",")}]`;
  return JSON.stringify(value) ?? String(value);
}

function lookUp(object: unknown, dottedName: string): unknown {
  let at = object;
  for (const part of dottedName.split(".")) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

function samePrimitive(ours: unknown, theirs: unknown): boolean {
  if (typeof ours === "bigint") {
    // KafkaJS gives int64s as decimal strings (or bigints, or its Long wrapper).
    return theirs !== null && theirs !== undefined && String(theirs) === ours.toString();
  }
  if (ours instanceof Uint8Array) {
    return (
      theirs instanceof Uint8Array &&
      theirs.length === ours.length &&
      theirs.every((b, i) => b === ours[i])
    );
  }
  return Object.is(ours, theirs);
}

class Walker {
  readonly differences: string[] = [];

  constructor(
    private readonly schema: MessageSchema,
    private readonly version: number,
    private readonly views: FieldViews,
    private readonly options: CompareOptions,
  ) {}

  private viewOf(path: string, fieldName: string): FieldView {
    const view = this.views[path];
    if (view === undefined) return fieldName;
    return typeof view === "function" ? view(this.version) : view;
  }

  struct(
    structName: string,
    ours: Record<string, unknown>,
    theirs: unknown,
    path: string,
    where: string,
  ): void {
    if (typeof theirs !== "object" || theirs === null) {
      this.differences.push(`${where || "(root)"}: expected an object, got ${describe(theirs)}`);
      return;
    }
    for (const field of this.schema.structs[structName] ?? []) {
      if (!inSpan(field.versions, this.version)) continue;
      const fieldPath = path === "" ? field.name : `${path}.${field.name}`;
      const fieldWhere = where === "" ? field.name : `${where}.${field.name}`;
      const view = this.viewOf(fieldPath, field.name);
      if (typeof view === "object" && "unread" in view) continue;
      const name = typeof view === "string" ? view : view.name;
      const theirValue = lookUp(theirs, name);
      if (typeof view === "object") {
        const difference = view.compare(ours[field.name], theirValue);
        if (difference !== null) this.differences.push(`${fieldWhere}: ${difference}`);
        continue;
      }
      this.value(
        field.type,
        ours[field.name],
        theirValue,
        fieldPath,
        `${fieldWhere}${name === field.name ? "" : ` (as ${name})`}`,
      );
    }
  }

  private value(type: string, ours: unknown, theirs: unknown, path: string, where: string): void {
    if (type.startsWith("[]")) {
      this.array(type.slice(2), ours, theirs, path, where);
    } else if (this.schema.structs[type] !== undefined && ours !== null) {
      this.struct(type, ours as Record<string, unknown>, theirs, path, where);
    } else if (!samePrimitive(ours, theirs)) {
      this.differences.push(`${where}: expected ${describe(ours)}, got ${describe(theirs)}`);
    }
  }

  private array(
    elementType: string,
    ours: unknown,
    theirs: unknown,
    path: string,
    where: string,
  ): void {
    if (ours === null || ours === undefined) {
      const emptyIsFine = ours === null && this.options.nullArrayReadsAsEmpty === true;
      const matches =
        theirs === ours || (emptyIsFine && Array.isArray(theirs) && theirs.length === 0);
      if (!matches)
        this.differences.push(`${where}: expected ${describe(ours)}, got ${describe(theirs)}`);
      return;
    }
    const items = ours as unknown[];
    if (!Array.isArray(theirs) || theirs.length !== items.length) {
      this.differences.push(`${where}: expected ${items.length} items, got ${describe(theirs)}`);
      return;
    }
    items.forEach((item, i) => this.value(elementType, item, theirs[i], path, `${where}[${i}]`));
  }
}

/** Every field `version` carries where `theirs` disagrees with `ours`, as readable lines. */
export function differencesBySchema(
  schema: MessageSchema,
  version: number,
  ours: Record<string, unknown>,
  theirs: unknown,
  views: FieldViews = {},
  options: CompareOptions = {},
): string[] {
  const walker = new Walker(schema, version, views, options);
  walker.struct(schema.root, ours, theirs, "", "");
  return walker.differences;
}
