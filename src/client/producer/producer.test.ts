import { Partitioners } from "kafkajs";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { createHotKeyPartitioner } from "./partitioners/hot-key-partitioner.ts";
import { createProducer } from "./producer.ts";
import type { RecordMetadata } from "./producer-types.ts";
import { partitionMetadataOf } from "./record-builder.ts";
import { producerSim, readPartition } from "./testing/producer-sim.ts";

describe("producer against a simulated cluster", () => {
  it("sends with acks=all, 1 and 0, and every record reads back in order", async () => {
    const { sim, cluster, leaders } = await producerSim(31, [
      { name: "orders", partitions: 1, replicationFactor: 3 },
    ]);
    const producer = createProducer(cluster, { idempotent: false });
    await sim.runWhile(producer.connect());
    const send = (acks: number, values: string[]) =>
      sim.runWhile(
        producer.send({ topic: "orders", acks, messages: values.map((value) => ({ value })) }),
      );
    const all = await send(-1, ["a1", "a2", "a3"]);
    expect(all).toEqual<RecordMetadata[]>([
      {
        topicName: "orders",
        partition: 0,
        errorCode: ErrorCode.NONE,
        baseOffset: "0",
        logAppendTime: "-1",
        logStartOffset: "0",
      },
    ]);
    const one = await send(1, ["b1", "b2"]);
    expect(one[0]).toMatchObject({ partition: 0, baseOffset: "3" });
    // acks=0: no answer, so no offset (Kafka reports -1).
    const none = await send(0, ["c1", "c2"]);
    expect(none[0]).toMatchObject({ partition: 0, baseOffset: "-1" });
    await sim.runWhile(producer.send({ topic: "orders", messages: [{ value: "d1" }] }));
    const read = await readPartition(sim, leaders.get("orders")![0]!, "orders", 0);
    expect(read.records.map((record) => record.value)).toEqual([
      "a1",
      "a2",
      "a3",
      "b1",
      "b2",
      "c1",
      "c2",
      "d1",
    ]);
    expect(read.records.map((record) => record.offset)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
    expect(producer.metrics["record-send-total"]).toBe(8);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("puts each key on the partition KafkaJS's JavaCompatiblePartitioner picks", async () => {
    const { sim, cluster, leaders } = await producerSim(32, [
      { name: "users", partitions: 7, replicationFactor: 2 },
    ]);
    const producer = createProducer(cluster, {});
    await sim.runWhile(producer.connect());
    const keys = Array.from({ length: 120 }, (_, i) => `user-${(i * 7919) % 100_000}-${i}`);
    const answers = await sim.runWhile(
      Promise.all(
        keys.map((key) =>
          producer.send({ topic: "users", messages: [{ key, value: `v-${key}` }] }),
        ),
      ),
    );
    const kafkajs = Partitioners.JavaCompatiblePartitioner();
    const partitionMetadata = partitionMetadataOf(cluster.metadata.topics.get("users")!);
    keys.forEach((key, index) => {
      const expected = kafkajs({ topic: "users", partitionMetadata, message: { key, value: "x" } });
      expect(answers[index]![0]!.partition, key).toBe(expected);
    });
    // And the broker has them there.
    const partitionOfFirst = answers[0]![0]!.partition;
    const read = await readPartition(
      sim,
      leaders.get("users")![partitionOfFirst]!,
      "users",
      partitionOfFirst,
    );
    expect(read.records.map((record) => record.key)).toContain(keys[0]);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("batches sends that arrive within linger.ms into one Produce request", async () => {
    const { sim, cluster, leaders } = await producerSim(33, [
      { name: "clicks", partitions: 1, replicationFactor: 3 },
    ]);
    const producer = createProducer(cluster, { "linger.ms": 100 });
    await sim.runWhile(producer.connect());
    const startedAt = sim.scheduler.nowMs();
    const answers = await sim.runWhile(
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          producer.send({ topic: "clicks", messages: [{ value: `c${i}` }] }),
        ),
      ),
    );
    expect(sim.scheduler.nowMs() - startedAt).toBeGreaterThanOrEqual(100);
    expect(answers.map((answer) => answer[0]!.baseOffset)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
    const metrics = producer.metrics;
    expect(metrics["request-total"]).toBe(1);
    expect(metrics["records-per-request-avg"]).toBe(20);
    const read = await readPartition(sim, leaders.get("clicks")![0]!, "clicks", 0);
    expect(read.batches).toHaveLength(1);
    expect(read.batches[0]!.recordsCount).toBe(20);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("sticks keyless records to one partition until batch.size bytes, then switches", async () => {
    const { sim, cluster } = await producerSim(34, [
      { name: "logs", partitions: 3, replicationFactor: 1 },
    ]);
    const producer = createProducer(cluster, { "batch.size": 2000, "linger.ms": 0 });
    await sim.runWhile(producer.connect());
    const value = "x".repeat(200);
    const partitions: number[] = [];
    for (let i = 0; i < 64; i++) {
      const [answer] = await sim.runWhile(producer.send({ topic: "logs", messages: [{ value }] }));
      partitions.push(answer!.partition);
    }
    // Each record goes alone in a batch of 270 bytes (61 header + 209 record): the
    // partition switches once 8 of them (2160 >= 2000 bytes) went to it.
    for (let i = 1; i < partitions.length; i++) {
      if (i % 8 !== 0) expect(partitions[i], `record ${i}`).toBe(partitions[i - 1]);
    }
    expect(new Set(partitions).size).toBeGreaterThan(1);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("compresses with every codec and the records read back the same", async () => {
    const { sim, cluster, leaders } = await producerSim(35, [
      { name: "zipped", partitions: 1, replicationFactor: 1 },
    ]);
    const producer = createProducer(cluster, { "linger.ms": 20 });
    await sim.runWhile(producer.connect());
    const codecs = ["gzip", "snappy", "lz4", "zstd"] as const;
    for (const codec of codecs) {
      const messages = Array.from({ length: 30 }, (_, i) => ({
        key: `${codec}-${i}`,
        value: `${codec} value ${i} `.repeat(10),
        headers: { codec, index: String(i), empty: null },
      }));
      await sim.runWhile(producer.send({ topic: "zipped", compression: codec, messages }));
    }
    const read = await readPartition(sim, leaders.get("zipped")![0]!, "zipped", 0);
    expect(read.batches.map((batch) => batch.compression)).toEqual([...codecs]);
    expect(read.records).toHaveLength(120);
    codecs.forEach((codec, round) => {
      for (let i = 0; i < 30; i++) {
        const record = read.records[round * 30 + i]!;
        expect(record.key).toBe(`${codec}-${i}`);
        expect(record.value).toBe(`${codec} value ${i} `.repeat(10));
        expect(record.headers).toEqual([
          ["codec", codec],
          ["index", String(i)],
          ["empty", null],
        ]);
      }
    });
    // Idempotent batches carry the producer id and consecutive sequences.
    expect(read.batches.every((batch) => batch.producerId >= 0n)).toBe(true);
    expect(read.batches.map((batch) => batch.baseSequence)).toEqual([0, 30, 60, 90]);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("uses a custom partitioner (KafkaJS's createPartitioner) and Kafka's RoundRobinPartitioner by class name", async () => {
    const { sim, cluster } = await producerSim(36, [
      { name: "fruit", partitions: 4, replicationFactor: 1 },
    ]);
    const hotKey = createProducer(cluster, {
      createPartitioner: () => createHotKeyPartitioner({ hotKey: "Banana" }),
    });
    const events: string[] = [];
    hotKey.on("producer.connect", (event) => events.push(event.type));
    hotKey.on("producer.disconnect", (event) => events.push(event.type));
    await sim.runWhile(hotKey.connect());
    const bananas = await sim.runWhile(
      Promise.all(
        [1, 2, 3].map(() =>
          hotKey.send({ topic: "fruit", messages: [{ key: "Banana", value: "b" }] }),
        ),
      ),
    );
    expect(bananas.map((answer) => answer[0]!.partition)).toEqual([3, 3, 3]);
    const others = await sim.runWhile(
      Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          hotKey.send({ topic: "fruit", messages: [{ key: `apple-${i}`, value: "a" }] }),
        ),
      ),
    );
    expect(others.every((answer) => answer[0]!.partition < 3)).toBe(true);
    await expect(
      sim.runWhile(hotKey.send({ topic: "fruit", messages: [{ value: "no key" }] })),
    ).rejects.toThrow(/needs a key/);
    await sim.runWhile(hotKey.disconnect());
    expect(events).toEqual(["producer.connect", "producer.disconnect"]);

    const roundRobin = createProducer(cluster, {
      "partitioner.class": "org.apache.kafka.clients.producer.RoundRobinPartitioner",
      "linger.ms": 10,
    });
    await sim.runWhile(roundRobin.connect());
    const spread = await sim.runWhile(
      roundRobin.send({
        topic: "fruit",
        messages: Array.from({ length: 8 }, () => ({ key: "same", value: "x" })),
      }),
    );
    expect(spread.map((answer) => answer.partition).sort()).toEqual([0, 1, 2, 3]);
    await sim.runWhile(roundRobin.disconnect());
  }, 60_000);
});
