/**
 * Kafka's DefaultMessageFormatter, what kafka-console-consumer prints for each record:
 * the fields print.timestamp, print.partition, print.offset, print.headers, print.key and
 * print.value switch on, always in that order, each followed by key.separator (a tab) when
 * another field follows, the value by line.separator (a newline):
 *
 *   CreateTime:1700000000000	Partition:0	Offset:5	h1:v1,h2:v2	key	value
 *
 * Headers print as "k:v" joined by headers.separator ("NO_HEADERS" when there are none);
 * a null key, value or header value prints null.literal ("null"). Bytes print as UTF-8
 * text (the formatter's default deserializer-less output).
 */
import type { KafkaMessage } from "../../client/consumer/consumer-types.ts";

/** RecordBatch attributes bit 3: the batch's timestamps are the broker's LogAppendTime. */
const LOG_APPEND_TIME_ATTRIBUTE = 0x08;
const decoder = new TextDecoder();

export interface FormatterConfig {
  printTimestamp: boolean;
  printPartition: boolean;
  printOffset: boolean;
  printHeaders: boolean;
  printKey: boolean;
  printValue: boolean;
  keySeparator: string;
  lineSeparator: string;
  headersSeparator: string;
  nullLiteral: string;
}

/** Kafka's getBoolProperty: true only for "true", any case, surrounding spaces ignored. */
const isTrue = (value: string) => value.trim().toLowerCase() === "true";

/** configure(): each property that is present replaces the default. */
export function formatterConfig(properties: ReadonlyMap<string, string>): FormatterConfig {
  const flag = (name: string, fallback: boolean) => {
    const value = properties.get(name);
    return value === undefined ? fallback : isTrue(value);
  };
  return {
    printTimestamp: flag("print.timestamp", false),
    printPartition: flag("print.partition", false),
    printOffset: flag("print.offset", false),
    printHeaders: flag("print.headers", false),
    printKey: flag("print.key", false),
    printValue: flag("print.value", true),
    keySeparator: properties.get("key.separator") ?? "\t",
    lineSeparator: properties.get("line.separator") ?? "\n",
    headersSeparator: properties.get("headers.separator") ?? ",",
    nullLiteral: properties.get("null.literal") ?? "null",
  };
}

export interface FormattedRecord {
  partition: number;
  message: KafkaMessage;
}

function text(bytes: Uint8Array | null, nullLiteral: string): string {
  return bytes === null ? nullLiteral : decoder.decode(bytes);
}

function headersText(message: KafkaMessage, config: FormatterConfig): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(message.headers)) {
    for (const each of Array.isArray(value) ? value : [value]) {
      pairs.push(`${key}:${text(each, config.nullLiteral)}`);
    }
  }
  return pairs.length === 0 ? "NO_HEADERS" : pairs.join(config.headersSeparator);
}

/** writeTo(): the record as the formatter writes it, separators included. */
export function formatRecord(
  { partition, message }: FormattedRecord,
  config: FormatterConfig,
): string {
  const fields: string[] = [];
  if (config.printTimestamp) {
    const type =
      (message.attributes & LOG_APPEND_TIME_ATTRIBUTE) !== 0 ? "LogAppendTime" : "CreateTime";
    // A record batch always has a timestamp type; -1 is a record written without a time.
    fields.push(`${type}:${message.timestamp}`);
  }
  if (config.printPartition) fields.push(`Partition:${partition}`);
  if (config.printOffset) fields.push(`Offset:${message.offset}`);
  if (config.printHeaders) fields.push(headersText(message, config));
  if (config.printKey) fields.push(text(message.key, config.nullLiteral));
  if (config.printValue) fields.push(text(message.value, config.nullLiteral));
  if (fields.length === 0) return "";
  // Kafka writes a separator after every field: key.separator when another field
  // follows, line.separator after the last one.
  return fields.join(config.keySeparator) + config.lineSeparator;
}

/**
 * Standard output as a stream of text: what the formatter writes is cut into lines at each
 * "\n" for io.out, so a custom line.separator joins records on one line as Kafka's does.
 */
export class OutputLines {
  private partial = "";

  constructor(private readonly out: (line: string) => void) {}

  write(chunk: string): void {
    const lines = (this.partial + chunk).split("\n");
    this.partial = lines.pop()!;
    for (const line of lines) this.out(line);
  }

  /** The text after the last newline, as a line of its own (the shell ends it). */
  flush(): void {
    if (this.partial !== "") this.out(this.partial);
    this.partial = "";
  }
}
