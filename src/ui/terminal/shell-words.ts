/**
 * A command line split into words as a POSIX shell splits it, so commands pasted from
 * Kafka's documentation mean what they mean there: blanks separate words, '…' keeps
 * everything literally, "…" keeps everything but a backslash before " \ $ ` or a newline,
 * a backslash outside quotes keeps the next character, backslash-newline joins lines, and
 * an unquoted # starts a comment. No variables, globs or pipes: words only.
 */

export type SplitProblem =
  "unterminated-single-quote" | "unterminated-double-quote" | "trailing-backslash";

export type SplitResult = { ok: true; words: string[] } | { ok: false; problem: SplitProblem };

/** A word and where it starts in the text. */
export interface ScannedWord {
  value: string;
  start: number;
}

/** What a scan of the text found: the finished words, and the one still being typed. */
export interface Scan {
  words: ScannedWord[];
  /** The word the text ends inside (null after a blank: the next word has not begun). */
  open: ScannedWord | null;
  /** The quote the text ends inside, if any. */
  quote: "'" | '"' | null;
  /** The text ends with a backslash that escapes nothing yet. */
  escaping: boolean;
}

/** Characters a backslash escapes inside double quotes (elsewhere there it stays). */
const DOUBLE_QUOTE_ESCAPES = new Set(['"', "\\", "$", "`", "\n"]);
const BLANK = /[ \t\r\n]/;

export function scanWords(text: string): Scan {
  const words: ScannedWord[] = [];
  let word: ScannedWord | null = null;
  let quote: Scan["quote"] = null;
  let escaping = false;
  const begin = (at: number) => (word ??= { value: "", start: at });
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (escaping) {
      escaping = false;
      if (char === "\n") continue; // a line continuation: nothing
      begin(index - 1).value += char;
    } else if (quote === "'") {
      if (char === "'") quote = null;
      else word!.value += char;
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === "\\" && DOUBLE_QUOTE_ESCAPES.has(text[index + 1] ?? "")) {
        const next = text[++index]!;
        if (next !== "\n") word!.value += next;
      } else word!.value += char;
    } else if (char === "\\") {
      escaping = true;
    } else if (char === "'" || char === '"') {
      begin(index);
      quote = char;
    } else if (BLANK.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (char === "#" && word === null) {
      // A comment runs to the end of its line.
      const newline = text.indexOf("\n", index);
      if (newline === -1) break;
      index = newline;
    } else {
      begin(index).value += char;
    }
  }
  return { words, open: word, quote, escaping };
}

/** The words of a whole command line, or what keeps it from being one. */
export function splitWords(text: string): SplitResult {
  const scan = scanWords(text);
  if (scan.quote === "'") return { ok: false, problem: "unterminated-single-quote" };
  if (scan.quote === '"') return { ok: false, problem: "unterminated-double-quote" };
  if (scan.escaping) return { ok: false, problem: "trailing-backslash" };
  const words = scan.words.map((word) => word.value);
  if (scan.open !== null) words.push(scan.open.value);
  return { ok: true, words };
}

/** Characters a word may hold without quotes and still read back as itself. */
const PLAIN_WORD = /^[A-Za-z0-9_.,:=+@%/-]+$/;

/** `value` written so that splitting gives it back: as it is when it can be, else single-quoted. */
export function quoteWord(value: string): string {
  if (PLAIN_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Pasted text with backslash-newline continuations joined, as separate command lines. */
export function pastedLines(text: string): string[] {
  const joined = text.replace(/\r\n?/g, "\n").replace(/\\\n[ \t]*/g, " ");
  const lines = joined.split("\n");
  // A paste ending in a newline has no last, empty line to run.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
