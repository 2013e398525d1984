/**
 * What the first word of a command line names: one of Kafka's tools — as the script's
 * name with or without `.sh` and with any folder before it, so `bin/kafka-topics.sh`
 * pasted from Kafka's quickstart works — or one of the terminal's own commands.
 */
import type { Tool } from "../../cli/framework/tool.ts";

export const BUILTINS = ["help", "clear", "history", "ls"] as const;
export type Builtin = (typeof BUILTINS)[number];

export const SCRIPT_SUFFIX = ".sh";

export type Resolved =
  { kind: "tool"; tool: Tool } | { kind: "builtin"; name: Builtin } | { kind: "unknown" };

/** The script's name alone: no folder, no `.sh`. */
export function scriptName(word: string): string {
  const base = word.slice(word.lastIndexOf("/") + 1);
  return base.endsWith(SCRIPT_SUFFIX) ? base.slice(0, -SCRIPT_SUFFIX.length) : base;
}

export function resolveCommand(word: string, tools: ReadonlyMap<string, Tool>): Resolved {
  if ((BUILTINS as readonly string[]).includes(word))
    return { kind: "builtin", name: word as Builtin };
  const tool = tools.get(scriptName(word));
  return tool === undefined ? { kind: "unknown" } : { kind: "tool", tool };
}
