/**
 * Kafka's command-line options, parsed as joptsimple parses them for Kafka's tools (an
 * OptionParser without abbreviations): `--name value`, `--name=value`, `-name` for a long
 * name, `--` ending the options, repeated options collected in order, a required argument
 * taking the next word whatever it looks like, an optional one only when it does not look
 * like an option, values converted by type. A bad command line is an OptionException with
 * joptsimple's class name and message, which the tool prints as Kafka's tool does.
 */
import { headerRows, renderHelpRows, type HelpRow } from "./help-formatter.ts";
import { convertsTo, type JavaValueType } from "./java-values.ts";
import type { ToolCommandLine } from "./tool.ts";

export type OptionValueType = JavaValueType;

export interface OptionArgument {
  /** withRequiredArg (true) or withOptionalArg (false). */
  required: boolean;
  /** describedAs: the words after the type in the usage, e.g. "file1, file2, ...". */
  describedAs?: string;
  /** ofType: String unless said. */
  type?: OptionValueType;
  /** defaultsTo, as the usage shows it and valueOf returns it. */
  defaultValue?: string;
}

export interface OptionSpec {
  /** The long name without dashes, e.g. "bootstrap-server". */
  name: string;
  description: string;
  /** Absent: a flag. */
  argument?: OptionArgument;
  /** joptsimple's required(): marked "* " in the usage, missing is an error. */
  required?: boolean;
  /** May be given more than once (`--property k=v --property k2=v2`); else twice is an error. */
  repeatable?: boolean;
}

/** A joptsimple OptionException: the Java class name and its message. */
export interface OptionException {
  exceptionClass: string;
  message: string;
}

export type ParseOutcome =
  { ok: true; options: ParsedOptions } | { ok: false; error: OptionException };

/** The help and version options every Kafka tool has (CommandDefaultOptions). */
export const HELP_OPTION: OptionSpec = { name: "help", description: "Print usage information." };
export const VERSION_OPTION: OptionSpec = {
  name: "version",
  description: "Display Kafka version.",
};

/** An option without an argument (a flag), as a tool's parser.accepts(name, description) declares it. */
export function flag(name: string, description: string): OptionSpec {
  return { name, description };
}

/** An option with a required argument: accepts(name, description).withRequiredArg().describedAs(...).ofType(...). */
export function withValue(
  name: string,
  description: string,
  describedAs?: string,
  type?: OptionValueType,
): OptionSpec {
  return { name, description, argument: { required: true, describedAs, type } };
}

export class ParsedOptions {
  constructor(
    private readonly specs: ReadonlyMap<string, OptionSpec>,
    private readonly values: ReadonlyMap<string, string[]>,
    /** Words that are not options or their arguments, in order. */
    readonly nonOptionArguments: readonly string[],
  ) {}

  has(name: string): boolean {
    this.specOf(name);
    return this.values.has(name);
  }

  /** The option's value, its default when absent, or undefined. */
  valueOf(name: string): string | undefined {
    const spec = this.specOf(name);
    return this.values.get(name)?.at(-1) ?? spec.argument?.defaultValue;
  }

  /** Every value given, in order (the default alone when none was). */
  valuesOf(name: string): string[] {
    const spec = this.specOf(name);
    const given = this.values.get(name) ?? [];
    const defaultValue = spec.argument?.defaultValue;
    return given.length > 0 || defaultValue === undefined ? [...given] : [defaultValue];
  }

  /** The option's value as a number (Integer, Long and Double options were checked when parsed). */
  numberOf(name: string): number | undefined {
    const value = this.valueOf(name);
    return value === undefined ? undefined : Number(value);
  }

  private specOf(name: string): OptionSpec {
    const spec = this.specs.get(name);
    if (spec === undefined) throw new Error(`option ${name} is not configured on this parser`);
    return spec;
  }
}

function failure(exceptionClass: string, message: string): ParseOutcome {
  return { ok: false, error: { exceptionClass: `joptsimple.${exceptionClass}`, message } };
}

export class OptionParser {
  private readonly specs = new Map<string, OptionSpec>();

  /** `specs` plus Kafka's --help and --version. */
  constructor(specs: readonly OptionSpec[]) {
    for (const spec of [...specs, HELP_OPTION, VERSION_OPTION]) {
      if (this.specs.has(spec.name)) throw new Error(`option ${spec.name} is configured twice`);
      this.specs.set(spec.name, spec);
    }
  }

  parse(args: readonly string[]): ParseOutcome {
    const values = new Map<string, string[]>();
    const nonOptions: string[] = [];
    const record = (spec: OptionSpec, value: string | null): ParseOutcome | null => {
      const list = values.get(spec.name) ?? [];
      if (value !== null) {
        const type = spec.argument?.type ?? "String";
        if (!convertsTo(value, type)) {
          return failure(
            "OptionArgumentConversionException",
            `Cannot parse argument '${value}' of option ${spec.name}`,
          );
        }
        list.push(value);
      }
      if (list.length > 1 && spec.repeatable !== true) {
        return failure(
          "MultipleArgumentsForOptionException",
          `Found multiple arguments for option ${spec.name}, but you asked for only one`,
        );
      }
      values.set(spec.name, list);
      return null;
    };
    for (let index = 0; index < args.length; index++) {
      const word = args[index]!;
      if (word === "--") {
        nonOptions.push(...args.slice(index + 1));
        break;
      }
      const isLong = word.startsWith("--");
      if (!isLong && (!word.startsWith("-") || word === "-")) {
        nonOptions.push(word);
        continue;
      }
      const body = word.slice(isLong ? 2 : 1);
      const equals = body.indexOf("=");
      const name = equals === -1 ? body : body.slice(0, equals);
      const spec = this.specs.get(name);
      if (spec === undefined) {
        // A single-dash word that is no long option is a cluster of short options, none of
        // which Kafka's tools define: joptsimple names its first character.
        const unknown = isLong ? name : body.slice(0, 1);
        return failure("UnrecognizedOptionException", `${unknown} is not a recognized option`);
      }
      let value: string | null = null;
      if (spec.argument !== undefined) {
        if (equals !== -1) value = body.slice(equals + 1);
        else if (spec.argument.required) {
          if (index + 1 >= args.length) {
            return failure(
              "OptionMissingRequiredArgumentException",
              `Option ${spec.name} requires an argument`,
            );
          }
          value = args[++index]!;
        } else if (index + 1 < args.length && !this.looksLikeOption(args[index + 1]!)) {
          value = args[++index]!;
        }
      }
      const failed = record(spec, value);
      if (failed !== null) return failed;
    }
    // joptsimple skips the required check when a help option (--help, --version) is present.
    const missing = [...this.specs.values()].filter(
      (spec) => spec.required === true && !values.has(spec.name),
    );
    if (missing.length > 0 && !values.has(HELP_OPTION.name) && !values.has(VERSION_OPTION.name)) {
      return failure(
        "MissingRequiredOptionsException",
        `Missing required option(s) [${missing.map((spec) => spec.name).join(", ")}]`,
      );
    }
    return { ok: true, options: new ParsedOptions(this.specs, values, nonOptions) };
  }

  /** The options as a shell completes them: `--name` for each, in the order declared. */
  commandLine(): ToolCommandLine {
    const options = [...this.specs.values()].map((spec) => ({
      flag: `--${spec.name}`,
      takesValue: spec.argument !== undefined,
      repeatable: spec.repeatable === true,
    }));
    return { options, commands: [] };
  }

  /** The usage table, as joptsimple's BuiltinHelpFormatter prints it. */
  helpLines(): string[] {
    const specs = [...this.specs.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    const rows: HelpRow[] = headerRows(specs.some((spec) => spec.required === true));
    for (const spec of specs)
      rows.push({ option: optionDisplay(spec), description: descriptionDisplay(spec) });
    return renderHelpRows(rows);
  }

  private looksLikeOption(word: string): boolean {
    if (word.startsWith("--")) return word.length > 2;
    if (!word.startsWith("-") || word.length < 2) return false;
    return this.specs.has(word.slice(1).split("=")[0]!) || !/^-\d/.test(word);
  }
}

function optionDisplay(spec: OptionSpec): string {
  let display = `${spec.required === true ? "* " : ""}${spec.name.length > 1 ? "--" : "-"}${spec.name}`;
  const argument = spec.argument;
  if (argument !== undefined) {
    const [open, close] = argument.required ? ["<", ">"] : ["[", "]"];
    const type = argument.type ?? "String";
    const described = argument.describedAs === undefined ? "" : `: ${argument.describedAs}`;
    display += ` ${open}${type}${described}${close}`;
  }
  return display;
}

function descriptionDisplay(spec: OptionSpec): string {
  const defaultValue = spec.argument?.defaultValue;
  return defaultValue === undefined
    ? spec.description
    : `${spec.description} (default: ${defaultValue})`.trim();
}
