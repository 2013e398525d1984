/**
 * Checks how a joptsimple tool refuses bad command lines: for each, exit code 1, Kafka's
 * message on the first line of standard error, then the usage table's header.
 */
import { expect } from "vitest";
import type { Tool } from "../framework/tool.ts";
import { runTool } from "./captured-io.ts";

export async function expectUsageFailures(
  tool: Tool,
  cases: readonly (readonly [args: string[], message: string])[],
  usageHeader: RegExp,
): Promise<void> {
  for (const [args, message] of cases) {
    const run = await runTool(tool, args);
    const commandLine = args.join(" ");
    expect(run.exitCode, commandLine).toBe(1);
    expect(run.err[0], commandLine).toBe(message);
    expect(run.err[1], commandLine).toMatch(usageHeader);
  }
}
