import { describe, expect, it } from "vitest";
import { ClientCluster } from "../../../client/cluster/client-cluster.ts";
import { createReadyTopic } from "../../../client/consumer/testing/consumer-sim.ts";
import { simClientIo } from "../../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../../runtime/sim/testing/ready-cluster.ts";
import { ProducerRunner } from "../../playground/producer-runner.ts";
import { defaultProducerSettings, type ProducerSettings } from "../../store/clients-slice.ts";
import { readPartition } from "./log-reader.ts";
import { LogWatch } from "./log-watch.ts";

const BOOTSTRAP = ["node-1:9092", "node-2:9092", "node-3:9092"];

/** Runs a playground producer with `settings` until it has `count` records acknowledged. */
async function produce(sim: SimCluster, id: string, settings: ProducerSettings, count: number) {
  const runner = new ProducerRunner(id, settings, {
    io: simClientIo(sim, id),
    bootstrap: BOOTSTRAP,
    onAcknowledged: () => {},
    onChanged: () => {},
  });
  void runner.start();
  const done = await sim.scheduler.runUntil(() => runner.snapshot().acknowledged >= count, 20_000);
  expect(done).toBe(true);
  await sim.runWhile(runner.stop());
  return runner;
}

describe("reading a partition back for a lesson's check", () => {
  it("returns every record up to the HW with its key, value (null for a tombstone) and producer id", async () => {
    const sim = await readyCluster(71);
    await createReadyTopic(sim, "accounts", 1);
    const base = {
      ...defaultProducerSettings("accounts"),
      ratePerSec: 50,
      keyMode: "fixed" as const,
    };
    await produce(
      sim,
      "plain",
      { ...base, fixedKey: "alice", valueTemplate: "plain #{n}", idempotence: false },
      5,
    );
    await produce(sim, "tombstones", { ...base, fixedKey: "bob", nullValue: true }, 2);
    await produce(sim, "idempotent", { ...base, fixedKey: "carol", valueTemplate: "safe #{n}" }, 3);

    const cluster = new ClientCluster({
      clientId: "reader",
      brokers: BOOTSTRAP,
      io: simClientIo(sim, "reader"),
    });
    const read = await sim.runWhile(readPartition(cluster, "accounts", 0));
    expect(read.logStartOffset).toBe(0);
    expect(read.highWatermark).toBe(read.records.length);
    expect(read.records.map((r) => r.offset)).toEqual(read.records.map((_, i) => i));

    const plain = read.records.filter((r) => r.key === "alice");
    expect(plain.map((r) => r.value).slice(0, 5)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `plain #${n}`),
    );
    expect(plain.every((r) => r.producerId === -1)).toBe(true);

    const tombstones = read.records.filter((r) => r.key === "bob");
    expect(tombstones.length).toBeGreaterThanOrEqual(2);
    expect(tombstones.every((r) => r.value === null)).toBe(true);

    const idempotent = read.records.filter((r) => r.key === "carol");
    expect(idempotent.length).toBeGreaterThanOrEqual(3);
    expect(idempotent[0]!.producerId).toBeGreaterThanOrEqual(0);
    expect(new Set(idempotent.map((r) => r.producerId)).size).toBe(1);

    // From an offset in the middle: nothing before it.
    const tail = await sim.runWhile(readPartition(cluster, "accounts", 0, 3));
    expect(tail.records[0]!.offset).toBe(3);
    expect(tail.records.length).toBe(read.records.length - 3);
    cluster.close();
  }, 60_000);
});

describe("a lesson's log watch", () => {
  it("reads at most once per interval, and keeps the last good read when one fails", async () => {
    let now = 0;
    let reads = 0;
    let failing = false;
    const watch = new LogWatch(
      async () => {
        reads += 1;
        if (failing) throw new Error("leader unreachable");
        return { records: [], logStartOffset: 0, highWatermark: reads };
      },
      () => now,
      1_000,
    );
    expect((await watch.latest())?.highWatermark).toBe(1);
    now = 500;
    expect((await watch.latest())?.highWatermark).toBe(1);
    expect(reads).toBe(1);
    now = 1_000;
    expect((await watch.latest())?.highWatermark).toBe(2);
    failing = true;
    now = 2_000;
    expect((await watch.latest())?.highWatermark).toBe(2);
    expect(reads).toBe(3);
  });

  it("has nothing to show until a read succeeds", async () => {
    const watch = new LogWatch(
      () => Promise.reject(new Error("no leader")),
      () => 0,
    );
    expect(await watch.latest()).toBeNull();
  });
});
