/**
 * Command lines of Kafka's argparse4j tools, with or without subcommands:
 * kafka-producer-perf-test (ProducerPerformance: named arguments only) and
 * kafka-metadata-quorum (named arguments before a subcommand and after it). An argument
 * stores one value (converted as Java's valueOf converts it), stores true, or takes one or
 * more values (nargs "+"); some are required, and one required mutually exclusive group
 * needs exactly one of its arguments. Mistakes print argparse4j's words — the usage, then
 * "<prog>: error: <what>" — on standard error, exit code 1. `-h`/`--help` prints the help
 * on standard output, exit code 0 (a tool may exit otherwise, as ProducerPerformance does).
 */
import { FORMAT_WIDTH, helpEntry, usageLines, wrap } from "./argparse-layout.ts";
import { convertsTo, type JavaValueType } from "./java-values.ts";
import type { ToolCommandLine, ToolIo, ToolOptionName } from "./tool.ts";

export interface NamedArgument {
  /** The flag with its dashes, e.g. "--bootstrap-server". */
  flag: string;
  help: string;
  /** store: one value; storeTrue: a flag; many: nargs("+"), one value or more. */
  action: "store" | "storeTrue" | "many";
  /** The value's name in the usage; argparse4j's default is the flag upper-cased, "-" as "_". */
  metavar?: string;
  /** String unless said. */
  type?: JavaValueType;
  required?: boolean;
  /** setDefault: the value when the argument is absent. */
  defaultValue?: string;
}

export interface CommandSpec {
  name: string;
  help: string;
  arguments: readonly NamedArgument[];
}

/** argparse4j's required mutually exclusive group: exactly one of its arguments is given. */
export interface RequiredGroup {
  /** With one, the help shows the group as a section of its own; without, among the named arguments. */
  description?: string;
  arguments: readonly NamedArgument[];
}

export interface ArgParserSpec {
  prog: string;
  description: string;
  /** argparse4j's defaultHelp(true): every help text ends with the argument's default. */
  defaultHelp?: boolean;
  arguments: readonly NamedArgument[];
  requiredGroup?: RequiredGroup;
  /** Subcommands, one of which must be given; absent for a tool without. */
  commands?: readonly CommandSpec[];
}

/** A value per flag given or defaulted: a string (store), true (storeTrue) or the list (many). */
export type ArgumentValues = Map<string, string | true | string[]>;

export interface ParsedCommandLine {
  values: ArgumentValues;
  /** The subcommand given; null for a tool without subcommands. */
  command: string | null;
}

export type ArgParseOutcome =
  | { ok: true; parsed: ParsedCommandLine }
  /** The help was printed (exit code 0), or a mistake was (1). */
  | { ok: false; exitCode: number };

const HELP_TEXT = "show this help message and exit";

function syntax(argument: NamedArgument): string {
  if (argument.action === "storeTrue") return argument.flag;
  const metavar =
    argument.metavar ?? argument.flag.replace(/^-+/, "").replace(/-/g, "_").toUpperCase();
  return argument.action === "many"
    ? `${argument.flag} ${metavar} [${metavar} ...]`
    : `${argument.flag} ${metavar}`;
}

function usageWord(argument: NamedArgument): string {
  return argument.required === true ? syntax(argument) : `[${syntax(argument)}]`;
}

/** The group in the usage: "(--a A |", "--b B)". */
function groupWords(group: readonly NamedArgument[]): string[] {
  const words: string[] = [];
  group.map(syntax).forEach((word, index) => {
    if (index > 0) words.push("|");
    words.push(`${index === 0 ? "(" : ""}${word}${index === group.length - 1 ? ")" : ""}`);
  });
  return words;
}

/** A word that is a value even though it starts with "-": a negative number. */
function looksLikeFlag(word: string): boolean {
  return word.startsWith("-") && word.length > 1 && !/^-(\d|\.\d)/.test(word);
}

export class ArgParser {
  private readonly group: readonly NamedArgument[];
  private readonly commands: readonly CommandSpec[];

  constructor(private readonly spec: ArgParserSpec) {
    this.group = spec.requiredGroup?.arguments ?? [];
    this.commands = spec.commands ?? [];
  }

  /** The tool's usage, or once a subcommand is given, the subcommand's. */
  private usage(command: CommandSpec | null): string[] {
    const words =
      command === null
        ? ["[-h]", ...this.spec.arguments.map(usageWord), ...groupWords(this.group)]
        : [...groupWords(this.group), command.name, "[-h]", ...command.arguments.map(usageWord)];
    if (command === null && this.commands.length > 0) words.push(`{${this.commandNames()}}`, "...");
    return usageLines(`usage: ${this.spec.prog}`, words);
  }

  private commandNames(): string {
    return this.commands.map((each) => each.name).join(",");
  }

  private helpText(argument: NamedArgument): string {
    if (this.spec.defaultHelp !== true) return argument.help;
    if (argument.action === "storeTrue") return `${argument.help} (default: false)`;
    return argument.defaultValue === undefined
      ? argument.help
      : `${argument.help} (default: ${argument.defaultValue})`;
  }

  private entries(named: readonly NamedArgument[]): string[] {
    return named.flatMap((argument) => helpEntry(syntax(argument), this.helpText(argument)));
  }

  private helpLines(command: CommandSpec | null): string[] {
    const lines = this.usage(command);
    if (command !== null) {
      lines.push("", "named arguments:", ...helpEntry("-h, --help", HELP_TEXT));
      return [...lines, ...this.entries(command.arguments)];
    }
    lines.push("", ...wrap(this.spec.description, FORMAT_WIDTH), "");
    if (this.commands.length > 0) {
      lines.push("positional arguments:", `  {${this.commandNames()}}`);
      for (const each of this.commands) lines.push(...helpEntry(`  ${each.name}`, each.help));
      lines.push("");
    }
    lines.push("named arguments:", ...helpEntry("-h, --help", HELP_TEXT));
    const groupDescription = this.spec.requiredGroup?.description;
    if (groupDescription === undefined) {
      return [...lines, ...this.entries([...this.group, ...this.spec.arguments])];
    }
    lines.push(...this.entries(this.spec.arguments), "");
    lines.push(...wrap(groupDescription, FORMAT_WIDTH - 2).map((line) => `  ${line}`), "");
    return [...lines, ...this.entries(this.group)];
  }

  /** The named arguments (the required group's too) and the subcommands with theirs, as a shell completes them. */
  commandLine(): ToolCommandLine {
    const named = (list: readonly NamedArgument[]): ToolOptionName[] =>
      [{ flag: "--help", action: "storeTrue" as const }, ...list].map((argument) => ({
        flag: argument.flag,
        takesValue: argument.action !== "storeTrue",
        repeatable: false,
      }));
    return {
      options: named([...this.spec.arguments, ...this.group]),
      commands: this.commands.map((each) => ({ name: each.name, options: named(each.arguments) })),
    };
  }

  /** The tool's help, on standard output. */
  printHelp(io: ToolIo): void {
    for (const line of this.helpLines(null)) io.out(line);
  }

  /** handleError: the tool's usage and "<prog>: error: <message>" on standard error. */
  printError(io: ToolIo, message: string): void {
    this.fail(io, this.usage(null), message);
  }

  private fail(io: ToolIo, usage: readonly string[], message: string): ArgParseOutcome {
    for (const line of usage) io.err(line);
    io.err(`${this.spec.prog}: error: ${message}`);
    return { ok: false, exitCode: 1 };
  }

  parse(args: readonly string[], io: ToolIo): ArgParseOutcome {
    const values: ArgumentValues = new Map();
    let command: CommandSpec | null = null;
    for (let index = 0; index < args.length; index++) {
      const word = args[index]!;
      const fail = (message: string) => this.fail(io, this.usage(command), message);
      if (word === "-h" || word === "--help") {
        for (const line of this.helpLines(command)) io.out(line);
        return { ok: false, exitCode: 0 };
      }
      if (this.commands.length > 0 && !looksLikeFlag(word)) {
        if (command !== null) return fail(`unrecognized arguments: '${word}'`);
        command = this.commands.find((each) => each.name === word) ?? null;
        if (command === null) {
          const choices = this.commands.map((each) => `'${each.name}'`).join(", ");
          return fail(`invalid choice: '${word}' (choose from ${choices})`);
        }
        continue;
      }
      const equals = word.indexOf("=");
      const flag = looksLikeFlag(word) && equals !== -1 ? word.slice(0, equals) : word;
      const known = command === null ? [...this.spec.arguments, ...this.group] : command.arguments;
      const argument = known.find((each) => each.flag === flag);
      if (argument === undefined) return fail(`unrecognized arguments: '${word}'`);
      const clash = this.group.find((other) => other !== argument && values.has(other.flag));
      if (this.group.includes(argument) && clash !== undefined) {
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
      const bad = given.find((value) => !convertsTo(value, type));
      if (bad !== undefined) {
        return fail(
          `argument ${argument.flag}: could not convert '${bad}' to ${type} (For input string: "${bad}")`,
        );
      }
      values.set(argument.flag, argument.action === "many" ? given : given[0]!);
    }
    return this.finish(values, command, io);
  }

  /** The checks argparse4j makes once every word is read, then the defaults. */
  private finish(values: ArgumentValues, command: CommandSpec | null, io: ToolIo): ArgParseOutcome {
    if (this.commands.length > 0 && command === null) {
      return this.fail(io, this.usage(null), "too few arguments");
    }
    const named = [...this.spec.arguments, ...(command?.arguments ?? [])];
    const missing = named.find((each) => each.required === true && !values.has(each.flag));
    if (missing !== undefined) {
      return this.fail(io, this.usage(null), `argument ${missing.flag} is required`);
    }
    if (this.group.length > 0 && !this.group.some((each) => values.has(each.flag))) {
      const flags = this.group.map((each) => each.flag).join(" ");
      return this.fail(io, this.usage(null), `one of the arguments ${flags} is required`);
    }
    for (const argument of [...named, ...this.group]) {
      if (!values.has(argument.flag) && argument.defaultValue !== undefined) {
        values.set(argument.flag, argument.defaultValue);
      }
    }
    return { ok: true, parsed: { values, command: command?.name ?? null } };
  }
}
