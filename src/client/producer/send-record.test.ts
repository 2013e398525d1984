import { describe, expect, it } from "vitest";
import { createProducer } from "./producer.ts";
import type { SentRecordMetadata } from "./producer-types.ts";
import { producerSim, readPartition } from "./testing/producer-sim.ts";

interface Answer {
  error: Error | null;
  metadata: SentRecordMetadata | null;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("sendRecord: Java's send(record, callback)", () => {
  it("calls back once per record with its offset, in order, and copies the value before returning", async () => {
    const { sim, cluster, leaders } = await producerSim(61, [
      { name: "events", partitions: 2, replicationFactor: 2 },
    ]);
    const producer = createProducer(cluster, { "linger.ms": 5, "batch.size": 256 });
    await sim.runWhile(producer.connect());
    const answers: Answer[][] = [[], []];
    // One buffer for every record, refilled after each send, as kafka-producer-perf-test does:
    // a record is copied into its batch by the time sendRecord returns null (or its promise
    // resolves, the first time, while the producer learns the topic's partitions).
    const value = new Uint8Array(3);
    let waited = 0;
    for (let index = 0; index < 40; index++) {
      value.set(bytes(String(index).padStart(3, "0")));
      const partition = index % 2;
      const queued = producer.sendRecord(
        { topic: "events", partition, value, timestamp: 1_700_000_000_000 + index },
        (error, metadata) => answers[partition]!.push({ error, metadata }),
      );
      if (queued !== null) {
        waited++;
        await sim.runWhile(queued);
      }
    }
    expect(waited).toBe(1);
    await sim.runWhile(producer.flush());
    for (const partition of [0, 1]) {
      const got = answers[partition]!;
      expect(got).toHaveLength(20);
      expect(got.every((answer) => answer.error === null)).toBe(true);
      expect(got.map((answer) => answer.metadata!.offset)).toEqual(
        Array.from({ length: 20 }, (_, i) => BigInt(i)),
      );
      expect(got.every((answer) => answer.metadata!.partition === partition)).toBe(true);
      expect(got[0]!.metadata!.topic).toBe("events");
      expect(got[0]!.metadata!.acknowledgedAtMs).toBeGreaterThan(0);
      const read = await readPartition(
        sim,
        leaders.get("events")![partition]!,
        "events",
        partition,
      );
      expect(read.records.map((record) => record.value)).toEqual(
        Array.from({ length: 20 }, (_, i) => String(i * 2 + partition).padStart(3, "0")),
      );
      // Small batches: the 20 records went in several of them, each answered on its own.
      expect(read.batches.length).toBeGreaterThan(1);
    }
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("reports every failure through the callback, never by throwing", async () => {
    const { sim, cluster } = await producerSim(62, [
      { name: "events", partitions: 1, replicationFactor: 1 },
    ]);
    const producer = createProducer(cluster, {});
    const answers: Answer[] = [];
    const callback = (error: Error | null, metadata: SentRecordMetadata | null) =>
      answers.push({ error, metadata });
    // Not connected yet, then no topic: refused at once.
    expect(producer.sendRecord({ topic: "events", value: "x" }, callback)).toBeNull();
    await sim.runWhile(producer.connect());
    expect(producer.sendRecord({ topic: "", value: "x" }, callback)).toBeNull();
    // Checked once the topic's partitions are known: the first send to it waits for them.
    const waiting = producer.sendRecord({ topic: "events", value: "x", partition: 5 }, callback);
    expect(waiting).not.toBeNull();
    await sim.runWhile(waiting!);
    const late = producer.sendRecord({ topic: "events", value: "x", timestamp: -4 }, callback);
    if (late !== null) await sim.runWhile(late);
    expect(answers.map((answer) => answer.error?.message)).toEqual([
      "The producer is disconnected: call connect() first",
      'Invalid topic: ""',
      "Invalid partition given with record: 5 is not in the range [0...1).",
      "Invalid timestamp: -4. Timestamp should always be non-negative or null.",
    ]);
    expect(answers.every((answer) => answer.metadata === null)).toBe(true);
    // A callback that throws does not stop the producer or the other callbacks.
    let after = 0;
    producer.sendRecord({ topic: "events", value: "a" }, () => {
      throw new Error("the caller's own bug");
    });
    producer.sendRecord({ topic: "events", value: "b" }, (error) => {
      if (error === null) after++;
    });
    await sim.runWhile(producer.flush());
    expect(after).toBe(1);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("returns a promise while the record waits for its topic or for buffer memory, and keeps order", async () => {
    const { sim, cluster, leaders } = await producerSim(63, [
      { name: "events", partitions: 1, replicationFactor: 1 },
    ]);
    // Room for two batches of 128 bytes: the third must wait for the first to be done.
    const producer = createProducer(cluster, {
      "batch.size": 128,
      "buffer.memory": 256,
      "linger.ms": 0,
      idempotent: false,
      acks: 1,
    });
    await sim.runWhile(producer.connect());
    const offsets: bigint[] = [];
    const waits: Promise<void>[] = [];
    // The first record of a topic waits for its metadata.
    for (let index = 0; index < 12; index++) {
      const queued = producer.sendRecord(
        { topic: "events", value: new Uint8Array(40).fill(index) },
        (error, metadata) => {
          expect(error).toBeNull();
          offsets.push(metadata!.offset);
        },
      );
      if (queued !== null) waits.push(queued);
    }
    expect(waits.length).toBeGreaterThan(0);
    await sim.runWhile(Promise.all(waits));
    await sim.runWhile(producer.flush());
    expect(offsets).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i)));
    const read = await readPartition(sim, leaders.get("events")![0]!, "events", 0);
    expect(read.records).toHaveLength(12);
    await sim.runWhile(producer.disconnect());
  }, 60_000);
});
