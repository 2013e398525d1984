/**
 * Command-line options of dump-log, named and described as Kafka's DumpLogSegments names
 * them (kafka-dump-log.sh), for the subset this tool supports.
 */

export interface DumpLogOptions {
  files: string[];
  printDataLog: boolean;
  deepIteration: boolean;
  skipRecordMetadata: boolean;
  maxBytes: number;
}

export type ParsedDumpLogArguments =
  | { kind: "run"; options: DumpLogOptions }
  | { kind: "help" }
  | { kind: "usage-error"; message: string };

export const DUMP_LOG_DESCRIPTION =
  "This tool helps to parse a log file and dump its contents to the console, useful for debugging a seemingly corrupt log segment.";

/** Kafka's default for --max-bytes: Integer.MAX_VALUE, meaning "the whole file". */
export const MAX_BYTES_UNLIMITED = 2147483647;

export const DUMP_LOG_USAGE: readonly string[] = [
  "Option                                  Description",
  "------                                  -----------",
  "--deep-iteration                        If set, uses deep instead of shallow",
  "                                          iteration. Automatically set if print-",
  "                                          data-log is enabled.",
  "--files <String: file1, file2, ...>     REQUIRED: The comma separated list of data",
  "                                          and index log files to be dumped.",
  "--help                                  Print usage information.",
  "--max-bytes <Integer: size>             Limit the amount of total batches read in",
  "                                          bytes avoiding reading the whole .log",
  `                                          file(s). (default: ${MAX_BYTES_UNLIMITED})`,
  "--print-data-log                        If set, printing the messages content when",
  "                                          dumping data logs. Automatically set if",
  "                                          any decoder option is specified.",
  "--skip-record-metadata                  Skip metadata when printing records. This",
  "                                          flag also skips control records.",
];

const FLAGS = new Set(["--print-data-log", "--deep-iteration", "--skip-record-metadata", "--help"]);
const WITH_VALUE = new Set(["--files", "--max-bytes"]);

export function parseDumpLogArguments(args: readonly string[]): ParsedDumpLogArguments {
  if (args.length === 0) return { kind: "help" };
  const seen = new Set<string>();
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    if (!argument.startsWith("--")) continue; // like Kafka's parser: non-option arguments are ignored
    const equals = argument.indexOf("=");
    const name = equals === -1 ? argument : argument.slice(0, equals);
    if (FLAGS.has(name)) {
      if (equals !== -1)
        return {
          kind: "usage-error",
          message: `Option ${name.slice(2)} does not take an argument`,
        };
      seen.add(name);
    } else if (WITH_VALUE.has(name)) {
      const value = equals === -1 ? args[++index] : argument.slice(equals + 1);
      if (value === undefined || (equals === -1 && value.startsWith("--"))) {
        return { kind: "usage-error", message: `Option ${name.slice(2)} requires an argument` };
      }
      values.set(name, value);
      seen.add(name);
    } else {
      return { kind: "usage-error", message: `${name.slice(2)} is not a recognized option` };
    }
  }
  if (seen.has("--help")) return { kind: "help" };
  const files = values.get("--files");
  if (files === undefined)
    return { kind: "usage-error", message: 'Missing required argument "[files]"' };
  const paths = files.split(",").filter((path) => path.length > 0);
  if (paths.length === 0)
    return { kind: "usage-error", message: "Option files requires at least one path" };
  let maxBytes = MAX_BYTES_UNLIMITED;
  const maxBytesText = values.get("--max-bytes");
  if (maxBytesText !== undefined) {
    maxBytes = Number(maxBytesText);
    if (!/^\d+$/.test(maxBytesText) || maxBytes > MAX_BYTES_UNLIMITED) {
      return {
        kind: "usage-error",
        message: `Cannot parse argument '${maxBytesText}' of option max-bytes`,
      };
    }
  }
  const printDataLog = seen.has("--print-data-log");
  return {
    kind: "run",
    options: {
      files: paths,
      printDataLog,
      deepIteration: seen.has("--deep-iteration") || printDataLog,
      skipRecordMetadata: seen.has("--skip-record-metadata"),
      maxBytes,
    },
  };
}
