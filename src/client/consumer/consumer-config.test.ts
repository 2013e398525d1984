import { describe, expect, it } from "vitest";
import type { ClientIo } from "../client-io.ts";
import { ClientCluster, ConfigError } from "../cluster/client-cluster.ts";
import { resolveConsumerConfig } from "./consumer-config.ts";
import { createConsumer } from "./consumer.ts";

const idleIo: ClientIo = {
  connect: () => null,
  nowMs: () => 0,
  after: () => {},
  random: () => 0.5,
};
const cluster = () => new ClientCluster({ clientId: "t", brokers: ["h:9092"], io: idleIo });

describe("consumer config", () => {
  it("has Kafka's defaults", () => {
    expect(resolveConsumerConfig({ groupId: "g" })).toMatchObject({
      groupId: "g",
      groupInstanceId: null,
      sessionTimeoutMs: 45_000,
      heartbeatIntervalMs: 3_000,
      maxPollIntervalMs: 300_000,
      rebalanceTimeoutMs: 300_000,
      enableAutoCommit: null,
      autoOffsetReset: "latest",
      fetchMinBytes: 1,
      fetchMaxBytes: 52_428_800,
      fetchMaxWaitMs: 500,
      maxPartitionFetchBytes: 1_048_576,
      maxPollRecords: 500,
      isolationLevel: "read_uncommitted",
      allowAutoCreateTopics: true,
    });
  });

  it("takes KafkaJS's names, and Kafka's Java names over them, numbers as strings too", () => {
    const config = resolveConsumerConfig({
      groupId: "kafkajs",
      "group.id": "java",
      sessionTimeout: 30_000,
      "session.timeout.ms": "20000",
      maxWaitTimeInMs: 5_000,
      minBytes: 10,
      "fetch.min.bytes": 20,
      readUncommitted: false,
      "enable.auto.commit": "false",
      rebalanceTimeout: 60_000,
    });
    expect(config).toMatchObject({
      groupId: "java",
      sessionTimeoutMs: 20_000,
      fetchMaxWaitMs: 5_000,
      fetchMinBytes: 20,
      isolationLevel: "read_committed",
      enableAutoCommit: false,
      // KafkaJS's rebalanceTimeout counts until max.poll.interval.ms is given.
      rebalanceTimeoutMs: 60_000,
    });
    expect(
      resolveConsumerConfig({ rebalanceTimeout: 60_000, "max.poll.interval.ms": 9_000 })
        .rebalanceTimeoutMs,
    ).toBe(9_000);
  });

  it("refuses bad values with Kafka's wording", () => {
    expect(() => resolveConsumerConfig({ "session.timeout.ms": "soon" })).toThrow(
      "Invalid value soon for configuration session.timeout.ms: Not a number of type INT",
    );
    expect(() => resolveConsumerConfig({ "max.poll.records": 0 })).toThrow(
      "Invalid value 0 for configuration max.poll.records: Value must be at least 1",
    );
    expect(() => resolveConsumerConfig({ "auto.offset.reset": "smallest" as "earliest" })).toThrow(
      "String must be one of: latest, earliest, none",
    );
    expect(() => resolveConsumerConfig({ "enable.auto.commit": "yes" })).toThrow(
      "Expected value to be either true or false",
    );
    expect(() =>
      resolveConsumerConfig({ "session.timeout.ms": 6_000, "heartbeat.interval.ms": 6_000 }),
    ).toThrow(ConfigError);
    expect(() => resolveConsumerConfig({ "enable.auto.commit": true })).toThrow(/group.id/);
  });

  it("resolves partition.assignment.strategy when the consumer is built", () => {
    expect(() =>
      createConsumer(cluster(), { groupId: "g", "partition.assignment.strategy": "fancy" }),
    ).toThrow(
      "Invalid value fancy for configuration partition.assignment.strategy: Class fancy could not be found.",
    );
    expect(() =>
      createConsumer(cluster(), {
        groupId: "g",
        partitionAssigners: [
          "range",
          "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
        ],
      }),
    ).not.toThrow();
  });

  it("needs a group.id for subscribe and commits, not for assign", async () => {
    const consumer = createConsumer(cluster(), {});
    await expect(consumer.subscribe({ topic: "t" })).rejects.toThrow(/valid group.id/);
    await expect(
      consumer.commitOffsets([{ topic: "t", partition: 0, offset: "1" }]),
    ).rejects.toThrow(/valid group.id/);
    consumer.assign([{ topic: "t", partition: 0 }]);
    expect(consumer.assignment()).toEqual([{ topic: "t", partition: 0 }]);
    expect(() => consumer.seek({ topic: "t", partition: 0, offset: "-3" })).toThrow(/non-negative/);
    consumer.seek({ topic: "t", partition: 0, offset: "42" });
    expect(consumer.position({ topic: "t", partition: 0 })).toBe("42");
  });

  it("keeps subscribe and assign apart, as Kafka does", async () => {
    const consumer = createConsumer(cluster(), { groupId: "g" });
    consumer.assign([{ topic: "t", partition: 0 }]);
    await expect(consumer.subscribe({ topic: "t" })).rejects.toThrow(
      "Subscription to topics, partitions and pattern are mutually exclusive",
    );
  });
});
