import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ProcessCluster } from "../../runtime/node/testing/process-cluster.ts";

const run = promisify(execFile);
const REPOSITORY = process.cwd();

interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run --silent <script> -- <args>` from the repository, as a user types it. */
async function npmRun(script: string, args: string[]): Promise<Finished> {
  try {
    const { stdout, stderr } = await run(
      "npm",
      ["--prefix", REPOSITORY, "run", "--silent", script, "--", ...args],
      { cwd: REPOSITORY },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as Finished;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let cluster: ProcessCluster | null = null;
afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

describe("kafka-topics as an npm script against broker processes", () => {
  it("creates and describes a topic over TCP", async () => {
    cluster = await ProcessCluster.start({ brokers: 1 });
    const bootstrap = ["--bootstrap-server", cluster.bootstrapServers];
    const created = await npmRun("kafka-topics", [
      ...bootstrap,
      "--create",
      "--topic",
      "orders",
      "--partitions",
      "2",
    ]);
    expect(created).toMatchObject({ code: 0, stdout: "Created topic orders.\n" });

    const described = await npmRun("kafka-topics", [
      ...bootstrap,
      "--describe",
      "--topic",
      "orders",
    ]);
    expect(described.code).toBe(0);
    const lines = described.stdout.split("\n").slice(0, -1);
    expect(lines[0]).toMatch(
      /^Topic: orders\tTopicId: [\w-]{22}\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: /,
    );
    expect(lines.slice(1)).toEqual([
      "\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: ",
      "\tTopic: orders\tPartition: 1\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: ",
    ]);

    const again = await npmRun("kafka-topics", [...bootstrap, "--create", "--topic", "orders"]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe(
      "Error while executing topic command : Topic 'orders' already exists.\n",
    );
  }, 120_000);
});
