/**
 * Kafka's CommandLineUtils for the joptsimple tools: print a message and the usage on
 * standard error and fail; show help for no arguments or --help; the version for
 * --version; required and mutually exclusive options; `key=value` properties.
 */
import type { OptionException, OptionParser, ParsedOptions } from "./option-parser.ts";
import { TOOLS_VERSION, type ToolIo } from "./tool.ts";

/** Exit code of a tool that failed. */
export const FAILURE = 1;
export const SUCCESS = 0;

/** printUsageAndExit: the message, then the usage table, on standard error; exit code 1. */
export function printUsageAndExit(io: ToolIo, parser: OptionParser, message: string): number {
  io.err(message);
  for (const line of parser.helpLines()) io.err(line);
  return FAILURE;
}

/**
 * A bad command line in a tool that lets joptsimple's exception escape main, as
 * DumpLogSegments does: the JVM's "Exception in thread" line (without its stack trace),
 * then the usage so the user sees what was expected.
 */
export function printOptionException(
  io: ToolIo,
  parser: OptionParser,
  error: OptionException,
): number {
  return printUsageAndExit(
    io,
    parser,
    `Exception in thread "main" ${error.exceptionClass}: ${error.message}`,
  );
}

/**
 * maybePrintHelpOrVersion: for no arguments or --help, the description and the usage
 * (standard error, exit 1, as Kafka does); for --version, the version (exit 0). Null when
 * the tool should go on.
 */
export function maybePrintHelpOrVersion(
  io: ToolIo,
  parser: OptionParser,
  args: readonly string[],
  options: ParsedOptions,
  description: string,
): number | null {
  if (args.length === 0 || options.has("help")) return printUsageAndExit(io, parser, description);
  if (options.has("version")) {
    io.out(TOOLS_VERSION);
    return SUCCESS;
  }
  return null;
}

/** checkRequiredArgs: the first missing option's message (`Missing required argument "[files]"`), or null. */
export function missingRequiredArgument(
  options: ParsedOptions,
  required: readonly string[],
): string | null {
  const missing = required.find((name) => !options.has(name));
  return missing === undefined ? null : `Missing required argument "[${missing}]"`;
}

/** checkInvalidArgs: when `used` is present, the first of `invalid` present with it, as Kafka words it; or null. */
export function invalidArgumentCombination(
  options: ParsedOptions,
  used: string,
  invalid: readonly string[],
): string | null {
  if (!options.has(used)) return null;
  const clash = invalid.find((name) => options.has(name));
  return clash === undefined ? null : `Option "[${used}]" can't be used with option "[${clash}]"`;
}

/**
 * parseKeyValueArgs: `key=value` words (`--property`, `--config`) as an ordered map; the
 * value may hold "=" itself, and a missing value is "" (Kafka's acceptMissingValue).
 */
export function parseKeyValueArgs(words: readonly string[]): Map<string, string> {
  const properties = new Map<string, string>();
  for (const word of words) {
    const equals = word.indexOf("=");
    if (equals === -1) properties.set(word, "");
    else properties.set(word.slice(0, equals), word.slice(equals + 1));
  }
  return properties;
}
