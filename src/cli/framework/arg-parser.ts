/**
 * Command lines of Kafka's argparse4j tools (kafka-metadata-quorum and the like): named
 * arguments before a subcommand and after it, a required group of which exactly one must be
 * given, and argparse4j's own words for mistakes — the usage, then
 * "<prog>: error: <what>" — on standard error, exit code 1. `-h`/`--help` prints the help
 * on standard output and exits 0.
 */
import type { ToolIo } from "./tool.ts";

export interface NamedArgument {
  /** The flag with its dashes, e.g. "--bootstrap-server". */
  flag: string;
  help: string;
  /** true: takes one value (shown as its upper-cased name); false: storeTrue. */
  takesValue: boolean;
}

export interface CommandSpec {
  name: string;
  help: string;
  arguments: readonly NamedArgument[];
}

export interface ArgParserSpec {
  prog: string;
  description: string;
  /** Exactly one of these is required (argparse4j's required mutually exclusive group). */
  requiredOneOf: readonly NamedArgument[];
  arguments: readonly NamedArgument[];
  commands: readonly CommandSpec[];
}

export interface ParsedCommandLine {
  /** Values by flag: a string for an argument with a value, true for a flag given. */
  values: Map<string, string | true>;
  command: string;
}

export type ArgParseOutcome =
  { ok: true; parsed: ParsedCommandLine } | { ok: false; exitCode: number };

const FORMAT_WIDTH = 75;
const HELP_COLUMN = 25;
const HELP_FLAG: NamedArgument = {
  flag: "-h",
  help: "show this help message and exit",
  takesValue: false,
};

function metavar(argument: NamedArgument): string {
  return argument.flag.replace(/^-+/, "").replace(/-/g, "_").toUpperCase();
}

function syntax(argument: NamedArgument): string {
  return argument.takesValue ? `${argument.flag} ${metavar(argument)}` : argument.flag;
}

/** Words laid out after `prefix`, wrapping under the first word, as argparse4j's usage does. */
function usageLines(prefix: string, words: readonly string[]): string[] {
  const indent = " ".repeat(prefix.length);
  const lines: string[] = [];
  let line = prefix;
  let first = true;
  for (const word of words) {
    if (!first && line.length + word.length + 1 > FORMAT_WIDTH) {
      lines.push(line);
      line = `${indent} ${word}`;
    } else {
      line += ` ${word}`;
      first = false;
    }
  }
  lines.push(line);
  return lines;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** One argument's help entry: its title, then its help in the column at 25. */
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

export class ArgParser {
  constructor(private readonly spec: ArgParserSpec) {}

  private mainUsage(): string[] {
    const group = this.spec.requiredOneOf.map(syntax);
    const words = [`[-h]`, ...this.spec.arguments.map((a) => `[${syntax(a)}]`)];
    group.forEach((word, index) => {
      if (index > 0) words.push("|");
      words.push(`${index === 0 ? "(" : ""}${word}${index === group.length - 1 ? ")" : ""}`);
    });
    words.push(`{${this.spec.commands.map((c) => c.name).join(",")}}`, "...");
    return usageLines(`usage: ${this.spec.prog}`, words);
  }

  private commandUsage(command: CommandSpec): string[] {
    const group = this.spec.requiredOneOf.map(syntax);
    const words: string[] = [];
    group.forEach((word, index) => {
      if (index > 0) words.push("|");
      words.push(`${index === 0 ? "(" : ""}${word}${index === group.length - 1 ? ")" : ""}`);
    });
    words.push(command.name, "[-h]", ...command.arguments.map((a) => `[${syntax(a)}]`));
    return usageLines(`usage: ${this.spec.prog}`, words);
  }

  private fail(io: ToolIo, usage: string[], message: string): ArgParseOutcome {
    for (const line of usage) io.err(line);
    io.err(`${this.spec.prog}: error: ${message}`);
    return { ok: false, exitCode: 1 };
  }

  private printHelp(io: ToolIo, command: CommandSpec | null): ArgParseOutcome {
    const lines = command === null ? this.mainUsage() : this.commandUsage(command);
    if (command === null) {
      lines.push("", ...wrap(this.spec.description, FORMAT_WIDTH), "", "positional arguments:");
      lines.push(`  {${this.spec.commands.map((c) => c.name).join(",")}}`);
      for (const each of this.spec.commands) lines.push(...helpEntry(`  ${each.name}`, each.help));
    }
    lines.push("", "named arguments:", ...helpEntry("-h, --help", HELP_FLAG.help));
    const named =
      command === null ? [...this.spec.requiredOneOf, ...this.spec.arguments] : command.arguments;
    for (const argument of named) lines.push(...helpEntry(syntax(argument), argument.help));
    for (const line of lines) io.out(line);
    return { ok: false, exitCode: 0 };
  }

  parse(args: readonly string[], io: ToolIo): ArgParseOutcome {
    const values = new Map<string, string | true>();
    let command: CommandSpec | null = null;
    for (let index = 0; index < args.length; index++) {
      const word = args[index]!;
      const usage = command === null ? this.mainUsage() : this.commandUsage(command);
      if (word === "-h" || word === "--help") return this.printHelp(io, command);
      if (word.startsWith("-") && word.length > 1) {
        const equals = word.indexOf("=");
        const flag = equals === -1 ? word : word.slice(0, equals);
        const known =
          command === null
            ? [...this.spec.requiredOneOf, ...this.spec.arguments]
            : command.arguments;
        const argument = known.find((each) => each.flag === flag);
        if (argument === undefined)
          return this.fail(io, usage, `unrecognized arguments: '${word}'`);
        const clash = this.spec.requiredOneOf.find(
          (other) => other !== argument && values.has(other.flag),
        );
        if (clash !== undefined && this.spec.requiredOneOf.includes(argument)) {
          return this.fail(io, usage, `argument ${flag}: not allowed with argument ${clash.flag}`);
        }
        if (!argument.takesValue) values.set(flag, true);
        else if (equals !== -1) values.set(flag, word.slice(equals + 1));
        else if (index + 1 < args.length && !args[index + 1]!.startsWith("-"))
          values.set(flag, args[++index]!);
        else return this.fail(io, usage, `argument ${flag}: expected one argument`);
        continue;
      }
      if (command !== null) return this.fail(io, usage, `unrecognized arguments: '${word}'`);
      command = this.spec.commands.find((each) => each.name === word) ?? null;
      if (command === null) {
        const choices = this.spec.commands.map((each) => `'${each.name}'`).join(", ");
        return this.fail(io, usage, `invalid choice: '${word}' (choose from ${choices})`);
      }
    }
    if (command === null) return this.fail(io, this.mainUsage(), "too few arguments");
    if (!this.spec.requiredOneOf.some((argument) => values.has(argument.flag))) {
      const flags = this.spec.requiredOneOf.map((argument) => `${argument.flag} `).join("");
      return this.fail(io, this.mainUsage(), `one of the arguments ${flags}is required`);
    }
    return { ok: true, parsed: { values, command: command.name } };
  }
}
