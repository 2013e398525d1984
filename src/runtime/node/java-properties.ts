/**
 * Java's .properties format, read exactly as java.util.Properties.load reads it (Kafka
 * loads server.properties with it):
 *
 * - natural lines end at \n, \r or \r\n; leading blanks (space, tab, form feed) are skipped;
 * - a line whose first non-blank character is `#` or `!` is a comment (never continued);
 * - a line ending in an odd number of backslashes continues on the next one, whose leading
 *   blanks are dropped; a blank line ends the continuation;
 * - the key runs up to the first unescaped `=`, `:` or blank; blanks, then at most one `=` or
 *   `:`, then blanks separate it from the value; trailing blanks stay in the value;
 * - escapes: \t \n \r \f, \uXXXX (exactly four hex digits), and `\x` for any other x is x;
 * - a later duplicate key wins.
 *
 * Kafka reads the file as bytes through Properties.load(InputStream), i.e. ISO-8859-1:
 * `decodePropertiesFile` does the same, so non-Latin-1 text needs \uXXXX, as in Kafka.
 */
import { ConfigError } from "./config-error.ts";

const BLANKS = new Set([" ", "\t", "\f"]);

interface LogicalLine {
  text: string;
  /** 1-based number of the natural line it starts on, for error messages. */
  lineNumber: number;
}

/** Decode the file's bytes as Java does for Properties.load(InputStream). */
export function decodePropertiesFile(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** Parse .properties text; `source` names the file in error messages. */
export function parseJavaProperties(text: string, source = "properties"): Map<string, string> {
  const properties = new Map<string, string>();
  for (const line of logicalLines(text)) {
    const { key, value } = splitKeyValue(line.text);
    const where = `${source} line ${line.lineNumber}`;
    properties.set(unescape(key, where), unescape(value, where));
  }
  return properties;
}

/** The natural lines of `text` joined into logical lines, comments and blank lines dropped. */
function* logicalLines(text: string): Generator<LogicalLine> {
  const natural = text.split(/\r\n|\r|\n/);
  let index = 0;
  while (index < natural.length) {
    const lineNumber = index + 1;
    const first = skipBlanks(natural[index]!);
    index++;
    if (first === "" || first.startsWith("#") || first.startsWith("!")) continue;
    let joined = first;
    while (endsWithOddBackslashes(joined)) {
      joined = joined.slice(0, -1);
      // Past the end of the file, Java drops the lone backslash and stops.
      if (index >= natural.length) break;
      const next = skipBlanks(natural[index]!);
      index++;
      if (next === "") break;
      joined += next;
    }
    yield { text: joined, lineNumber };
  }
}

function skipBlanks(line: string): string {
  let at = 0;
  while (at < line.length && BLANKS.has(line[at]!)) at++;
  return line.slice(at);
}

function endsWithOddBackslashes(line: string): boolean {
  let count = 0;
  for (let at = line.length - 1; at >= 0 && line[at] === "\\"; at--) count++;
  return count % 2 === 1;
}

/** Split one logical line (still escaped) into its raw key and raw value. */
function splitKeyValue(line: string): { key: string; value: string } {
  let keyEnd = 0;
  let valueStart = line.length;
  let hasSeparator = false;
  let escaped = false;
  while (keyEnd < line.length) {
    const char = line[keyEnd]!;
    if (!escaped && (char === "=" || char === ":")) {
      valueStart = keyEnd + 1;
      hasSeparator = true;
      break;
    }
    if (!escaped && BLANKS.has(char)) {
      valueStart = keyEnd + 1;
      break;
    }
    escaped = char === "\\" ? !escaped : false;
    keyEnd++;
  }
  while (valueStart < line.length) {
    const char = line[valueStart]!;
    if (!BLANKS.has(char)) {
      if (!hasSeparator && (char === "=" || char === ":")) hasSeparator = true;
      else break;
    }
    valueStart++;
  }
  return { key: line.slice(0, keyEnd), value: line.slice(valueStart) };
}

const NAMED_ESCAPES: Record<string, string> = { t: "\t", n: "\n", r: "\r", f: "\f" };

function unescape(raw: string, where: string): string {
  let out = "";
  for (let at = 0; at < raw.length; at++) {
    const char = raw[at]!;
    if (char !== "\\" || at + 1 >= raw.length) {
      out += char;
      continue;
    }
    const next = raw[++at]!;
    if (next === "u") {
      const hex = raw.slice(at + 1, at + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        throw new ConfigError(`${where}: malformed \\uxxxx encoding "\\u${hex}"`);
      }
      out += String.fromCharCode(parseInt(hex, 16));
      at += 4;
    } else {
      out += NAMED_ESCAPES[next] ?? next;
    }
  }
  return out;
}

/**
 * Write properties so that parseJavaProperties reads them back unchanged, in pure ASCII
 * (as Properties.store does): separators, comment marks and blanks in keys are escaped,
 * and so are a value's leading blanks, backslashes, control and non-ASCII characters.
 */
export function formatJavaProperties(
  properties: ReadonlyMap<string, string>,
  comment?: string,
): string {
  const lines: string[] = [];
  if (comment !== undefined) for (const line of comment.split("\n")) lines.push(`# ${line}`);
  for (const [key, value] of properties)
    lines.push(`${escapeText(key, true)}=${escapeText(value, false)}`);
  return `${lines.join("\n")}\n`;
}

function escapeText(text: string, isKey: boolean): string {
  let out = "";
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    const code = char.charCodeAt(0);
    if (char === "\\") out += "\\\\";
    else if (char === "\t") out += "\\t";
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\f") out += "\\f";
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else if (char === " " && (isKey || at === 0)) out += "\\ ";
    else if (isKey && "=:#!".includes(char)) out += `\\${char}`;
    else if (!isKey && at === 0 && "#!=:".includes(char)) out += `\\${char}`;
    else out += char;
  }
  return out;
}
