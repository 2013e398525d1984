/**
 * KafkaJS's admin client against three real broker processes: the topic lifecycle a Kafka
 * operator runs (create with configs, list, describe metadata and configs, add partitions,
 * delete) and the errors KafkaJS must see for a bad name and an existing topic.
 */
import { ConfigResourceTypes, ConfigSource, type Admin, type Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProcessCluster } from "../testing/process-cluster.ts";
import { waitForLiveBrokers } from "./testing/cluster-ready.ts";
import { tearDown } from "./testing/tear-down.ts";
import { kafkaFor } from "./testing/kafkajs-client.ts";
import { kafkaErrorTypes } from "./testing/kafkajs-errors.ts";
import { waitUntil } from "./testing/wait-until.ts";

const TOPIC = "orders";
let cluster: ProcessCluster | null = null;
let kafka: Kafka;
let admin: Admin | null = null;

beforeAll(async () => {
  // One static broker config, to see it in DescribeConfigs and as a topic's fallback.
  cluster = await ProcessCluster.start({
    brokers: 3,
    properties: { "message.max.bytes": "2000000" },
  });
  await waitForLiveBrokers(cluster);
  kafka = kafkaFor(cluster, { clientId: "conformance-admin" });
  admin = kafka.admin();
  await admin.connect();
}, 60_000);

afterAll(async () => {
  await tearDown(cluster);
  await admin?.disconnect().catch(() => {});
}, 30_000);

describe("KafkaJS admin against a three-broker process cluster", () => {
  it("creates a topic with 3 partitions, replication factor 3 and configs; lists it", async () => {
    const created = await admin!.createTopics({
      topics: [
        {
          topic: TOPIC,
          numPartitions: 3,
          replicationFactor: 3,
          configEntries: [
            { name: "min.insync.replicas", value: "2" },
            { name: "retention.ms", value: "3600000" },
          ],
        },
      ],
    });
    expect(created).toBe(true);
    expect(await admin!.listTopics()).toContain(TOPIC);
  });

  it("describes leaders, replicas and ISR for every partition", async () => {
    // createTopics waited for leaders; the ISR is complete once every follower has caught up.
    const partitions = await waitUntil("a full ISR on every partition", async () => {
      const { topics } = await admin!.fetchTopicMetadata({ topics: [TOPIC] });
      const found = topics[0]!.partitions;
      return found.every((partition) => partition.isr.length === 3) ? found : undefined;
    });
    expect(partitions.map((partition) => partition.partitionId).sort()).toEqual([0, 1, 2]);
    for (const partition of partitions) {
      expect(partition.partitionErrorCode).toBe(0);
      expect([...partition.replicas].sort()).toEqual([1, 2, 3]);
      expect([...partition.isr].sort()).toEqual([1, 2, 3]);
      expect(partition.replicas).toContain(partition.leader);
      // The first replica is the preferred leader, and a fresh topic is led by it.
      expect(partition.leader).toBe(partition.replicas[0]);
    }
    // Striped placement: each broker leads one of the three partitions.
    expect(new Set(partitions.map((partition) => partition.leader)).size).toBe(3);
  });

  it("describes the topic's configs: the ones set at creation and Kafka's defaults", async () => {
    const { resources } = await admin!.describeConfigs({
      resources: [{ type: ConfigResourceTypes.TOPIC, name: TOPIC }],
      includeSynonyms: false,
    });
    expect(resources).toHaveLength(1);
    const [resource] = resources;
    expect(resource!.errorCode).toBe(0);
    expect(resource!.resourceName).toBe(TOPIC);
    const entry = (name: string) =>
      resource!.configEntries.find((config) => config.configName === name);

    expect(entry("min.insync.replicas")).toMatchObject({
      configValue: "2",
      isDefault: false,
      configSource: ConfigSource.TOPIC_CONFIG,
    });
    expect(entry("retention.ms")).toMatchObject({
      configValue: "3600000",
      configSource: ConfigSource.TOPIC_CONFIG,
    });
    expect(entry("cleanup.policy")).toMatchObject({ configValue: "delete", isDefault: true });
    expect(entry("segment.bytes")?.configValue).toBe("1073741824");
  });

  it("describes only the config names asked for", async () => {
    const { resources } = await admin!.describeConfigs({
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: TOPIC, configNames: ["min.insync.replicas"] },
      ],
      includeSynonyms: false,
    });
    expect(resources[0]!.configEntries.map((config) => config.configName)).toEqual([
      "min.insync.replicas",
    ]);
  });

  it("adds partitions with createPartitions", async () => {
    await admin!.createPartitions({ topicPartitions: [{ topic: TOPIC, count: 5 }] });
    const partitions = await waitUntil("leaders for the new partitions", async () => {
      const { topics } = await admin!.fetchTopicMetadata({ topics: [TOPIC] });
      const found = topics[0]!.partitions;
      return found.length === 5 && found.every((partition) => partition.leader >= 0)
        ? found
        : undefined;
    });
    expect(partitions.map((partition) => partition.partitionId).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const partition of partitions) expect(partition.replicas).toHaveLength(3);
  });

  it("refuses to shrink a topic's partition count with INVALID_PARTITIONS", async () => {
    expect(
      await kafkaErrorTypes(
        admin!.createPartitions({ topicPartitions: [{ topic: TOPIC, count: 2 }] }),
      ),
    ).toEqual(["INVALID_PARTITIONS"]);
  });

  it("answers a duplicate topic with TOPIC_ALREADY_EXISTS, which KafkaJS reports as false", async () => {
    // KafkaJS's createTopics turns an all-TOPIC_ALREADY_EXISTS answer into `false`.
    expect(await admin!.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }] })).toBe(false);
    // With an invalid name in the same request KafkaJS throws, naming both errors.
    const types = await kafkaErrorTypes(
      admin!.createTopics({
        topics: [
          { topic: TOPIC, numPartitions: 1 },
          { topic: "bad name!", numPartitions: 1 },
        ],
      }),
    );
    expect(types.sort()).toEqual(["INVALID_TOPIC_EXCEPTION", "TOPIC_ALREADY_EXISTS"]);
  });

  it("answers invalid topic names with INVALID_TOPIC_EXCEPTION", async () => {
    for (const name of ["bad name!", "..", "x".repeat(250)]) {
      expect(
        await kafkaErrorTypes(admin!.createTopics({ topics: [{ topic: name }] })),
        name,
      ).toEqual(["INVALID_TOPIC_EXCEPTION"]);
    }
    expect(await admin!.listTopics()).toEqual([TOPIC]);
  });

  it("answers a replication factor above the broker count with INVALID_REPLICATION_FACTOR", async () => {
    expect(
      await kafkaErrorTypes(
        admin!.createTopics({
          topics: [{ topic: "too-wide", numPartitions: 1, replicationFactor: 4 }],
        }),
      ),
    ).toEqual(["INVALID_REPLICATION_FACTOR"]);
  });

  it("answers a bad or unknown topic config with INVALID_CONFIG", async () => {
    for (const entry of [
      { name: "cleanup.policy", value: "sometimes" },
      { name: "min.insync.replicas", value: "two" },
      { name: "no.such.config", value: "1" },
    ]) {
      expect(
        await kafkaErrorTypes(
          admin!.createTopics({ topics: [{ topic: "badly-configured", configEntries: [entry] }] }),
        ),
        entry.name,
      ).toEqual(["INVALID_CONFIG"]);
    }
  });

  it("creates nothing when asked to validate only", async () => {
    // KafkaJS would wait for the leaders of the topic that was not created: tell it not to.
    const request = {
      validateOnly: true,
      waitForLeaders: false,
      topics: [{ topic: "dry-run", numPartitions: 2 }],
    };
    expect(await admin!.createTopics(request)).toBe(true);
    expect(await admin!.listTopics()).not.toContain("dry-run");
  });

  it("describes a broker's configs with their synonyms: server.properties over Kafka's defaults", async () => {
    const { resources } = await admin!.describeConfigs({
      resources: [
        {
          type: ConfigResourceTypes.BROKER,
          name: "2",
          configNames: ["message.max.bytes", "broker.session.timeout.ms"],
        },
      ],
      includeSynonyms: true,
    });
    expect(resources[0]!.errorCode).toBe(0);
    const entries = new Map(resources[0]!.configEntries.map((entry) => [entry.configName, entry]));
    expect(entries.get("message.max.bytes")).toMatchObject({
      configValue: "2000000",
      isDefault: false,
      configSource: ConfigSource.STATIC_BROKER_CONFIG,
      configSynonyms: [
        {
          configName: "message.max.bytes",
          configValue: "2000000",
          configSource: ConfigSource.STATIC_BROKER_CONFIG,
        },
        {
          configName: "message.max.bytes",
          configValue: "1048588",
          configSource: ConfigSource.DEFAULT_CONFIG,
        },
      ],
    });
    expect(entries.get("broker.session.timeout.ms")).toMatchObject({
      configValue: "9000",
      isDefault: true,
      readOnly: true,
      configSource: ConfigSource.DEFAULT_CONFIG,
    });
  });

  it("gives a topic without its own max.message.bytes the broker's message.max.bytes", async () => {
    const { resources } = await admin!.describeConfigs({
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: TOPIC, configNames: ["max.message.bytes"] },
      ],
      includeSynonyms: false,
    });
    expect(resources[0]!.configEntries).toMatchObject([
      {
        configName: "max.message.bytes",
        configValue: "2000000",
        configSource: ConfigSource.STATIC_BROKER_CONFIG,
      },
    ]);
  });

  it("describes the cluster: every broker and a controller among them", async () => {
    const { brokers, controller, clusterId } = await admin!.describeCluster();
    expect(brokers.map((broker) => broker.nodeId).sort()).toEqual([1, 2, 3]);
    for (const broker of brokers) expect(broker.port).toBe(cluster!.endpoint(broker.nodeId).port);
    expect([1, 2, 3]).toContain(controller);
    expect(clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("deletes the topic", async () => {
    // KafkaJS retries UNKNOWN_TOPIC_OR_PARTITION before it gives up with it: no retries here.
    const impatient = kafka.admin({ retry: { retries: 0 } });
    await impatient.connect();
    try {
      expect(await kafkaErrorTypes(impatient.deleteTopics({ topics: ["never-created"] }))).toEqual([
        "UNKNOWN_TOPIC_OR_PARTITION",
      ]);
    } finally {
      await impatient.disconnect();
    }
    await admin!.deleteTopics({ topics: [TOPIC], timeout: 10_000 });
    // As in Kafka, the controller answers once the removal is committed; each broker drops
    // the topic when it replays that record, a moment later.
    await waitUntil("every broker to forget the topic", async () =>
      (await admin!.listTopics()).includes(TOPIC) ? undefined : true,
    );
    expect(await kafkaErrorTypes(admin!.fetchTopicMetadata({ topics: [TOPIC] }))).toEqual([
      "UNKNOWN_TOPIC_OR_PARTITION",
    ]);
  });
});
