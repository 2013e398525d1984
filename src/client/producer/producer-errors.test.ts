import { describe, expect, it } from "vitest";
import { ConfigError } from "../cluster/client-cluster.ts";
import { createProducer } from "./producer.ts";
import { ProducerError } from "./producer-error.ts";
import { producerSim } from "./testing/producer-sim.ts";

describe("producer errors", () => {
  it("refuses bad sends with clear messages, and keeps working after them", async () => {
    const { sim, cluster } = await producerSim(41, [
      { name: "events", partitions: 2, replicationFactor: 1 },
    ]);
    const producer = createProducer(cluster, { "max.request.size": 1000 });
    await expect(producer.send({ topic: "events", messages: [{ value: "x" }] })).rejects.toThrow(
      "The producer is disconnected: call connect() first",
    );
    await sim.runWhile(producer.connect());
    const attempt = (record: Parameters<typeof producer.send>[0]) =>
      sim.runWhile(producer.send(record));
    await expect(attempt({ topic: "", messages: [] })).rejects.toThrow('Invalid topic: ""');
    await expect(attempt({ topic: "events", messages: "nope" as never })).rejects.toThrow(
      'Invalid messages array [nope] for topic "events"',
    );
    await expect(attempt({ topic: "events", messages: [{ key: "k" } as never] })).rejects.toThrow(
      'Invalid message without value for topic "events": {"key":"k"}',
    );
    await expect(
      attempt({ topic: "events", messages: [{ value: "v", partition: 2 }] }),
    ).rejects.toThrow("Invalid partition given with record: 2 is not in the range [0...2).");
    await expect(
      attempt({ topic: "events", messages: [{ value: "v", timestamp: -5 }] }),
    ).rejects.toThrow("Invalid timestamp: -5. Timestamp should always be non-negative or null.");
    await expect(attempt({ topic: "events", messages: [{ value: 42 as never }] })).rejects.toThrow(
      "value must be a string, a Uint8Array or null, not number",
    );
    await expect(
      attempt({ topic: "events", messages: [{ value: "x".repeat(2000) }] }),
    ).rejects.toThrow(
      /^The message is \d+ bytes when serialized which is larger than 1000, which is the value of the max.request.size configuration.$/,
    );
    await expect(attempt({ topic: "events", acks: 1, messages: [{ value: "v" }] })).rejects.toThrow(
      "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.",
    );
    await expect(attempt({ topic: "events", acks: 2, messages: [{ value: "v" }] })).rejects.toThrow(
      ConfigError,
    );
    await expect(
      attempt({ topic: "events", compression: 9 as never, messages: [{ value: "v" }] }),
    ).rejects.toThrow("Invalid value 9 for configuration compression.type");
    // Nothing of the refused sends was queued; a good one still goes through.
    const [answer] = await attempt({ topic: "events", messages: [{ value: "ok", partition: 1 }] });
    expect(answer).toMatchObject({ partition: 1, baseOffset: "0" });
    expect(() => createProducer(cluster, { transactionalId: "tx" })).toThrow(/not supported/);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("times out waiting for a topic that does not appear within max.block.ms", async () => {
    const { sim, cluster } = await producerSim(42, [], { "auto.create.topics.enable": "false" });
    const producer = createProducer(cluster, { "max.block.ms": 2000 });
    await sim.runWhile(producer.connect());
    const startedAt = sim.scheduler.nowMs();
    const failure = await sim
      .runWhile(producer.send({ topic: "missing", messages: [{ value: "v" }] }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProducerError);
    expect(failure).toMatchObject({
      type: "TimeoutException",
      message: "Topic missing not present in metadata after 2000 ms.",
    });
    expect(sim.scheduler.nowMs() - startedAt).toBeGreaterThanOrEqual(2000);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("creates a missing topic when the broker auto-creates topics", async () => {
    const { sim, cluster } = await producerSim(43, [], {
      "auto.create.topics.enable": "true",
      "num.partitions": "2",
    });
    const producer = createProducer(cluster, {});
    await sim.runWhile(producer.connect());
    const [answer] = await sim.runWhile(
      producer.send({ topic: "fresh", messages: [{ key: "k", value: "v" }] }),
    );
    expect(answer).toMatchObject({ topicName: "fresh", baseOffset: "0" });
    expect(cluster.metadata.topics.get("fresh")?.partitions).toHaveLength(2);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("blocks a send up to max.block.ms when buffer.memory is used up, then fails it", async () => {
    const { sim, cluster, leaders } = await producerSim(44, [
      { name: "slow", partitions: 2, replicationFactor: 1 },
    ]);
    const producer = createProducer(cluster, {
      "buffer.memory": 20_000,
      "max.block.ms": 1000,
      "linger.ms": 0,
      "request.timeout.ms": 10_000,
    });
    await sim.runWhile(producer.connect());
    // The first batch takes 16384 of the 20000 bytes and stays unanswered while the link is cut.
    sim.cut("producer", leaders.get("slow")![0]!);
    const first = producer.send({ topic: "slow", messages: [{ value: "one", partition: 0 }] });
    const firstOutcome = first.then(
      () => "sent",
      (error: unknown) => error,
    );
    const startedAt = sim.scheduler.nowMs();
    const second = await sim
      .runWhile(producer.send({ topic: "slow", messages: [{ value: "two", partition: 1 }] }))
      .catch((error: unknown) => error);
    expect(second).toMatchObject({
      type: "BufferExhaustedException",
      message:
        "Failed to allocate 16384 bytes within the configured max blocking time 1000 ms. Total memory: 20000 bytes. Available memory: 3616 bytes.",
    });
    expect(sim.scheduler.nowMs() - startedAt).toBe(1000);
    // Healed, the first send is retried after its request timed out, and memory frees up.
    sim.cut("producer", leaders.get("slow")![0]!, false);
    expect(await sim.runWhile(firstOutcome)).toBe("sent");
    expect(producer.metrics["buffer-available-bytes"]).toBe(20_000);
    const [third] = await sim.runWhile(
      producer.send({ topic: "slow", messages: [{ value: "three", partition: 1 }] }),
    );
    expect(third).toMatchObject({ partition: 1, baseOffset: "0" });
    await sim.runWhile(producer.disconnect());
  }, 60_000);
});
