import { describe, expect, it } from "vitest";
import { simClientIo } from "../runtime/sim/sim-client-io.ts";
import { readyCluster } from "../runtime/sim/testing/ready-cluster.ts";
import { ConfigError } from "./cluster/client-cluster.ts";
import { Kafka } from "./kafka.ts";

const text = new TextDecoder();

describe("new Kafka({ clientId, brokers, transport })", () => {
  it("creates a topic, produces keyed records and reads them back in a consumer group, on a one-broker cluster", async () => {
    // One broker: the shell lowers offsets.topic.replication.factor so a group can form.
    const sim = await readyCluster(21, 1);
    const kafka = new Kafka({
      clientId: "front-door",
      brokers: ["node-1:9092"],
      transport: simClientIo(sim, "app"),
    });
    const admin = kafka.admin();
    await sim.runWhile(admin.connect());
    const created = await sim.runWhile(
      admin.createTopics({ topics: [{ topic: "orders", numPartitions: 3, replicationFactor: 1 }] }),
    );
    expect(created).toBe(true);

    const producer = kafka.producer({ "linger.ms": 0 });
    await sim.runWhile(producer.connect());
    const sent = await sim.runWhile(
      producer.send({
        topic: "orders",
        messages: ["a", "b", "c", "d"].map((key) => ({ key, value: `order ${key}` })),
      }),
    );
    expect(sent.every((entry) => entry.errorCode === 0)).toBe(true);

    const consumer = kafka.consumer({ groupId: "billing" });
    await sim.runWhile(consumer.connect());
    await sim.runWhile(consumer.subscribe({ topics: ["orders"], fromBeginning: true }));
    const seen: string[] = [];
    await sim.runWhile(
      consumer.run({
        eachMessage: async ({ message }) => void seen.push(text.decode(message.value!)),
      }),
    );
    const all = await sim.scheduler.runUntil(() => seen.length === 4, 30_000);
    expect(all).toBe(true);
    expect(seen.sort()).toEqual(["order a", "order b", "order c", "order d"]);
    const group = await sim.runWhile(consumer.describeGroup());
    expect(group.state).toBe("Stable");
    await sim.runWhile(consumer.disconnect());
    await sim.runWhile(producer.disconnect());
    await sim.runWhile(admin.disconnect());
  }, 120_000);

  it("refuses a bad bootstrap list when it is built", () => {
    const io = { connect: () => null, nowMs: () => 0, after: () => {}, random: () => 0 };
    expect(() => new Kafka({ brokers: ["nope"], transport: io })).toThrow(ConfigError);
  });
});
