/**
 * A small strict schema for untrusted JSON: each check either returns the value, rebuilt
 * from what it checked (never the object it was given), or records a problem — what is
 * wrong, as an i18n key with values, and where, as a path — and returns INVALID.
 *
 * Strict means: an object has exactly the fields named (a missing one or an extra one is a
 * problem), every number is in range, every string and list has a length bound checked
 * before anything inside it is looked at, and the names that can reach an object's
 * prototype (`__proto__`, `constructor`, `prototype`) are refused wherever a name appears.
 */
import type { MessageKey } from "../i18n/en.ts";

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface Problem {
  path: Path;
  key: MessageKey;
  values?: Record<string, string | number>;
  /** Kafka's name for the error, where the rule is Kafka's. */
  kafkaName?: string;
}

/** Problems worth listing: past this the reader has enough to go on. */
export const MAX_PROBLEMS = 20;

export class Problems {
  readonly list: Problem[] = [];
  /** How many were found beyond the listed ones. */
  more = 0;

  add(problem: Problem): typeof INVALID {
    if (this.list.length < MAX_PROBLEMS) this.list.push(clipped(problem));
    else this.more += 1;
    return INVALID;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** The longest piece of the document a problem quotes: a hostile name is not shown whole. */
const QUOTE_CHARS = 80;

function clipped(problem: Problem): Problem {
  if (problem.values === undefined) return problem;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.values))
    values[name] =
      typeof value === "string" && value.length > QUOTE_CHARS
        ? `${value.slice(0, QUOTE_CHARS)}…`
        : value;
  return { ...problem, values };
}

export const INVALID: unique symbol = Symbol("invalid");
export type Checked<T> = T | typeof INVALID;
export type Schema<T> = (value: unknown, path: Path, problems: Problems) => Checked<T>;

/** Names that would reach Object.prototype through a plain object (prototype pollution). */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isForbiddenName(name: string): boolean {
  return FORBIDDEN_NAMES.has(name);
}

/** JSON's name for a value's type, as a problem reports what it found. */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

const wrongType = (
  problems: Problems,
  path: Path,
  key: MessageKey,
  value: unknown,
): typeof INVALID => problems.add({ path, key, values: { found: jsonType(value) } });

export function text(rule: { max: number; min?: number }): Schema<string> {
  return (value, path, problems) => {
    if (typeof value !== "string") return wrongType(problems, path, "share.problem.string", value);
    if (value.length > rule.max)
      return problems.add({
        path,
        key: "share.problem.tooLong",
        values: { length: value.length, max: rule.max },
      });
    if (value.length < (rule.min ?? 0))
      return problems.add({ path, key: "share.problem.emptyText" });
    return value;
  };
}

function numberIn(
  value: unknown,
  path: Path,
  problems: Problems,
  rule: { min: number; max: number; whole: boolean },
): Checked<number> {
  const fits = typeof value === "number" && (rule.whole ? Number.isSafeInteger(value) : true);
  if (!fits)
    return wrongType(
      problems,
      path,
      rule.whole ? "share.problem.integer" : "share.problem.number",
      value,
    );
  if (value < rule.min || value > rule.max)
    return problems.add({
      path,
      key: "share.problem.outOfRange",
      values: { value, min: rule.min, max: rule.max },
    });
  return value;
}

export function integer(rule: { min: number; max: number }): Schema<number> {
  return (value, path, problems) => numberIn(value, path, problems, { ...rule, whole: true });
}

export function decimal(rule: { min: number; max: number }): Schema<number> {
  return (value, path, problems) => numberIn(value, path, problems, { ...rule, whole: false });
}

export const bool: Schema<boolean> = (value, path, problems) =>
  typeof value === "boolean" ? value : wrongType(problems, path, "share.problem.boolean", value);

/** One of a few fixed words (or numbers). */
export function oneOf<T extends string | number>(allowed: readonly T[]): Schema<T> {
  return (value, path, problems) => {
    if (allowed.includes(value as T)) return value as T;
    const shown = typeof value === "string" ? value.slice(0, 40) : jsonType(value);
    return problems.add({
      path,
      key: "share.problem.notOneOf",
      values: { value: shown, allowed: allowed.join(", ") },
    });
  };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path, problems) => (value === null ? null : schema(value, path, problems));
}

export function list<T>(item: Schema<T>, rule: { max: number }): Schema<T[]> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return wrongType(problems, path, "share.problem.array", value);
    if (value.length > rule.max)
      return problems.add({
        path,
        key: "share.problem.tooMany",
        values: { count: value.length, max: rule.max },
      });
    const result: T[] = [];
    let valid = true;
    value.forEach((entry, index) => {
      const checked = item(entry, [...path, index], problems);
      if (checked === INVALID) valid = false;
      else result.push(checked);
    });
    return valid ? result : INVALID;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A name refused wherever it appears: it could reach an object's prototype. */
function forbiddenNames(record: Record<string, unknown>, path: Path, problems: Problems): boolean {
  const found = Object.keys(record).filter(isForbiddenName);
  for (const name of found)
    problems.add({ path: [...path, name], key: "share.problem.forbiddenName", values: { name } });
  return found.length > 0;
}

type Shape<T> = { [K in keyof T]-?: Schema<T[K]> };

/**
 * An object with exactly these fields (`optional` ones may be absent). Fields are checked in
 * the shape's order; the result is a new object holding only them.
 */
export function object<T extends object>(
  shape: Shape<T>,
  optional: readonly (keyof T & string)[] = [],
): Schema<T> {
  const fields = Object.keys(shape) as (keyof T & string)[];
  return (value, path, problems) => {
    if (!isPlainObject(value)) return wrongType(problems, path, "share.problem.object", value);
    if (forbiddenNames(value, path, problems)) return INVALID;
    let valid = true;
    for (const name of Object.keys(value)) {
      if (!fields.includes(name as keyof T & string)) {
        valid = false;
        problems.add({
          path: [...path, name],
          key: "share.problem.unknownField",
          values: { name: name.slice(0, 60) },
        });
      }
    }
    const result: Partial<T> = {};
    for (const name of fields) {
      if (!Object.hasOwn(value, name)) {
        if (optional.includes(name)) continue;
        valid = false;
        problems.add({
          path: [...path, name],
          key: "share.problem.missingField",
          values: { name },
        });
        continue;
      }
      const checked = shape[name](value[name], [...path, name], problems);
      if (checked === INVALID) valid = false;
      else result[name] = checked;
    }
    return valid ? (result as T) : INVALID;
  };
}

/** An object used as a map from names to values, as JSON writes one (a topic's configs). */
export function dictionary<T>(
  entry: (name: string, value: unknown, path: Path, problems: Problems) => Checked<T>,
  rule: { maxEntries: number },
): Schema<Record<string, T>> {
  return (value, path, problems) => {
    if (!isPlainObject(value)) return wrongType(problems, path, "share.problem.object", value);
    if (forbiddenNames(value, path, problems)) return INVALID;
    const names = Object.keys(value);
    if (names.length > rule.maxEntries)
      return problems.add({
        path,
        key: "share.problem.tooMany",
        values: { count: names.length, max: rule.maxEntries },
      });
    const entries: [string, T][] = [];
    let valid = true;
    for (const name of names) {
      const checked = entry(name, value[name], [...path, name], problems);
      if (checked === INVALID) valid = false;
      else entries.push([name, checked]);
    }
    return valid ? Object.fromEntries(entries) : INVALID;
  };
}

/** One of several object shapes, told apart by a field (`kind`). */
export function tagged<T extends Record<Tag, string>, Tag extends string>(
  tag: Tag,
  shapes: { [K in T[Tag]]: Schema<Extract<T, Record<Tag, K>>> },
): Schema<T> {
  const kinds = Object.keys(shapes) as T[Tag][];
  return (value, path, problems) => {
    if (!isPlainObject(value)) return wrongType(problems, path, "share.problem.object", value);
    const kind = oneOf(kinds)(value[tag], [...path, tag], problems);
    if (kind === INVALID) return INVALID;
    return shapes[kind](value, path, problems) as Checked<T>;
  };
}

/** A path as a reader writes it: topics[2].configs["retention.ms"]. */
export function formatPath(path: Path): string {
  let written = "";
  for (const segment of path) {
    if (typeof segment === "number") written += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment) && segment.length <= 60)
      written += written === "" ? segment : `.${segment}`;
    else {
      const shown = segment.length > 60 ? `${segment.slice(0, 60)}…` : segment;
      written += `[${JSON.stringify(shown)}]`;
    }
  }
  return written;
}

/** A schema, then a check of the value it built (a rule across fields, a cross-reference). */
export function refine<T>(
  schema: Schema<T>,
  check: (value: T, path: Path, problems: Problems) => Checked<T>,
): Schema<T> {
  return (value, path, problems) => {
    const checked = schema(value, path, problems);
    return checked === INVALID ? INVALID : check(checked, path, problems);
  };
}
