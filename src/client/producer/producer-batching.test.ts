import { describe, expect, it } from "vitest";
import { ManualClock } from "../clock.ts";
import type { ClientIo } from "../client-io.ts";
import { BufferPool } from "./buffer-pool.ts";
import { createProducer } from "./producer.ts";
import { producerSim, readPartition } from "./testing/producer-sim.ts";

function manualIo(): ClientIo {
  const clock = new ManualClock(0);
  return {
    connect: () => null,
    nowMs: () => clock.nowMs(),
    after: () => undefined,
    random: () => 0.5,
  };
}

describe("BufferPool keeps the buffers of finished batch.size batches", () => {
  it("hands a kept buffer to the next batch, and never keeps more than buffer.memory holds", () => {
    const pool = new BufferPool(4096, manualIo(), 1024);
    expect(pool.tryReserve(1024)).toBe(true);
    const first = pool.bufferFor(1024);
    expect(first.length).toBe(1024);
    pool.release(1024, first);
    expect(pool.availableBytes).toBe(4096);
    expect(pool.tryReserve(1024)).toBe(true);
    expect(pool.bufferFor(1024)).toBe(first);
    // A batch larger than batch.size (one big record) gets a buffer of its own, never kept.
    expect(pool.tryReserve(3072)).toBe(true);
    const big = pool.bufferFor(3072);
    expect(big.length).toBe(3072);
    pool.release(3072, big);
    expect(pool.tryReserve(3072)).toBe(true);
    expect(pool.bufferFor(3072)).not.toBe(big);
    // All 4096 bytes reserved: a buffer given back now is kept only within the total.
    pool.release(1024, first);
    expect(pool.tryReserve(1024)).toBe(true);
    expect(pool.bufferFor(1024)).toBe(first);
    pool.release(3072, null);
    pool.release(1024, first);
    expect(pool.availableBytes).toBe(4096);
  });
});

const value = (tag: string, index: number) => `${tag}-${index}`.padEnd(40, ".");

describe("a sendBatch spanning many batches and partitions", () => {
  it("answers the first offset of its records in each partition, with sends interleaved", async () => {
    const { sim, cluster, leaders } = await producerSim(71, [
      { name: "spread", partitions: 3, replicationFactor: 2 },
    ]);
    const producer = createProducer(cluster, { "batch.size": 512, "linger.ms": 2 });
    await sim.runWhile(producer.connect());
    const messagesFor = (tag: string) =>
      Array.from({ length: 90 }, (_, i) => ({ value: value(tag, i), partition: i % 3 }));
    // Two sends in flight at once: their records go into the same batches, in call order.
    const first = producer.sendBatch({
      topicMessages: [{ topic: "spread", messages: messagesFor("a") }],
    });
    const second = producer.sendBatch({
      topicMessages: [{ topic: "spread", messages: messagesFor("b") }],
    });
    const [a, b] = await sim.runWhile(Promise.all([first, second]));
    const byPartition = (answer: typeof a) =>
      Object.fromEntries(answer.map((entry) => [entry.partition, entry.baseOffset]));
    expect(byPartition(a)).toEqual({ 0: "0", 1: "0", 2: "0" });
    expect(byPartition(b)).toEqual({ 0: "30", 1: "30", 2: "30" });
    for (const partition of [0, 1, 2]) {
      const read = await readPartition(
        sim,
        leaders.get("spread")![partition]!,
        "spread",
        partition,
      );
      expect(read.records.map((record) => record.value)).toEqual([
        ...Array.from({ length: 30 }, (_, i) => value("a", i * 3 + partition)),
        ...Array.from({ length: 30 }, (_, i) => value("b", i * 3 + partition)),
      ]);
      // 512-byte batches: the 60 records took several.
      expect(read.batches.length).toBeGreaterThan(2);
    }
    await sim.runWhile(producer.disconnect());
  }, 60_000);
});
