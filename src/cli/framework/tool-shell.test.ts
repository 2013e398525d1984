/**
 * What a shell gets from the tools beyond running them: each tool's options and
 * subcommands from its own parser (for completion), and standard input that ends when the
 * shell interrupts a tool that reads until then.
 */
import { describe, expect, it } from "vitest";
import { TOOLS } from "../tools.ts";
import { capturedIo } from "../testing/captured-io.ts";
import { linesUntilShutdown } from "./lines-until-shutdown.ts";
import type { ToolIo } from "./tool.ts";

describe("a tool's command line for completion", () => {
  it("lists every option of the tool's parser, with whether it takes a value and may repeat", () => {
    const topics = TOOLS.get("kafka-topics")!.commandLine();
    const byFlag = new Map(topics.options.map((option) => [option.flag, option]));
    expect(byFlag.get("--bootstrap-server")).toEqual({
      flag: "--bootstrap-server",
      takesValue: true,
      repeatable: false,
    });
    expect(byFlag.get("--create")?.takesValue).toBe(false);
    expect(byFlag.get("--config")?.repeatable).toBe(true);
    expect(topics.commands).toEqual([]);
    for (const tool of TOOLS.values()) {
      const flags = tool.commandLine().options.map((option) => option.flag);
      expect(flags, tool.name).toContain("--help");
      expect(new Set(flags).size, tool.name).toBe(flags.length);
    }
  });

  it("gives argparse4j subcommands their own options", () => {
    const quorum = TOOLS.get("kafka-metadata-quorum")!.commandLine();
    expect(quorum.options.map((option) => option.flag)).toEqual([
      "--help",
      "--bootstrap-server",
      "--bootstrap-controller",
    ]);
    expect(quorum.commands.map((command) => command.name)).toEqual(["describe"]);
    expect(quorum.commands[0]!.options.filter((option) => !option.takesValue)).toHaveLength(4);
    const perf = TOOLS.get("kafka-producer-perf-test")!.commandLine();
    expect(perf.options.find((option) => option.flag === "--producer-props")?.takesValue).toBe(
      true,
    );
  });
});

describe("standard input until the shell's interrupt", () => {
  it("gives every line when nobody interrupts", async () => {
    const { io } = capturedIo({ stdin: ["a", "b"] });
    const read: string[] = [];
    for await (const line of linesUntilShutdown(io)) read.push(line);
    expect(read).toEqual(["a", "b"]);
  });

  it("ends at the interrupt even while a read waits, and returns the input", async () => {
    const hooks: (() => void)[] = [];
    let returned = false;
    const io: ToolIo = {
      ...capturedIo().io,
      addShutdownHook: (hook) => void hooks.push(hook),
      readLines: () => ({
        [Symbol.asyncIterator]: () => {
          let given = false;
          return {
            next: () =>
              given
                ? new Promise<IteratorResult<string>>(() => {})
                : ((given = true), Promise.resolve({ value: "typed", done: false })),
            return: async () => ((returned = true), { value: undefined, done: true }),
          };
        },
      }),
    };
    const read: string[] = [];
    const reading = (async () => {
      for await (const line of linesUntilShutdown(io)) read.push(line);
    })();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hooks).toHaveLength(1);
    hooks[0]!();
    await reading;
    expect(read).toEqual(["typed"]);
    expect(returned).toBe(true);
  });
});
