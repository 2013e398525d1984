import { describe, expect, it } from "vitest";
import { adminOn, produceAt } from "../../client/admin/testing/admin-fixture.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { BOOTSTRAP, toolRunner } from "../testing/tool-runner.ts";
import { topicsTool } from "../topics/topics.ts";
import { consumerGroupsTool } from "./consumer-groups.ts";

const BASE_TIME = Date.UTC(2024, 0, 15, 10, 0, 0, 0);
const HEADER = `${"GROUP".padEnd(15)} ${"TOPIC".padEnd(15)} ${"PARTITION".padEnd(10)} NEW-OFFSET`;
const row = (group: string, topic: string, partition: number, offset: number) =>
  `${group.padEnd(15)} ${topic.padEnd(15)} ${String(partition).padEnd(10)} ${offset}`;

/**
 * Topic "ledger": partition 0 holds 4 records a second apart from BASE_TIME, partition 1
 * holds 2, partition 2 none. Group "audit" committed 1, 1 and 0, and has no members.
 */
async function ledgerCluster(seed: number): Promise<SimCluster> {
  const sim = await readyCluster(seed);
  await toolRunner(sim)(topicsTool, [
    ...BOOTSTRAP,
    "--create",
    "--topic",
    "ledger",
    "--partitions",
    "3",
  ]);
  await sim.scheduler.runFor(1_000);
  const { admin, cluster } = adminOn(sim);
  const times = [0, 1, 2, 3].map((second) => BASE_TIME + second * 1000);
  await produceAt(sim, cluster, "ledger", 0, ["a", "b", "c", "d"], times);
  await produceAt(sim, cluster, "ledger", 1, ["e", "f"], times.slice(0, 2));
  await sim.runWhile(
    admin.setOffsets({
      groupId: "audit",
      topic: "ledger",
      partitions: [
        { partition: 0, offset: "1" },
        { partition: 1, offset: "1" },
        { partition: 2, offset: "0" },
      ],
    }),
  );
  await admin.disconnect();
  return sim;
}

describe("kafka-consumer-groups --reset-offsets against a simulated cluster", () => {
  it("plans with --dry-run, commits with --execute, by each scenario", async () => {
    const sim = await ledgerCluster(601);
    const files = new MemoryFileSystem();
    const run = toolRunner(sim, files);
    const groups = (...args: string[]) => run(consumerGroupsTool, [...BOOTSTRAP, ...args]);
    const reset = (...args: string[]) => groups("--reset-offsets", "--group", "audit", ...args);
    const committed = async () =>
      (await groups("--describe", "--group", "audit")).out
        .slice(2)
        .map((line) => line.split(/ +/)[3]);

    // No --execute: a plan only (and Kafka's warning that it will ask in the future).
    const planned = await reset("--topic", "ledger", "--to-earliest");
    expect(planned.exitCode).toBe(0);
    expect(planned.out).toEqual([
      "",
      HEADER,
      row("audit", "ledger", 0, 0),
      row("audit", "ledger", 1, 0),
      row("audit", "ledger", 2, 0),
    ]);
    expect(planned.err).toEqual([
      expect.stringMatching(
        /^WARN: No action will be performed as the --execute option is missing\.In a future/,
      ),
    ]);
    expect(await committed()).toEqual(["1", "1", "0"]);

    expect((await reset("--all-topics", "--to-latest", "--execute")).out).toEqual([
      "",
      HEADER,
      row("audit", "ledger", 0, 4),
      row("audit", "ledger", 1, 2),
      row("audit", "ledger", 2, 0),
    ]);
    expect(await committed()).toEqual(["4", "2", "0"]);

    expect((await reset("--topic", "ledger:0,1", "--shift-by", "-1", "--execute")).out).toEqual([
      "",
      HEADER,
      row("audit", "ledger", 0, 3),
      row("audit", "ledger", 1, 1),
    ]);
    // Past the end of the log: moved to it, with Kafka's warning.
    const beyond = await reset("--topic", "ledger:1", "--to-offset", "9", "--dry-run");
    expect(beyond.out).toEqual(["", HEADER, row("audit", "ledger", 1, 2)]);
    expect(beyond.err).toEqual([
      expect.stringMatching(
        /^\[[^\]]+\] WARN New offset \(9\) is higher than latest offset for topic partition ledger-1\. Value will be set to 2\. \(org\.apache\.kafka\.tools\.GroupOffsetsResetter\)$/,
      ),
    ]);

    // A time: the first record at or after it; an empty partition falls back to its end.
    const byTime = await reset(
      "--topic",
      "ledger",
      "--to-datetime",
      "2024-01-15T10:00:01.500",
      "--dry-run",
    );
    expect(byTime.out).toEqual([
      "",
      "Warn: Partition 1 from topic ledger is empty. Falling back to latest known offset.",
      "",
      "Warn: Partition 2 from topic ledger is empty. Falling back to latest known offset.",
      "",
      HEADER,
      row("audit", "ledger", 0, 2),
      row("audit", "ledger", 1, 2),
      row("audit", "ledger", 2, 0),
    ]);
    // The same instant in another zone.
    expect(
      (
        await reset(
          "--topic",
          "ledger:0",
          "--to-datetime",
          "2024-01-15T11:00:01.000+01:00",
          "--dry-run",
        )
      ).out,
    ).toEqual(["", HEADER, row("audit", "ledger", 0, 1)]);
    // A duration back from now (the simulation's clock starts at 1970) reaches before every record.
    expect((await reset("--topic", "ledger:0", "--by-duration", "PT1S", "--dry-run")).out).toEqual([
      "",
      HEADER,
      row("audit", "ledger", 0, 0),
    ]);
    expect((await reset("--topic", "ledger:0,2", "--to-current", "--dry-run")).out).toEqual([
      "",
      HEADER,
      row("audit", "ledger", 0, 3),
      row("audit", "ledger", 2, 0),
    ]);

    // --export, and --from-file with the exported plan changed.
    expect((await reset("--all-topics", "--to-earliest", "--export")).out).toEqual([
      "ledger,0,0",
      "ledger,1,0",
      "ledger,2,0",
      "",
    ]);
    const file = await files.open("plan.csv", { create: true });
    file.append(new TextEncoder().encode("ledger,0,2\nledger,2,0\n"));
    await file.close();
    expect((await reset("--from-file", "plan.csv", "--execute")).out).toEqual([
      "",
      HEADER,
      row("audit", "ledger", 0, 2),
      row("audit", "ledger", 2, 0),
    ]);
    expect(await committed()).toEqual(["2", "1", "0"]);
  }, 120_000);

  it("says what is wrong with a reset as Kafka does", async () => {
    const sim = await ledgerCluster(602);
    const run = toolRunner(sim);
    const reset = (...args: string[]) =>
      run(consumerGroupsTool, [
        ...BOOTSTRAP,
        "--reset-offsets",
        "--group",
        "audit",
        "--dry-run",
        ...args,
      ]);

    expect(await reset("--topic", "ledger:7", "--to-earliest")).toEqual({
      exitCode: 0,
      out: [
        "",
        'Error: Executing consumer group command failed due to The partitions "ledger-7" do not exist',
      ],
      err: [
        'org.apache.kafka.common.errors.UnknownTopicOrPartitionException: The partitions "ledger-7" do not exist',
      ],
    });
    expect((await reset("--topic", "ledger", "--to-datetime", "yesterday")).out).toEqual([
      "",
      "Error: Executing consumer group command failed due to Error parsing timestamp. It does not contain a 'T' according to ISO8601 format",
    ]);
    expect((await reset("--topic", "ledger", "--by-duration", "1h")).out[1]).toBe(
      "Error: Executing consumer group command failed due to Text cannot be parsed to a Duration",
    );

    const usage = async (args: string[]) => {
      const result = await reset(...args);
      expect(result.exitCode).toBe(1);
      expect(result.err.length).toBeGreaterThan(10);
      return result.err[0];
    };
    expect(await usage(["--to-earliest"])).toBe(
      "One of the reset scopes should be defined: --all-topics, --topic.",
    );
    expect(await usage(["--topic", "ledger"])).toBe(
      "Option '[reset-offsets]' requires one of the following scenarios: [[to-offset], [shift-by], [to-datetime], [by-duration], [to-earliest], [to-latest], [to-current], [from-file]]",
    );
    expect(await usage(["--topic", "ledger", "--to-earliest", "--to-latest"])).toBe(
      'Option "[to-earliest]" can\'t be used with option "[to-latest]"',
    );
    expect(await usage(["--topic", "ledger:x", "--to-earliest"])).toBe(
      "Invalid partition 'x' specified in topic arg 'ledger:x''",
    );
    expect(await usage(["--execute", "--topic", "ledger", "--to-earliest"])).toBe(
      "Option [reset-offsets] only accepts one of [execute] and [dry-run]",
    );
    // A group that never committed has nothing to shift from.
    const fresh = await run(consumerGroupsTool, [
      ...BOOTSTRAP,
      "--reset-offsets",
      "--group",
      "newcomer",
      "--topic",
      "ledger:0",
      "--shift-by",
      "1",
      "--dry-run",
    ]);
    expect(fresh.err[0]).toBe(
      "Cannot shift offset for partition ledger-0 since there is no current committed offset",
    );
  }, 60_000);
});
