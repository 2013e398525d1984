/**
 * The terminal's own commands: `help` (the tools with the line each one describes itself
 * by, the terminal's commands and keys, and where the brokers' files are), `clear`,
 * `history` (numbered, as bash prints it) and `ls` (a directory of the brokers' storage,
 * so the paths kafka-dump-log takes can be found).
 */
import type { Tool } from "../../cli/framework/tool.ts";
import type { CommandHistory } from "./command-history.ts";
import { SCRIPT_SUFFIX, type Builtin } from "./command-names.ts";
import type { PathEntry } from "./completion.ts";
import type { NewLine } from "./output-buffer.ts";

export interface BuiltinContext {
  emit(line: NewLine): void;
  clear(): void;
  tools: ReadonlyMap<string, Tool>;
  history: CommandHistory;
  listDirectory(path: string): Promise<readonly PathEntry[] | null>;
  /** A segment that exists, to show in the help: the first broker's first user topic. */
  examplePath(): string;
}

/** Width of the name column in `help`: the longest script name and two spaces. */
function nameColumn(tools: ReadonlyMap<string, Tool>): number {
  return Math.max(...[...tools.keys()].map((name) => name.length + SCRIPT_SUFFIX.length)) + 2;
}

function help(context: BuiltinContext): void {
  const { emit, tools } = context;
  const note = (key: Extract<NewLine, { kind: "note" }>["key"], values = {}) =>
    emit({ kind: "note", key, values, tone: "plain" });
  note("terminal.help.tools");
  const width = nameColumn(tools);
  for (const tool of [...tools.values()].sort((a, b) => a.name.localeCompare(b.name)))
    emit({ kind: "out", text: `  ${(tool.name + SCRIPT_SUFFIX).padEnd(width)}${tool.usage}` });
  note("terminal.help.toolHelp");
  note("terminal.help.builtins");
  note("terminal.help.keys");
  note("terminal.help.files");
  note("terminal.help.filesExample", { path: context.examplePath() });
}

function history(context: BuiltinContext): void {
  context.history.entries().forEach((command, index) => {
    context.emit({ kind: "out", text: `${String(index + 1).padStart(5)}  ${command}` });
  });
}

async function list(context: BuiltinContext, args: readonly string[]): Promise<number> {
  if (args.length > 1) {
    context.emit({ kind: "note", key: "terminal.ls.usage", values: {}, tone: "error" });
    return 2;
  }
  const path = args[0] ?? "";
  const entries = await context.listDirectory(path.replace(/\/+$/, ""));
  if (entries === null) {
    context.emit({ kind: "note", key: "terminal.ls.missing", values: { path }, tone: "error" });
    return 2;
  }
  const names = entries.map((entry) => entry.name + (entry.directory ? "/" : "")).sort();
  for (const name of names) context.emit({ kind: "out", text: name });
  return 0;
}

/** Runs a builtin; resolves with its exit code. */
export async function runBuiltin(
  name: Builtin,
  args: readonly string[],
  context: BuiltinContext,
): Promise<number> {
  switch (name) {
    case "help":
      help(context);
      return 0;
    case "clear":
      context.clear();
      return 0;
    case "history":
      history(context);
      return 0;
    case "ls":
      return list(context, args);
  }
}
