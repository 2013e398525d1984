import { describe, expect, it } from "vitest";
import { createReadyTopic } from "../../client/consumer/testing/consumer-sim.ts";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { initialClusterSlice } from "../store/cluster-slice.ts";
import { defaultConsumerSettings, defaultProducerSettings } from "../store/clients-slice.ts";
import { leaderOffsets } from "../store/topics-slice.ts";
import { ConsumerRunner } from "./consumer-runner.ts";
import { ProducerRunner } from "./producer-runner.ts";
import { reduceTelemetry } from "./telemetry-reducer.ts";
import { TimelineDedupe } from "./timeline-dedupe.ts";

const BOOTSTRAP = ["node-1:9092", "node-2:9092", "node-3:9092"];

function producerOn(sim: SimCluster, ratePerSec: number, acknowledged: Map<number, number>) {
  return new ProducerRunner(
    "producer-1",
    { ...defaultProducerSettings("orders"), ratePerSec },
    {
      io: simClientIo(sim, "producer-1"),
      bootstrap: BOOTSTRAP,
      onAcknowledged: (_topic, partition) =>
        acknowledged.set(partition, (acknowledged.get(partition) ?? 0) + 1),
      onChanged: () => {},
    },
  );
}

function consumerOn(sim: SimCluster, id: string, consumed: string[]) {
  const settings = { ...defaultConsumerSettings("orders", "readers"), sessionTimeoutMs: 6_000 };
  return new ConsumerRunner(id, settings, {
    io: simClientIo(sim, id),
    bootstrap: BOOTSTRAP,
    onConsumed: (_topic, partition, offset) => consumed.push(`${partition}@${offset}`),
    onRevoked: () => {},
    onChanged: () => {},
  });
}

const assignedOf = (runner: ConsumerRunner) =>
  runner.snapshot().assigned.map(({ partition }) => partition);

describe("the playground's producers and consumers on a real cluster", () => {
  it("sends at the producer's rate, and the brokers' telemetry shows every acknowledged record", async () => {
    const sim = await readyCluster(61);
    await createReadyTopic(sim, "orders", 3);
    const acknowledged = new Map<number, number>();
    const producer = producerOn(sim, 200, acknowledged);
    void producer.start();
    await sim.scheduler.runFor(3_000);
    await sim.runWhile(producer.stop());
    await sim.scheduler.runFor(500);

    const counters = producer.snapshot();
    expect(counters.failed).toBe(0);
    expect(counters.acknowledged).toBe(counters.sent);
    // 200 records/s for about 3 s of node time (connecting takes a moment).
    expect(counters.sent).toBeGreaterThan(500);
    expect(counters.sent).toBeLessThanOrEqual(600);

    const state = { ...initialClusterSlice(), topics: {}, groups: {} };
    const { state: folded } = reduceTelemetry(
      state,
      sim.telemetry,
      sim.scheduler.nowMs(),
      new TimelineDedupe(),
    );
    const partitions = folded.topics.orders!.partitions;
    expect(partitions).toHaveLength(3);
    for (const partition of partitions) {
      expect(leaderOffsets(partition)).toMatchObject({
        leo: acknowledged.get(partition.partition) ?? 0,
        hw: acknowledged.get(partition.partition) ?? 0,
      });
      expect(partition.isr.length).toBe(3);
    }
  });

  it("splits the partitions between two consumers, and gives a crashed one's to the other after its session times out", async () => {
    const sim = await readyCluster(62);
    await createReadyTopic(sim, "orders", 3);
    const producer = producerOn(sim, 50, new Map());
    void producer.start();
    const consumed: string[] = [];
    const first = consumerOn(sim, "consumer-1", consumed);
    const second = consumerOn(sim, "consumer-2", consumed);
    void first.start();
    void second.start();
    const split = await sim.scheduler.runUntil(
      () =>
        assignedOf(first).length + assignedOf(second).length === 3 && assignedOf(second).length > 0,
      30_000,
    );
    expect(split).toBe(true);
    expect([...assignedOf(first), ...assignedOf(second)].sort()).toEqual([0, 1, 2]);

    second.crash();
    expect(second.snapshot().status).toBe("crashed");
    // Nothing tells the coordinator: until session.timeout.ms (6 s) passes, the first keeps its share.
    await sim.scheduler.runFor(3_000);
    expect(assignedOf(first).length).toBeLessThan(3);
    const tookOver = await sim.scheduler.runUntil(() => assignedOf(first).length === 3, 20_000);
    expect(tookOver).toBe(true);

    await sim.runWhile(producer.stop());
    const sent = producer.snapshot().acknowledged;
    const caughtUp = await sim.scheduler.runUntil(() => new Set(consumed).size >= sent, 20_000);
    expect(caughtUp).toBe(true);
    await sim.runWhile(first.close());
    expect(first.snapshot().status).toBe("closed");
  });
});
