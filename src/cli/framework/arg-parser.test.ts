import { describe, expect, it } from "vitest";
import { metadataQuorumTool } from "../metadata-quorum/metadata-quorum.ts";
import { capturedIo } from "../testing/captured-io.ts";

/** argparse4j's usage for kafka-metadata-quorum, wrapped at 75 columns under the first word. */
const MAIN_USAGE = [
  "usage: kafka-metadata-quorum [-h] (--bootstrap-server BOOTSTRAP_SERVER |",
  "                             --bootstrap-controller BOOTSTRAP_CONTROLLER)",
  "                             {describe} ...",
];

async function run(args: string[]) {
  const { io, out, err } = capturedIo();
  const exitCode = await metadataQuorumTool.run(args, io);
  return { exitCode, out, err };
}

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
