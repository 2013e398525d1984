/**
 * Plain-data descriptions of the generated messages (generated/schemas.ts), for code that
 * walks messages generically: property tests and the packet inspector.
 */
import type { MessageSpec } from "./codec-runtime.ts";

/** An inclusive version range; 32767 stands for "and every later version". */
export type VersionSpan = [min: number, max: number];

export interface FieldSchema {
  name: string;
  /** A primitive name, a struct's TypeScript name, or either prefixed with "[]". */
  type: string;
  versions: VersionSpan | null;
  nullable: VersionSpan | null;
  tag: number | null;
  taggedVersions: VersionSpan | null;
  defaultIsNull: boolean;
}

export interface MessageSchema {
  name: string;
  apiKey: number | null;
  valid: VersionSpan | null;
  flexible: VersionSpan | null;
  root: string;
  structs: Record<string, FieldSchema[]>;
}

export interface ApiDescriptor {
  key: number;
  name: string;
  request: MessageSpec<unknown>;
  response: MessageSpec<unknown>;
}
