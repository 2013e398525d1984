/**
 * Kafka's LineMessageReader, the console producer's default reader: each line of input is
 * one record, optionally "headers<delimiter>key<separator>value" when parse.headers and
 * parse.key ask for it (defaults: tab between the parts, "h1:v1,h2:v2" headers), with
 * null.marker turning a field into null. Its settings are checked as Kafka's configure()
 * checks them, and a line it cannot parse is a KafkaException naming the line number.
 */
import { JavaException } from "../framework/java-exception.ts";

export interface LineRecord {
  key: string | null;
  value: string | null;
  /** In line order; a header without a value (ignore.error) has a null value. */
  headers: { key: string; value: string | null }[];
}

export interface LineReaderConfig {
  parseKey: boolean;
  keySeparator: string;
  parseHeaders: boolean;
  headersDelimiter: string;
  headersSeparator: RegExp;
  headersKeySeparator: string;
  ignoreError: boolean;
  nullMarker: string | null;
}

const kafkaException = (message: string) => new JavaException("KafkaException", message);

const isTrue = (value: string | undefined) => value?.trim().toLowerCase() === "true";

/** configure(): the reader's settings from --property; throws its KafkaException for a bad combination. */
export function lineReaderConfig(properties: ReadonlyMap<string, string>): LineReaderConfig {
  const keySeparator = properties.get("key.separator") ?? "\t";
  const headersDelimiter = properties.get("headers.delimiter") ?? "\t";
  const headersSeparator = properties.get("headers.separator") ?? ",";
  const headersKeySeparator = properties.get("headers.key.separator") ?? ":";
  const nullMarker = properties.get("null.marker") ?? null;
  const clashes: [string, string, string, string][] = [
    [headersDelimiter, headersSeparator, "headers.delimiter", "headers.separator"],
    [headersDelimiter, headersKeySeparator, "headers.delimiter", "headers.key.separator"],
    [headersSeparator, headersKeySeparator, "headers.separator", "headers.key.separator"],
  ];
  if (nullMarker !== null) {
    clashes.push(
      [keySeparator, nullMarker, "null.marker", "key.separator"],
      [headersSeparator, nullMarker, "null.marker", "headers.separator"],
      [headersDelimiter, nullMarker, "null.marker", "headers.delimiter"],
      [headersKeySeparator, nullMarker, "null.marker", "headers.key.separator"],
    );
  }
  for (const [a, b, nameA, nameB] of clashes) {
    if (a === b) throw kafkaException(`${nameA} and ${nameB} may not be equal`);
  }
  let separatorPattern: RegExp;
  try {
    // Java splits headers with Pattern.compile(headers.separator): it is a regular expression.
    separatorPattern = new RegExp(headersSeparator, "u");
  } catch (error) {
    throw new JavaException("PatternSyntaxException", (error as Error).message);
  }
  return {
    parseKey: isTrue(properties.get("parse.key")),
    keySeparator,
    parseHeaders: isTrue(properties.get("parse.headers")),
    headersDelimiter,
    headersSeparator: separatorPattern,
    headersKeySeparator,
    ignoreError: isTrue(properties.get("ignore.error")),
    nullMarker,
  };
}

/** Java's String.split(regex): trailing empty strings dropped. */
function javaSplit(text: string, pattern: RegExp): string[] {
  const parts = text.split(pattern);
  while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

export class LineMessageReader {
  private lineNumber = 0;

  constructor(private readonly config: LineReaderConfig) {}

  /** The record on `line`, the next line of input; throws a KafkaException when it does not parse. */
  read(line: string): LineRecord {
    this.lineNumber++;
    const { config } = this;
    const headers = this.field(
      config.parseHeaders,
      line,
      0,
      config.headersDelimiter,
      "headers delimiter",
    );
    const headerOffset = headers === null ? 0 : headers.length + config.headersDelimiter.length;
    const key = this.field(
      config.parseKey,
      line,
      headerOffset,
      config.keySeparator,
      "key separator",
    );
    const keyOffset = key === null ? 0 : key.length + config.keySeparator.length;
    const value = line.slice(headerOffset + keyOffset);
    return {
      key: key !== null && key !== config.nullMarker ? key : null,
      value: value !== config.nullMarker ? value : null,
      headers: headers !== null && headers !== config.nullMarker ? this.splitHeaders(headers) : [],
    };
  }

  /** The text from `start` up to `demarcation`, or null when not parsed (or missing and ignored). */
  private field(
    enabled: boolean,
    line: string,
    start: number,
    demarcation: string,
    name: string,
  ): string | null {
    if (!enabled) return null;
    const index = line.indexOf(demarcation, start);
    if (index === -1) {
      if (this.config.ignoreError) return null;
      throw kafkaException(`No ${name} found on line number ${this.lineNumber}: '${line}'`);
    }
    return line.slice(start, index);
  }

  private splitHeaders(headers: string): LineRecord["headers"] {
    const { headersKeySeparator, nullMarker, ignoreError } = this.config;
    return javaSplit(headers, this.config.headersSeparator).map((pair) => {
      const index = pair.indexOf(headersKeySeparator);
      if (index === -1) {
        if (ignoreError) return { key: pair, value: null };
        throw kafkaException(
          `No header key separator found in pair '${pair}' on line number ${this.lineNumber}`,
        );
      }
      const key = pair.slice(0, index);
      if (key === nullMarker) {
        throw kafkaException(
          `Header keys should not be equal to the null marker '${nullMarker}' as they can't be null`,
        );
      }
      const value = pair.slice(index + headersKeySeparator.length);
      return { key, value: value === nullMarker ? null : value };
    });
  }
}
