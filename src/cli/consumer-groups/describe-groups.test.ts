import { describe, expect, it } from "vitest";
import { findCoordinator } from "../../client/cluster/find-coordinator.ts";
import { adminOn } from "../../client/admin/testing/admin-fixture.ts";
import {
  consumerOn,
  produceRecords,
  recorder,
  until,
  type Received,
} from "../../client/consumer/testing/consumer-sim.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { BOOTSTRAP, toolRunner } from "../testing/tool-runner.ts";
import { topicsTool } from "../topics/topics.ts";
import { consumerGroupsTool } from "./consumer-groups.ts";

/** A table's row cut into its columns, where the header's words start. */
function cells(header: string, row: string): string[] {
  const starts = [...header.matchAll(/\S+/g)].map((match) => match.index);
  return starts.map((start, index) => row.slice(start, starts[index + 1]).trim());
}

describe("kafka-consumer-groups --describe against a simulated cluster", () => {
  it("shows a running consumer's partitions, offsets and lag, its members and state, then the group once it stopped", async () => {
    const sim = await readyCluster(501);
    const run = toolRunner(sim);
    const groups = (...args: string[]) => run(consumerGroupsTool, [...BOOTSTRAP, ...args]);
    await run(topicsTool, [...BOOTSTRAP, "--create", "--topic", "orders", "--partitions", "3"]);
    await sim.scheduler.runFor(1_000);
    for (let partition = 0; partition < 3; partition++)
      await produceRecords(sim, "orders", partition, ["a", "b", "c", "d"].slice(0, partition + 2));

    const consumer = consumerOn(sim, "member-1", {
      groupId: "g1",
      "session.timeout.ms": 10_000,
      "heartbeat.interval.ms": 1_000,
    });
    const received: Received[] = [];
    await sim.runWhile(consumer.subscribe({ topic: "orders", fromBeginning: true }));
    await consumer.run({ eachMessage: recorder(sim, received) });
    await until(sim, () => received.length >= 9, "every record");
    await sim.scheduler.runFor(6_000); // an auto-commit
    // Two records more in partition 0, which the consumer reads but may not have committed yet.
    const produced = await produceRecords(sim, "orders", 0, ["e"]);
    expect(produced).toBe(2n);

    expect(await groups("--list")).toEqual({ exitCode: 0, out: ["g1"], err: [] });
    expect((await groups("--list", "--state")).out).toEqual([
      `${"GROUP".padEnd(25)} ${"STATE".padEnd(20)}`,
      `${"g1".padEnd(25)} ${"Stable".padEnd(20)}`,
    ]);

    const described = await groups("--describe", "--group", "g1");
    expect(described).toMatchObject({ exitCode: 0, err: [] });
    const [blank, header, ...rows] = described.out;
    expect(blank).toBe("");
    expect(header!.split(/ +/)).toEqual([
      "GROUP",
      "TOPIC",
      "PARTITION",
      "CURRENT-OFFSET",
      "LOG-END-OFFSET",
      "LAG",
      "CONSUMER-ID",
      "HOST",
      "CLIENT-ID",
    ]);
    expect(
      header!.startsWith(`${"GROUP".padEnd(15)} ${"TOPIC".padEnd(15)} ${"PARTITION".padEnd(10)} `),
    ).toBe(true);
    const table = rows.map((row) => cells(header!, row));
    expect(table.map(([group, topic, partition]) => [group, topic, partition])).toEqual([
      ["g1", "orders", "0"],
      ["g1", "orders", "1"],
      ["g1", "orders", "2"],
    ]);
    for (const [, , partition, current, logEnd, lag, consumerId, , clientId] of table) {
      expect(BigInt(logEnd!)).toBe([3n, 3n, 4n][Number(partition)]);
      expect(BigInt(lag!)).toBe(BigInt(logEnd!) - BigInt(current!));
      expect(consumerId).toMatch(/^member-1-/);
      expect(clientId).toBe("member-1");
    }
    // The consumer id column is as wide as the id.
    const consumerId = table[0]![6]!;
    expect(header!.indexOf("HOST") - header!.indexOf("CONSUMER-ID")).toBe(consumerId.length + 1);

    const members = await groups("--describe", "--group", "g1", "--members", "--verbose");
    expect(members.out[0]).toBe("");
    expect(cells(members.out[1]!, members.out[2]!)).toEqual([
      "g1",
      consumerId,
      expect.any(String),
      "member-1",
      "3",
      "-",
      "orders:0,1,2",
      "-",
      "-",
    ]);
    expect(
      members.out[1]!.endsWith(`${"TARGET-EPOCH".padEnd(15)} ${"TARGET-ASSIGNMENT".padEnd(20)}`),
    ).toBe(true);

    const { admin, cluster } = adminOn(sim);
    const coordinator = await sim.runWhile(findCoordinator(cluster, "g1"));
    await admin.disconnect();
    const where = `node-${coordinator.nodeId}:9092  (${coordinator.nodeId})`;
    expect((await groups("--describe", "--group", "g1", "--state")).out).toEqual([
      "",
      `${"GROUP".padEnd(15)} ${"COORDINATOR (ID)".padEnd(25)} ${"ASSIGNMENT-STRATEGY".padEnd(20)} ${"STATE".padEnd(20)} #MEMBERS`,
      `${"g1".padEnd(15)} ${where.padEnd(25)} ${"range".padEnd(20)} ${"Stable".padEnd(20)} 1`,
    ]);

    // An active group's offsets cannot be reset.
    expect(
      await groups(
        "--reset-offsets",
        "--group",
        "g1",
        "--all-topics",
        "--to-earliest",
        "--execute",
      ),
    ).toEqual({
      exitCode: 0,
      out: [
        "",
        "Error: Assignments can only be reset if the group 'g1' is inactive, but the current state is Stable.",
        "",
        `${"GROUP".padEnd(15)} ${"TOPIC".padEnd(15)} ${"PARTITION".padEnd(10)} NEW-OFFSET`,
      ],
      err: [],
    });

    await until(sim, () => received.length >= 10, "the last record");
    await sim.runWhile(consumer.disconnect());
    const stopped = await groups("--describe", "--group", "g1");
    expect(stopped).toEqual({
      exitCode: 0,
      out: [
        "",
        "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID",
        "g1              orders          0          3               3               0               -               -               -",
        "g1              orders          1          3               3               0               -               -               -",
        "g1              orders          2          4               4               0               -               -               -",
      ],
      err: ["", "Consumer group 'g1' has no active members."],
    });
    expect((await groups("--list", "--state", "empty")).out).toEqual([
      `${"GROUP".padEnd(25)} ${"STATE".padEnd(20)}`,
      `${"g1".padEnd(25)} ${"Empty".padEnd(20)}`,
    ]);
    expect((await groups("--list", "--state", "Stable")).out).toEqual([
      `${"GROUP".padEnd(25)} ${"STATE".padEnd(20)}`,
    ]);
    expect(await groups("--describe", "--group", "nobody")).toEqual({
      exitCode: 0,
      out: ["", "Error: Consumer group 'nobody' does not exist."],
      err: [],
    });
  }, 120_000);
});
