/**
 * argparse4j command lines without subcommands (ProducerPerformance's): named arguments
 * that store a typed value, store true, or take one or more values (nargs "+"), some
 * required, and one required group of which exactly one must be given. Mistakes print
 * argparse4j's usage then "<prog>: error: <what>" on standard error; help (defaultHelp,
 * so defaults are shown) goes to standard output. The layout follows the subcommand parser
 * in ../framework/arg-parser.ts: usage wrapped at 75 columns under the first word, help
 * text in a column at 25.
 */
import type { ToolIo } from "../framework/tool.ts";

export type FlatArgumentType = "String" | "Long" | "Integer" | "Double";

export interface FlatArgument {
  /** With its dashes, e.g. "--num-records". */
  flag: string;
  /** The value's name in the usage, e.g. "NUM-RECORDS" (none for a flag). */
  metavar?: string;
  help: string;
  /** store: one value; storeTrue: a flag; many: nargs("+"), one or more values. */
  action: "store" | "storeTrue" | "many";
  type?: FlatArgumentType;
  required?: boolean;
  /** setDefault: used when absent, and shown in the help. */
  defaultValue?: string;
}

export interface FlatParserSpec {
  prog: string;
  description: string;
  arguments: readonly FlatArgument[];
  /** A required mutually exclusive group (exactly one of its arguments), with its help text. */
  requiredGroup: { description: string; arguments: readonly FlatArgument[] };
}

/** A value per flag: a string (store), true (storeTrue) or the list (many). */
export type FlatValues = Map<string, string | true | string[]>;

export type FlatParseOutcome =
  | { ok: true; values: FlatValues }
  /** Help was printed (exit code as the tool decides) or an error was. */
  | { ok: false; help: boolean };

const FORMAT_WIDTH = 75;
const HELP_COLUMN = 25;
const INT_RANGE: Record<"Long" | "Integer", [bigint, bigint]> = {
  Long: [-(2n ** 63n), 2n ** 63n - 1n],
  Integer: [-(2n ** 31n), 2n ** 31n - 1n],
};
const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?)$/;

/** Java's valueOf for the type accepts `value`. */
function converts(value: string, type: FlatArgumentType): boolean {
  if (type === "String") return true;
  if (type === "Double") return JAVA_DOUBLE.test(value.trim());
  if (!/^[+-]?\d+$/.test(value)) return false;
  const [min, max] = INT_RANGE[type];
  return BigInt(value) >= min && BigInt(value) <= max;
}

/** A word that is a value even though it starts with "-": a negative number. */
function looksLikeFlag(word: string): boolean {
  return word.startsWith("-") && word.length > 1 && !/^-(\d|\.\d)/.test(word);
}

function syntax(argument: FlatArgument): string {
  if (argument.action === "storeTrue") return argument.flag;
  const metavar = argument.metavar!;
  return argument.action === "many"
    ? `${argument.flag} ${metavar} [${metavar} ...]`
    : `${argument.flag} ${metavar}`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((each) => each !== "")) {
    if (line !== "" && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function helpEntry(title: string, help: string): string[] {
  const helpLines = wrap(help, FORMAT_WIDTH - HELP_COLUMN);
  const titled = `  ${title}`;
  if (titled.length < HELP_COLUMN - 1 && helpLines.length > 0) {
    return [
      titled.padEnd(HELP_COLUMN) + helpLines[0],
      ...helpLines.slice(1).map((line) => " ".repeat(HELP_COLUMN) + line),
    ];
  }
  return [titled, ...helpLines.map((line) => " ".repeat(HELP_COLUMN) + line)];
}

function helpText(argument: FlatArgument): string {
  if (argument.action === "storeTrue") return `${argument.help} (default: false)`;
  return argument.defaultValue === undefined
    ? argument.help
    : `${argument.help} (default: ${argument.defaultValue})`;
}

export class FlatArgParser {
  private readonly all: readonly FlatArgument[];

  constructor(private readonly spec: FlatParserSpec) {
    this.all = [...spec.arguments, ...spec.requiredGroup.arguments];
  }

  usageLines(): string[] {
    const words = ["[-h]"];
    for (const argument of this.spec.arguments) {
      words.push(argument.required === true ? syntax(argument) : `[${syntax(argument)}]`);
    }
    const group = this.spec.requiredGroup.arguments.map(syntax);
    group.forEach((word, index) => {
      if (index > 0) words.push("|");
      words.push(`${index === 0 ? "(" : ""}${word}${index === group.length - 1 ? ")" : ""}`);
    });
    const prefix = `usage: ${this.spec.prog}`;
    const indent = " ".repeat(prefix.length);
    const lines: string[] = [];
    let line = prefix;
    words.forEach((word, index) => {
      if (index > 0 && line.length + word.length + 1 > FORMAT_WIDTH) {
        lines.push(line);
        line = `${indent} ${word}`;
      } else line += ` ${word}`;
    });
    lines.push(line);
    return lines;
  }

  printHelp(io: ToolIo): void {
    const lines = [...this.usageLines(), "", ...wrap(this.spec.description, FORMAT_WIDTH), ""];
    lines.push("named arguments:", ...helpEntry("-h, --help", "show this help message and exit"));
    for (const argument of this.spec.arguments)
      lines.push(...helpEntry(syntax(argument), helpText(argument)));
    lines.push(
      "",
      ...wrap(this.spec.requiredGroup.description, FORMAT_WIDTH - 2).map((line) => `  ${line}`),
      "",
    );
    for (const argument of this.spec.requiredGroup.arguments) {
      lines.push(...helpEntry(syntax(argument), helpText(argument)));
    }
    for (const line of lines) io.out(line);
  }

  /** handleError: the usage and "<prog>: error: <message>" on standard error. */
  printError(io: ToolIo, message: string): void {
    for (const line of this.usageLines()) io.err(line);
    io.err(`${this.spec.prog}: error: ${message}`);
  }

  parse(args: readonly string[], io: ToolIo): FlatParseOutcome {
    const values: FlatValues = new Map();
    const fail = (message: string): FlatParseOutcome => {
      this.printError(io, message);
      return { ok: false, help: false };
    };
    for (let index = 0; index < args.length; index++) {
      const word = args[index]!;
      if (word === "-h" || word === "--help") {
        this.printHelp(io);
        return { ok: false, help: true };
      }
      const equals = word.indexOf("=");
      const flag = looksLikeFlag(word) && equals !== -1 ? word.slice(0, equals) : word;
      const argument = this.all.find((each) => each.flag === flag);
      if (argument === undefined) return fail(`unrecognized arguments: '${word}'`);
      const group = this.spec.requiredGroup.arguments;
      const clash = group.find((other) => other !== argument && values.has(other.flag));
      if (group.includes(argument) && clash !== undefined) {
        return fail(`argument ${argument.flag}: not allowed with argument ${clash.flag}`);
      }
      if (argument.action === "storeTrue") {
        values.set(argument.flag, true);
        continue;
      }
      const given: string[] = [];
      if (flag !== word) given.push(word.slice(equals + 1));
      while (
        index + 1 < args.length &&
        !looksLikeFlag(args[index + 1]!) &&
        (given.length === 0 || argument.action === "many")
      ) {
        given.push(args[++index]!);
      }
      if (given.length === 0) {
        return fail(
          argument.action === "many"
            ? `argument ${argument.flag}: expected at least one argument`
            : `argument ${argument.flag}: expected one argument`,
        );
      }
      const type = argument.type ?? "String";
      const bad = given.find((value) => !converts(value, type));
      if (bad !== undefined) {
        return fail(
          `argument ${argument.flag}: could not convert '${bad}' to ${type} (For input string: "${bad}")`,
        );
      }
      values.set(argument.flag, argument.action === "many" ? given : given[0]!);
    }
    const missing = this.spec.arguments.find(
      (each) => each.required === true && !values.has(each.flag),
    );
    if (missing !== undefined) return fail(`argument ${missing.flag} is required`);
    const group = this.spec.requiredGroup.arguments;
    if (!group.some((each) => values.has(each.flag))) {
      return fail(`one of the arguments ${group.map((each) => each.flag).join(" ")} is required`);
    }
    for (const argument of this.all) {
      if (!values.has(argument.flag) && argument.defaultValue !== undefined) {
        values.set(argument.flag, argument.defaultValue);
      }
    }
    return { ok: true, values };
  }
}
