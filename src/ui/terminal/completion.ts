/**
 * Tab completion of a command line: the command (tool names with or without `.sh`, the
 * terminal's own commands), a tool's options (read from the tool's own parser, so they
 * never disagree with it), and the values of the options that name something in the
 * cluster — topics, groups, broker addresses and ids, config names, files in the brokers'
 * storage. The word under the cursor is replaced whole, quoted when it needs to be.
 */
import { ENTITY_TYPES } from "../../cli/configs/config-options.ts";
import type { Tool, ToolOptionName } from "../../cli/framework/tool.ts";
import { BUILTINS, resolveCommand, SCRIPT_SUFFIX } from "./command-names.ts";
import { quoteWord, scanWords } from "./shell-words.ts";

export type ConfigEntityType = "topics" | "brokers";

export interface PathEntry {
  name: string;
  directory: boolean;
}

/** Where completion finds the names it offers. */
export interface CompletionSources {
  tools: ReadonlyMap<string, Tool>;
  topics(): readonly string[];
  groups(): readonly string[];
  brokerIds(): readonly number[];
  /** Where the brokers listen, as --bootstrap-server takes them ("broker-1:9092"). */
  brokerAddresses(): readonly string[];
  configNames(entityType: ConfigEntityType): Promise<readonly string[]>;
  /** The entries of a directory of the brokers' storage ("" is the top); null when there is none. */
  listDirectory(path: string): Promise<readonly PathEntry[] | null>;
}

export interface Completion {
  /** Where the replaced text starts in the line; it ends at the cursor. */
  start: number;
  /** What replaces it. */
  text: string;
  /** What matched, to list when more than one does. */
  candidates: readonly string[];
}

/** The part of a word being completed: everything before `segment` stays as typed. */
interface Target {
  head: string;
  segment: string;
  candidates: readonly string[];
  /** What follows a single match: a space, or "=" / "/" where the word goes on. */
  after: (match: string) => " " | "=" | "/";
}

const SPACE = () => " " as const;

function longestCommonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? "";
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** The last item of a comma-separated list being typed, and what comes before it. */
function listTail(value: string): { head: string; segment: string } {
  const comma = value.lastIndexOf(",");
  return { head: value.slice(0, comma + 1), segment: value.slice(comma + 1) };
}

function commandTarget(value: string, tools: ReadonlyMap<string, Tool>): Target {
  const folder = value.slice(0, value.lastIndexOf("/") + 1);
  const rest = value.slice(folder.length);
  const names = [...tools.keys()].sort();
  // Typed like a script (`bin/…`, or a dot after the name): offer the scripts' names.
  const asScripts = folder !== "" || rest.includes(".");
  return {
    head: folder,
    segment: rest,
    candidates: asScripts ? names.map((name) => name + SCRIPT_SUFFIX) : [...names, ...BUILTINS],
    after: SPACE,
  };
}

/** The entity type a kafka-configs command line is about (the config names differ). */
function entityTypeOf(words: readonly string[]): string {
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (word === "--entity-type") return words[index + 1] ?? "topics";
    if (word.startsWith("--entity-type=")) return word.slice("--entity-type=".length);
    if (word === "--broker" || word === "--broker-defaults") return "brokers";
    if (word === "--group") return "groups";
  }
  return "topics";
}

async function pathTarget(value: string, sources: CompletionSources): Promise<Target | null> {
  const { head: listed, segment: path } = listTail(value);
  const folder = path.slice(0, path.lastIndexOf("/") + 1);
  const entries = await sources.listDirectory(folder.replace(/\/+$/, ""));
  if (entries === null) return null;
  const directories = new Set(
    entries.filter((entry) => entry.directory).map((entry) => entry.name),
  );
  return {
    head: listed + folder,
    segment: path.slice(folder.length),
    candidates: entries.map((entry) => entry.name).sort(),
    after: (match) => (directories.has(match) ? "/" : " "),
  };
}

/** The values an option takes that completion can name, for `value` typed so far. */
async function valueTarget(
  flag: string,
  value: string,
  words: readonly string[],
  sources: CompletionSources,
): Promise<Target | null> {
  const whole = (candidates: readonly string[]): Target => ({
    head: "",
    segment: value,
    candidates,
    after: SPACE,
  });
  const brokerIds = () => sources.brokerIds().map(String);
  const configNames = async (after: Target["after"]): Promise<Target | null> => {
    const { head, segment } = flag === "--config" ? { head: "", segment: value } : listTail(value);
    if (segment.includes("=")) return null;
    const type = flag === "--config" ? "topics" : entityTypeOf(words);
    if (type !== "topics" && type !== "brokers") return null;
    return { head, segment, candidates: await sources.configNames(type), after };
  };
  switch (flag) {
    case "--topic":
      return whole(sources.topics());
    case "--group":
      return whole(sources.groups());
    case "--broker":
    case "--broker-logger":
      return whole(brokerIds());
    case "--entity-type":
      return whole(ENTITY_TYPES);
    case "--entity-name": {
      const type = entityTypeOf(words);
      if (type === "topics") return whole(sources.topics());
      if (type === "brokers") return whole(brokerIds());
      return type === "groups" ? whole(sources.groups()) : null;
    }
    case "--bootstrap-server":
    case "--bootstrap-controller":
      return { ...listTail(value), candidates: sources.brokerAddresses(), after: SPACE };
    case "--config":
    case "--add-config":
      return configNames(() => "=");
    case "--delete-config":
      return configNames(SPACE);
    case "--files":
      return pathTarget(value, sources);
    default:
      return null;
  }
}

/** What the words typed after the tool say: its subcommand, options given, one awaiting its value. */
function readCommandLine(tool: Tool, words: readonly string[]) {
  const commandLine = tool.commandLine();
  let command: (typeof commandLine.commands)[number] | null = null;
  let pending: ToolOptionName | null = null;
  const given = new Set<string>();
  // argparse4j reads the tool's own arguments before the subcommand and the subcommand's after it.
  const accepted = () => command?.options ?? commandLine.options;
  const known = (flag: string) => accepted().find((option) => option.flag === flag);
  for (const word of words) {
    if (pending !== null) {
      pending = null;
      continue;
    }
    if (word.startsWith("-")) {
      const equals = word.indexOf("=");
      const flag = equals === -1 ? word : word.slice(0, equals);
      given.add(flag);
      const option = known(flag);
      if (option?.takesValue === true && equals === -1) pending = option;
    } else if (command === null) {
      command = commandLine.commands.find((each) => each.name === word) ?? null;
    }
  }
  const options = accepted().filter((option) => option.repeatable || !given.has(option.flag));
  const commands = command === null ? commandLine.commands.map((each) => each.name) : [];
  return { pending, options, commands };
}

async function toolTarget(
  tool: Tool,
  words: readonly string[],
  value: string,
  sources: CompletionSources,
): Promise<Target | null> {
  const { pending, options, commands } = readCommandLine(tool, words);
  if (pending !== null) return valueTarget(pending.flag, value, words, sources);
  const equals = value.indexOf("=");
  if (value.startsWith("--") && equals !== -1) {
    const target = await valueTarget(
      value.slice(0, equals),
      value.slice(equals + 1),
      words,
      sources,
    );
    return target === null ? null : { ...target, head: value.slice(0, equals + 1) + target.head };
  }
  const flags = options.map((option) => option.flag).sort();
  if (value.startsWith("-")) return { head: "", segment: value, candidates: flags, after: SPACE };
  if (value === "")
    return { head: "", segment: "", candidates: [...commands, ...flags], after: SPACE };
  return commands.length > 0
    ? { head: "", segment: value, candidates: commands, after: SPACE }
    : null;
}

/** The completion of `line` (the text before the cursor), or null when nothing fits. */
export async function complete(
  line: string,
  sources: CompletionSources,
): Promise<Completion | null> {
  const scan = scanWords(line);
  const current = scan.open ?? { value: "", start: line.length };
  const words = scan.words.map((word) => word.value);
  let target: Target | null;
  if (words.length === 0) target = commandTarget(current.value, sources.tools);
  else {
    const resolved = resolveCommand(words[0]!, sources.tools);
    if (resolved.kind === "tool")
      target = await toolTarget(resolved.tool, words.slice(1), current.value, sources);
    else if (resolved.kind === "builtin" && resolved.name === "ls")
      target = await pathTarget(current.value, sources);
    else target = null;
  }
  if (target === null) return null;
  const matches = target.candidates.filter((candidate) => candidate.startsWith(target.segment));
  if (matches.length === 0) return null;
  const only = matches.length === 1 ? matches[0]! : null;
  const completed = only ?? longestCommonPrefix(matches);
  const after = only === null ? "" : target.after(only);
  const word = quoteWord(target.head + completed + (after === " " ? "" : after));
  return { start: current.start, text: word + (after === " " ? " " : ""), candidates: matches };
}
