/**
 * Reading Kafka's JSON message specs (message/README.md in the shared protocol folder
 * describes the schema language): JSON with line comments, version ranges such as "3+",
 * "0-4", "1" or "none", and fields that nest struct definitions.
 */
import { readFileSync } from "node:fs";

export interface VersionRange {
  min: number;
  max: number; // Infinity for "N+"
}

export const NO_VERSIONS: VersionRange = { min: 1, max: 0 };

export function parseVersions(text: string | undefined, fallback: VersionRange): VersionRange {
  if (text === undefined) return fallback;
  const trimmed = text.trim();
  if (trimmed === "none") return NO_VERSIONS;
  if (trimmed.endsWith("+")) return { min: Number(trimmed.slice(0, -1)), max: Infinity };
  const dash = trimmed.indexOf("-");
  if (dash > 0) return { min: Number(trimmed.slice(0, dash)), max: Number(trimmed.slice(dash + 1)) };
  const single = Number(trimmed);
  if (!Number.isInteger(single)) throw new Error(`bad version range "${text}"`);
  return { min: single, max: single };
}

export function intersect(a: VersionRange, b: VersionRange): VersionRange {
  return { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) };
}

export function isEmpty(range: VersionRange): boolean {
  return range.min > range.max;
}

export interface RawField {
  name: string;
  type: string;
  versions?: string;
  nullableVersions?: string;
  taggedVersions?: string;
  tag?: number | string;
  flexibleVersions?: string;
  default?: string | number | boolean | null;
  ignorable?: boolean;
  fields?: RawField[];
  about?: string;
}

export interface RawSpec {
  apiKey?: number;
  type: string;
  name: string;
  validVersions: string;
  flexibleVersions?: string;
  fields: RawField[];
  commonStructs?: { name: string; versions?: string; fields: RawField[] }[];
}

/** Strip `//` line comments that are not inside strings, then parse. */
export function parseJsonWithComments(text: string): unknown {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === "\\") out += text[++i] ?? "";
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else {
      out += char;
    }
  }
  return JSON.parse(out);
}

export function readSpec(path: string): RawSpec {
  return parseJsonWithComments(readFileSync(path, "utf8")) as RawSpec;
}
