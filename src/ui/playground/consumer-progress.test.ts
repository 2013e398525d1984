import { describe, expect, it } from "vitest";
import { createReadyTopic, produceRecords } from "../../client/consumer/testing/consumer-sim.ts";
import { Kafka } from "../../client/kafka.ts";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { defaultConsumerSettings, type ConsumerSettings } from "../store/clients-slice.ts";
import { consumerOptions, ConsumerRunner, subscribedTopics } from "./consumer-runner.ts";

const BOOTSTRAP = ["node-1:9092", "node-2:9092", "node-3:9092"];

function runner(sim: SimCluster, id: string, change: Partial<ConsumerSettings>) {
  const settings = {
    ...defaultConsumerSettings("orders", "readers"),
    sessionTimeoutMs: 6_000,
    ...change,
  };
  const consumer = new ConsumerRunner(id, settings, {
    io: simClientIo(sim, id),
    bootstrap: BOOTSTRAP,
    onConsumed: () => {},
    onRevoked: () => {},
    onChanged: () => {},
  });
  void consumer.start();
  return consumer;
}

const progressOf = (consumer: ConsumerRunner) => consumer.snapshot().progress;
const processed = (consumer: ConsumerRunner) => progressOf(consumer).processedOffsets["orders:0"];
const first = (consumer: ConsumerRunner) => progressOf(consumer).firstOffsets["orders:0"];

/** The group's committed offset on orders-0, as the coordinator has it (-1: none). */
async function committedOffset(sim: SimCluster): Promise<number> {
  const admin = new Kafka({
    clientId: "admin",
    brokers: BOOTSTRAP,
    transport: simClientIo(sim, "admin"),
  }).admin();
  const offsets = await sim.runWhile(admin.fetchOffsets({ groupId: "readers" }));
  await sim.runWhile(admin.disconnect());
  return Number(offsets[0]?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
}

/** Where the group's next member starts reading orders-0. */
async function nextMemberStart(sim: SimCluster): Promise<number> {
  const next = runner(sim, "consumer-next", { processingDelayMs: 0 });
  // The crashed member holds the partition until its session times out.
  const started = await sim.scheduler.runUntil(() => first(next) !== undefined, 30_000);
  expect(started).toBe(true);
  return first(next)!;
}

async function clusterWithRecords(seed: number, count: number): Promise<SimCluster> {
  const sim = await readyCluster(seed);
  await createReadyTopic(sim, "orders", 1);
  const values = Array.from({ length: count }, (_, n) => `record ${n}`);
  await produceRecords(sim, "orders", 0, values);
  return sim;
}

describe("a playground consumer's commits and progress", () => {
  it("with auto commit, a crash between two commits hands processed records to the next member again", async () => {
    const sim = await clusterWithRecords(71, 5);
    const crashing = runner(sim, "consumer-1", { processingDelayMs: 20 });
    // Records keep coming, a few per poll, until the first auto commit
    // (auto.commit.interval.ms = 5 s after the assignment); then for a second more.
    const trickle = async () => {
      await produceRecords(sim, "orders", 0, ["a", "b", "c", "d", "e"]);
      await sim.scheduler.runFor(200);
    };
    for (let round = 0; round < 100 && (await committedOffset(sim)) < 0; round++) await trickle();
    for (let round = 0; round < 5; round++) await trickle();
    const commit = await committedOffset(sim);
    crashing.crash();
    const reachedBeforeCrash = processed(crashing)!;
    expect(commit).toBeGreaterThan(0);
    expect(reachedBeforeCrash).toBeGreaterThan(commit);
    // At least once: the next member starts at the last commit, before where the crash was.
    expect(await nextMemberStart(sim)).toBe(commit);
  });

  it("committing each batch before processing it loses what a crash cuts short", async () => {
    const sim = await clusterWithRecords(72, 40);
    const settings = { processingDelayMs: 500, commitBeforeProcessing: true, autoCommit: true };
    expect(
      consumerOptions({ ...defaultConsumerSettings("orders", "g"), ...settings }),
    ).toMatchObject({ "enable.auto.commit": false });
    const crashing = runner(sim, "consumer-1", settings);
    const started = await sim.scheduler.runUntil(() => (processed(crashing) ?? 0) >= 3, 30_000);
    expect(started).toBe(true);
    crashing.crash();
    const reachedBeforeCrash = processed(crashing)!;
    expect(reachedBeforeCrash).toBeLessThan(40);
    expect(first(crashing)).toBe(0);
    // At most once: the whole batch was committed before its records were processed.
    expect(await committedOffset(sim)).toBe(40);
  });

  it("subscribes to its extra topics too, and counts the partitions an eager rebalance takes back", async () => {
    const sim = await readyCluster(73);
    await createReadyTopic(sim, "orders", 2);
    await createReadyTopic(sim, "payments", 2);
    const change = { assignor: "range" as const, extraTopics: ["payments"] };
    expect(subscribedTopics({ ...defaultConsumerSettings("orders", "g"), ...change })).toEqual([
      "orders",
      "payments",
    ]);
    const alone = runner(sim, "consumer-1", change);
    const ownsAll = await sim.scheduler.runUntil(
      () => alone.snapshot().assigned.length === 4,
      30_000,
    );
    expect(ownsAll).toBe(true);
    expect(new Set(alone.snapshot().assigned.map(({ topic }) => topic))).toEqual(
      new Set(["orders", "payments"]),
    );
    expect(progressOf(alone).revokedPartitions).toBe(0);

    const joining = runner(sim, "consumer-2", change);
    const shared = await sim.scheduler.runUntil(
      () => alone.snapshot().assigned.length === 2 && joining.snapshot().assigned.length === 2,
      30_000,
    );
    expect(shared).toBe(true);
    // Eager: the first member gave up all four before it was handed two back.
    expect(progressOf(alone).revokedPartitions).toBe(4);
    expect(progressOf(joining).revokedPartitions).toBe(0);
  });
});
