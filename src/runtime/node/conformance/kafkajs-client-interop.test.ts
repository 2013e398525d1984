/**
 * Our client and KafkaJS against the same three real broker processes, each reading what
 * the other wrote: offsets committed by a KafkaJS consumer group are where our consumer of
 * that group starts, and the other way round; and for the same keys our producer and
 * KafkaJS's Java-compatible partitioner choose the same partitions.
 */
import { Partitioners, type Admin, type Kafka as KafkaJs } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kafka } from "../../../client/kafka.ts";
import { nodeClientIo } from "../node-client-io.ts";
import { ProcessCluster } from "../testing/process-cluster.ts";
import { waitForLiveBrokers } from "./testing/cluster-ready.ts";
import { kafkaFor } from "./testing/kafkajs-client.ts";
import { tearDown } from "./testing/tear-down.ts";
import { waitUntil } from "./testing/wait-until.ts";

const TOPIC = "interop";
const PARTITIONS = 6;

let cluster: ProcessCluster | null = null;
let kafkajs: KafkaJs;
let ours: Kafka;
let admin: Admin | null = null;

beforeAll(async () => {
  cluster = await ProcessCluster.start({
    brokers: 3,
    properties: { "group.initial.rebalance.delay.ms": "0" },
  });
  await waitForLiveBrokers(cluster);
  kafkajs = kafkaFor(cluster, { clientId: "interop-kafkajs" });
  ours = new Kafka({
    clientId: "interop-ours",
    brokers: cluster.bootstrapServers.split(","),
    transport: nodeClientIo(),
  });
  admin = kafkajs.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 3 }],
  });
}, 60_000);

afterAll(async () => {
  await admin?.disconnect().catch(() => {});
  await tearDown(cluster);
}, 30_000);

const keys = Array.from({ length: 200 }, (_, index) => `customer-${index * 7919}`);

describe("our client and KafkaJS on one cluster", () => {
  it("put every key in the same partition: our default partitioner and KafkaJS's JavaCompatiblePartitioner", async () => {
    const producer = ours.producer({ acks: "all" });
    await producer.connect();
    const ourPartitions = new Map<string, number>();
    for (const key of keys) {
      const [sent] = await producer.send({ topic: TOPIC, messages: [{ key, value: "ours" }] });
      ourPartitions.set(key, sent!.partition);
    }
    await producer.disconnect();

    const theirs = kafkajs.producer({ createPartitioner: Partitioners.JavaCompatiblePartitioner });
    await theirs.connect();
    for (const key of keys) {
      const [sent] = await theirs.send({ topic: TOPIC, messages: [{ key, value: "kafkajs" }] });
      expect(sent!.partition, `key ${key}`).toBe(ourPartitions.get(key));
    }
    await theirs.disconnect();
    // The keys spread over every partition, so the comparison covered them all.
    expect(new Set(ourPartitions.values()).size).toBe(PARTITIONS);
  }, 60_000);

  it("read each other's committed offsets", async () => {
    const committedByKafkaJs = [
      { partition: 0, offset: "5" },
      { partition: 3, offset: "11" },
    ];
    const theirConsumer = kafkajs.consumer({ groupId: "interop-a" });
    await theirConsumer.connect();
    await theirConsumer.subscribe({ topics: [TOPIC] });
    await theirConsumer.run({ autoCommit: false, eachMessage: async () => {} });
    await waitUntil("KafkaJS commits", async () => {
      await theirConsumer.commitOffsets(
        committedByKafkaJs.map((entry) => ({ topic: TOPIC, ...entry })),
      );
      return true;
    });
    await theirConsumer.disconnect();

    const ourReader = ours.consumer({ groupId: "interop-a" });
    await ourReader.connect();
    const seenByUs = await ourReader.committed(
      committedByKafkaJs.map(({ partition }) => ({ topic: TOPIC, partition })),
    );
    expect(seenByUs.map(({ partition, offset }) => ({ partition, offset }))).toEqual(
      committedByKafkaJs,
    );
    await ourReader.disconnect();

    const ourConsumer = ours.consumer({ groupId: "interop-b" });
    await ourConsumer.connect();
    await ourConsumer.subscribe({ topics: [TOPIC] });
    await ourConsumer.run({ autoCommit: false, eachMessage: async () => {} });
    await waitUntil("our commit", async () => {
      await ourConsumer.commitOffsets([{ topic: TOPIC, partition: 2, offset: "17" }]);
      return true;
    });
    await ourConsumer.disconnect();
    const fetched = await admin!.fetchOffsets({ groupId: "interop-b", topics: [TOPIC] });
    const partitionTwo = fetched[0]!.partitions.find((entry) => entry.partition === 2);
    expect(partitionTwo?.offset).toBe("17");
  }, 90_000);
});
