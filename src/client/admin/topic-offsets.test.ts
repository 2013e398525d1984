import { describe, expect, it } from "vitest";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { AdminProtocolError } from "./admin-error.ts";
import { adminOn, produceAt } from "./testing/admin-fixture.ts";

describe("admin topic offsets", () => {
  it("reads earliest and latest offsets, finds offsets by timestamp, and deletes records below an offset", async () => {
    const sim = await readyCluster(31);
    const { admin, cluster } = adminOn(sim);
    await sim.runWhile(
      admin.createTopics({ topics: [{ topic: "events", numPartitions: 2, replicationFactor: 3 }] }),
    );
    const empty = await sim.runWhile(admin.fetchTopicOffsets("events"));
    expect(empty).toEqual([
      { partition: 0, offset: "0", high: "0", low: "0" },
      { partition: 1, offset: "0", high: "0", low: "0" },
    ]);

    const base = 1_700_000_000_000;
    // One record per batch: ListOffsets by time here answers a batch's base offset where
    // Kafka answers the first record at or after the time (a log-layer difference, reported).
    const records: [number, string, number][] = [
      [0, "a", base + 1000],
      [0, "b", base + 2000],
      [0, "c", base + 3000],
      [1, "x", base + 1500],
      [1, "y", base + 2500],
    ];
    for (const [partition, value, timestamp] of records) {
      await produceAt(sim, cluster, "events", partition, [value], [timestamp]);
    }
    expect(await sim.runWhile(admin.fetchTopicOffsets("events"))).toEqual([
      { partition: 0, offset: "3", high: "3", low: "0" },
      { partition: 1, offset: "2", high: "2", low: "0" },
    ]);

    // The first offset whose timestamp is at or after the one asked for.
    expect(await sim.runWhile(admin.fetchTopicOffsetsByTimestamp("events", base + 2000))).toEqual([
      { partition: 0, offset: "1" },
      { partition: 1, offset: "1" },
    ]);
    expect(await sim.runWhile(admin.fetchTopicOffsetsByTimestamp("events", base))).toEqual([
      { partition: 0, offset: "0" },
      { partition: 1, offset: "0" },
    ]);
    // Later than every record: the latest offset (KafkaJS's answer).
    expect(await sim.runWhile(admin.fetchTopicOffsetsByTimestamp("events", base + 9000))).toEqual([
      { partition: 0, offset: "3" },
      { partition: 1, offset: "2" },
    ]);

    // Records below offset 2 of partition 0 go; "-1" deletes everything below the high watermark.
    const deleted = await sim.runWhile(
      admin.deleteTopicRecords({
        topic: "events",
        partitions: [
          { partition: 0, offset: "2" },
          { partition: 1, offset: "-1" },
        ],
      }),
    );
    expect(deleted).toEqual([
      { partition: 0, lowWatermark: "2" },
      { partition: 1, lowWatermark: "2" },
    ]);
    expect(await sim.runWhile(admin.fetchTopicOffsets("events"))).toEqual([
      { partition: 0, offset: "3", high: "3", low: "2" },
      { partition: 1, offset: "2", high: "2", low: "2" },
    ]);
    // The leader's log start offset moved: what a consumer reading from the beginning sees.
    const leader = cluster.leaderFor("events", 0)!;
    const inspected = sim
      .node(leader)!
      .inspect()
      .find((p) => p.topic === "events" && p.partition === 0);
    expect(inspected?.logStartOffset).toBe(2n);
  }, 60_000);

  it("names the partition when an offset or a partition is out of range, and the topic when it is unknown", async () => {
    const sim = await readyCluster(32);
    const { admin, cluster } = adminOn(sim);
    await sim.runWhile(admin.createTopics({ topics: [{ topic: "short", numPartitions: 1 }] }));
    await produceAt(sim, cluster, "short", 0, ["only"], [1_700_000_000_000]);

    const beyond = await sim
      .runWhile(
        admin.deleteTopicRecords({ topic: "short", partitions: [{ partition: 0, offset: "10" }] }),
      )
      .catch((error: unknown) => error);
    expect(beyond).toBeInstanceOf(AdminProtocolError);
    expect((beyond as AdminProtocolError).type).toBe("OFFSET_OUT_OF_RANGE");
    expect((beyond as AdminProtocolError).subject).toEqual({ topic: "short", partition: 0 });
    expect((beyond as Error).message).toMatch(/partition short-0/);

    const noSuchPartition = await sim
      .runWhile(
        admin.deleteTopicRecords({ topic: "short", partitions: [{ partition: 7, offset: "0" }] }),
      )
      .catch((error: unknown) => error as AdminProtocolError);
    expect(noSuchPartition).toMatchObject({
      type: "UNKNOWN_TOPIC_OR_PARTITION",
      subject: { topic: "short", partition: 7 },
    });

    for (const read of [
      () => admin.fetchTopicOffsets("ghost"),
      () => admin.fetchTopicOffsetsByTimestamp("ghost", 0),
    ]) {
      const startedAt = sim.scheduler.nowMs();
      const unknown = await sim.runWhile(read()).catch((error: unknown) => error);
      expect(unknown).toMatchObject({
        type: "UNKNOWN_TOPIC_OR_PARTITION",
        subject: { topic: "ghost" },
      });
      expect(sim.scheduler.nowMs() - startedAt).toBeLessThan(2000);
    }
  }, 60_000);
});
