import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../../log/log-config.ts";
import { PartitionLog } from "../../../log/partition-log.ts";
import { encoded, text } from "../../../protocol/records/testing/encoded-batch.ts";
import { NodeFileSystem } from "../node-file-system.ts";

const run = promisify(execFile);
const REPOSITORY = process.cwd();

type Finished = { code: number; stdout: string; stderr: string };

async function finished(command: string, args: string[], cwd: string): Promise<Finished> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, INIT_CWD: undefined },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the Node entry of the command-line tools", () => {
  it("runs kafka-dump-log through its npm script on files on disk, named relative to where it was typed", async () => {
    const directory = await mkdtemp(join(tmpdir(), "kafka-dump-log-"));
    try {
      const log = await PartitionLog.open({
        fs: new NodeFileSystem(directory),
        directory: "orders-0",
        config: KAFKA_DEFAULT_LOG_CONFIG,
      });
      const appended = await log.appendAsLeader(
        encoded({
          records: [{ key: text("k"), value: text("hello"), timestamp: 1_700_000_000_000n }],
        }),
        2,
        0n,
      );
      expect(appended.ok).toBe(true);
      await log.close();

      const dumped = await finished(
        "npm",
        [
          "--prefix",
          REPOSITORY,
          "run",
          "--silent",
          "kafka-dump-log",
          "--",
          "--files",
          "orders-0/00000000000000000000.log",
          "--print-data-log",
        ],
        directory,
      );
      expect(dumped.stderr.split("\n").filter((line) => !line.startsWith("npm warn"))).toEqual([
        "",
      ]);
      expect(dumped.code).toBe(0);
      expect(dumped.stdout.trimEnd().split("\n")).toEqual([
        "Dumping orders-0/00000000000000000000.log",
        "Log starting offset: 0",
        expect.stringMatching(
          /^baseOffset: 0 lastOffset: 0 count: 1 .* partitionLeaderEpoch: 2 .* position: 0 CreateTime: 1700000000000 size: \d+ magic: 2 compresscodec: none crc: \d+ isvalid: true$/,
        ),
        "| offset: 0 CreateTime: 1700000000000 keySize: 1 valueSize: 5 sequence: -1 headerKeys: [] key: k payload: hello",
      ]);

      const tsx = join(REPOSITORY, "node_modules/.bin/tsx");
      const bad = await finished(
        tsx,
        [join(REPOSITORY, "src/runtime/node/cli/run-tool.ts"), "kafka-dump-log", "--nope"],
        directory,
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(
        'Exception in thread "main" joptsimple.UnrecognizedOptionException: nope is not a recognized option',
      );
      expect(bad.stderr).toContain("--files <String: file1, file2, ...>");
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
