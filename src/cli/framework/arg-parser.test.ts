import { describe, expect, it } from "vitest";
import { metadataQuorumTool } from "../metadata-quorum/metadata-quorum.ts";
import { capturedIo, runTool } from "../testing/captured-io.ts";
import { ArgParser } from "./arg-parser.ts";

/** argparse4j's usage for kafka-metadata-quorum, wrapped at 75 columns under the first word. */
const MAIN_USAGE = [
  "usage: kafka-metadata-quorum [-h] (--bootstrap-server BOOTSTRAP_SERVER |",
  "                             --bootstrap-controller BOOTSTRAP_CONTROLLER)",
  "                             {describe} ...",
];

const run = (args: string[]) => runTool(metadataQuorumTool, args);

describe("argparse4j-style command lines (kafka-metadata-quorum)", () => {
  it("prints the usage and argparse4j's error for each kind of mistake, exit 1", async () => {
    expect(await run([])).toEqual({
      exitCode: 1,
      out: [],
      err: [...MAIN_USAGE, "kafka-metadata-quorum: error: too few arguments"],
    });
    expect((await run(["describe", "--status"])).err.at(-1)).toBe(
      "kafka-metadata-quorum: error: one of the arguments --bootstrap-server --bootstrap-controller is required",
    );
    expect(
      (
        await run(["--bootstrap-server", "a:1", "--bootstrap-controller", "b:2", "describe"])
      ).err.at(-1),
    ).toBe(
      "kafka-metadata-quorum: error: argument --bootstrap-controller: not allowed with argument --bootstrap-server",
    );
    expect((await run(["--bootstrap-server"])).err.at(-1)).toBe(
      "kafka-metadata-quorum: error: argument --bootstrap-server: expected one argument",
    );
    expect((await run(["--bootstrap-server", "a:1", "show"])).err.at(-1)).toBe(
      "kafka-metadata-quorum: error: invalid choice: 'show' (choose from 'describe')",
    );
    const unknown = await run(["--bootstrap-server", "a:1", "describe", "--nope"]);
    expect(unknown.exitCode).toBe(1);
    // After the subcommand, the usage is the subcommand's.
    expect(unknown.err).toEqual([
      "usage: kafka-metadata-quorum (--bootstrap-server BOOTSTRAP_SERVER |",
      "                             --bootstrap-controller BOOTSTRAP_CONTROLLER)",
      "                             describe [-h] [--status] [--replication]",
      "                             [--human-readable]",
      "kafka-metadata-quorum: error: unrecognized arguments: '--nope'",
    ]);
  });

  it("prints help on standard output for -h and exits 0", async () => {
    const { exitCode, out, err } = await run(["-h"]);
    expect(exitCode).toBe(0);
    expect(err).toEqual([]);
    expect(out.slice(0, 4)).toEqual([...MAIN_USAGE, ""]);
    expect(out).toContain("This tool describes kraft metadata quorum status.");
    expect(out).toContain("  -h, --help             show this help message and exit");
    expect(
      out.some((line) => line.startsWith("  --bootstrap-controller BOOTSTRAP_CONTROLLER")),
    ).toBe(true);
  });
});

describe("argparse4j-style command lines without subcommands", () => {
  const parser = () =>
    new ArgParser({
      prog: "flat-tool",
      description: "A tool with named arguments only.",
      defaultHelp: true,
      arguments: [
        {
          flag: "--count",
          metavar: "COUNT",
          action: "store",
          type: "Long",
          required: true,
          help: "how many",
        },
        { flag: "--rate", action: "store", type: "Double", defaultValue: "1.0", help: "how fast" },
        { flag: "--props", metavar: "K=V", action: "many", help: "properties" },
      ],
      requiredGroup: {
        description: "exactly one of --size or --fixed.",
        arguments: [
          { flag: "--size", action: "store", type: "Integer", help: "size" },
          { flag: "--fixed", action: "storeTrue", help: "fixed" },
        ],
      },
    });

  function parse(args: string[]) {
    const { io, out, err } = capturedIo();
    return { outcome: parser().parse(args, io), out, err };
  }

  it("takes negative numbers as values, one value or many, Java's numbers, and fills in defaults", () => {
    const { outcome } = parse(["--count", "-3", "--props", "a=1", "b=2", "--size=4"]);
    expect(outcome).toEqual({
      ok: true,
      parsed: {
        command: null,
        values: new Map<string, string | true | string[]>([
          ["--count", "-3"],
          ["--props", ["a=1", "b=2"]],
          ["--size", "4"],
          ["--rate", "1.0"],
        ]),
      },
    });
    expect(parse(["--count", "1", "--rate", "2.5e3f", "--fixed"]).outcome.ok).toBe(true);
    expect(parse(["--count", "1", "--size", "2147483648"]).err.at(-1)).toBe(
      `flat-tool: error: argument --size: could not convert '2147483648' to Integer (For input string: "2147483648")`,
    );
    expect(parse(["--count", "1", "stray"]).err.at(-1)).toBe(
      "flat-tool: error: unrecognized arguments: 'stray'",
    );
    expect(parse(["--fixed"]).err.at(-1)).toBe("flat-tool: error: argument --count is required");
  });

  it("prints the group with a description as its own section, and defaults in the help", () => {
    const { outcome, out } = parse(["-h"]);
    expect(outcome).toEqual({ ok: false, exitCode: 0 });
    expect(out).toEqual([
      "usage: flat-tool [-h] --count COUNT [--rate RATE] [--props K=V [K=V ...]]",
      "                 (--size SIZE | --fixed)",
      "",
      "A tool with named arguments only.",
      "",
      "named arguments:",
      "  -h, --help             show this help message and exit",
      "  --count COUNT          how many",
      "  --rate RATE            how fast (default: 1.0)",
      "  --props K=V [K=V ...]  properties",
      "",
      "  exactly one of --size or --fixed.",
      "",
      "  --size SIZE            size",
      "  --fixed                fixed (default: false)",
    ]);
  });
});
