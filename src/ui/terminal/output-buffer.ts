/**
 * The terminal's scrollback: the last OUTPUT_LIMIT lines, each with an id that never
 * repeats (the list's key) and a kind that says how to show it. Tool output is kept as
 * the tool printed it; the terminal's own words are kept as message keys, so they follow
 * the viewer's language. Appending is cheap; the React view takes a snapshot at most once
 * per frame.
 */
import type { MessageKey } from "../i18n/en.ts";

export const OUTPUT_LIMIT = 5_000;

export type TerminalLine =
  /** A tool's standard output or error, or a line typed to a tool's standard input. */
  | { id: number; kind: "out" | "err" | "input"; text: string }
  /** A command line as it was run, after the prompt. */
  | { id: number; kind: "command"; text: string }
  /** The terminal's own words: a message key and its values; `tone` "error" for failures. */
  | {
      id: number;
      kind: "note";
      key: MessageKey;
      values: Record<string, string | number>;
      tone: "plain" | "error";
    };

/** A line to append: everything but the id. */
export type NewLine = TerminalLine extends infer L
  ? L extends TerminalLine
    ? Omit<L, "id">
    : never
  : never;

export class OutputBuffer {
  private lines: TerminalLine[] = [];
  private nextId = 1;
  private widestChars = 0;

  constructor(private readonly limit = OUTPUT_LIMIT) {}

  append(line: NewLine): void {
    const full = { ...line, id: this.nextId++ } as TerminalLine;
    this.lines.push(full);
    if ("text" in full) this.widestChars = Math.max(this.widestChars, full.text.length + 2);
    // Drop in steps of a tenth, so a stream of lines does not shift the array every line.
    if (this.lines.length > this.limit + Math.ceil(this.limit / 10))
      this.lines = this.lines.slice(this.lines.length - this.limit);
  }

  clear(): void {
    this.lines = [];
    this.widestChars = 0;
  }

  /** The lines kept, newest last (at most `limit`), as a fresh array. */
  snapshot(): TerminalLine[] {
    return this.lines.slice(Math.max(0, this.lines.length - this.limit));
  }

  /** The longest text line kept so far, in characters (the output's scroll width). */
  get widest(): number {
    return this.widestChars;
  }
}
