/**
 * A KafkaJS producer (acks=-1) against three real broker processes, read back with plain
 * Fetch requests, twice: by our own client connection and by KafkaJS's own Fetch decoder.
 * Keys, values (a tombstone included), headers and offsets must come back as sent, and the
 * offsets the producer was told must be where the records are.
 */
import {
  CompressionTypes,
  type Admin,
  type Kafka,
  type Message,
  type Producer,
  type RecordMetadata,
} from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProcessCluster } from "../testing/process-cluster.ts";
import { waitForLiveBrokers } from "./testing/cluster-ready.ts";
import { tearDown } from "./testing/tear-down.ts";
import { KafkaJsFetcher } from "./testing/kafkajs-fetch.ts";
import { kafkaFor } from "./testing/kafkajs-client.ts";
import { partitionState } from "./testing/partition-state.ts";
import { readPartition, type FetchedRecord } from "./testing/partition-reader.ts";
import { waitUntil } from "./testing/wait-until.ts";

const TOPIC = "events";
const PARTITIONS = 3;

let cluster: ProcessCluster | null = null;
let kafka: Kafka;
let admin: Admin | null = null;
let producer: Producer | null = null;
let fetcher: KafkaJsFetcher | null = null;

beforeAll(async () => {
  cluster = await ProcessCluster.start({ brokers: 3 });
  await waitForLiveBrokers(cluster);
  kafka = kafkaFor(cluster, { clientId: "conformance-producer" });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 3 }],
  });
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
}, 60_000);

afterAll(async () => {
  await tearDown(cluster);
  await fetcher?.disconnect().catch(() => {});
  await producer?.disconnect().catch(() => {});
  await admin?.disconnect().catch(() => {});
}, 30_000);

/** One producer.send: its messages in order, and what the broker answered per partition. */
interface Send {
  messages: Message[];
  acknowledged: RecordMetadata[];
}

const ROUNDS = 4;
const MESSAGES_PER_ROUND = 10;

function messageNumber(index: number): Message {
  return {
    key: index % 7 === 6 ? null : `customer-${index % 5}`,
    // Every tenth is a tombstone: a null value, as a compacted topic's delete marker.
    value: index % 10 === 9 ? null : `order ${index}: ${"x".repeat(index % 4)}`,
    headers: {
      "trace-id": `trace-${index}`,
      source: "conformance",
      ...(index % 3 === 0 ? { empty: "" } : {}),
    },
  };
}

const text = (value: Message["value"] | Message["key"]): string | null =>
  value === null || value === undefined ? null : value.toString();

const traceOf = (message: Message): string => String(message.headers!["trace-id"]);

/** The headers as strings, for comparing a sent message with a fetched record. */
function sentHeaders(message: Message): Record<string, string> {
  return Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([key, value]) => [key, String(value)]),
  );
}

describe("a KafkaJS producer, read back with plain Fetch", () => {
  const sends: Send[] = [];
  const allSent = () => sends.flatMap((send) => send.messages);

  it("sends keyed messages with headers with acks=-1, in several requests", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const messages = Array.from({ length: MESSAGES_PER_ROUND }, (_, index) =>
        messageNumber(round * MESSAGES_PER_ROUND + index),
      );
      // One message to an explicit partition per round, the rest by KafkaJS's murmur2 partitioner.
      messages[0] = { ...messages[0]!, partition: round % PARTITIONS };
      const acknowledged = await producer!.send({ topic: TOPIC, acks: -1, messages });
      for (const entry of acknowledged) {
        expect(entry).toMatchObject({ topicName: TOPIC, errorCode: 0 });
      }
      sends.push({ messages, acknowledged });
    }
    expect(allSent()).toHaveLength(ROUNDS * MESSAGES_PER_ROUND);
  });

  it("stores every message once, with its key, value, headers and consecutive offsets", async () => {
    const byPartition = new Map<number, FetchedRecord[]>();
    for (let partition = 0; partition < PARTITIONS; partition++) {
      const { leader } = await partitionState(admin!, TOPIC, partition);
      const contents = await readPartition(cluster!.endpoint(leader), TOPIC, partition);
      expect(contents.logStartOffset).toBe(0n);
      expect(contents.highWatermark).toBe(BigInt(contents.records.length));
      expect(contents.records.map((record) => record.offset)).toEqual(
        contents.records.map((_, index) => BigInt(index)),
      );
      byPartition.set(partition, contents.records);
    }
    const partitionOf = new Map<string, number>();
    for (const [partition, records] of byPartition) {
      for (const record of records) partitionOf.set(record.headers["trace-id"]!, partition);
    }
    const all = [...byPartition.values()].flat();
    expect(all).toHaveLength(allSent().length);

    // Match each sent message to its record by its unique trace id.
    const byTrace = new Map(all.map((record) => [record.headers["trace-id"], record]));
    for (const message of allSent()) {
      const record = byTrace.get(traceOf(message));
      expect(record, traceOf(message)).toBeDefined();
      expect(record!.key).toBe(text(message.key));
      expect(record!.value).toBe(text(message.value));
      expect(record!.headers).toEqual(sentHeaders(message));
      // A non-idempotent producer writes no producer id (KafkaJS leaves its base sequence 0, not -1).
      expect(record!.producerId).toBe(-1n);
      expect(record!.compression).toBe("none");
      if (message.partition !== undefined)
        expect(partitionOf.get(traceOf(message))).toBe(message.partition);
    }

    // Within a partition, records are in the order they were sent.
    for (const records of byPartition.values()) {
      const order = records.map((record) =>
        Number(record.headers["trace-id"]!.slice("trace-".length)),
      );
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }

    // Each send was acknowledged once per partition it wrote to, with the offset of its
    // first record there.
    for (const { messages, acknowledged } of sends) {
      const firstOffsets = new Map<number, bigint>();
      for (const message of messages) {
        const partition = partitionOf.get(traceOf(message))!;
        const offset = byTrace.get(traceOf(message))!.offset;
        if (!firstOffsets.has(partition) || offset < firstOffsets.get(partition)!) {
          firstOffsets.set(partition, offset);
        }
      }
      expect(
        new Map(acknowledged.map((entry) => [entry.partition, BigInt(entry.baseOffset!)])),
      ).toEqual(firstOffsets);
    }
  });

  it("serves the same records to KafkaJS's own Fetch decoder", async () => {
    fetcher = await KafkaJsFetcher.connect(kafka);
    for (let partition = 0; partition < PARTITIONS; partition++) {
      const { leader } = await partitionState(admin!, TOPIC, partition);
      const ours = await readPartition(cluster!.endpoint(leader), TOPIC, partition);
      const theirs = await fetcher.readPartition(leader, TOPIC, partition);
      expect(
        theirs.map((message) => ({
          offset: BigInt(message.offset),
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: Object.fromEntries(
            Object.entries(message.headers).map(([key, value]) => [key, String(value)]),
          ),
        })),
      ).toEqual(
        ours.records.map(({ offset, key, value, headers }) => ({ offset, key, value, headers })),
      );
    }
  });

  it("reports each partition's low and high offsets to KafkaJS (ListOffsets earliest and latest)", async () => {
    const offsets = await admin!.fetchTopicOffsets(TOPIC);
    expect(offsets.map((entry) => entry.partition).sort()).toEqual([0, 1, 2]);
    let total = 0;
    for (const entry of offsets) {
      const { leader } = await partitionState(admin!, TOPIC, entry.partition);
      const contents = await readPartition(cluster!.endpoint(leader), TOPIC, entry.partition);
      expect(entry.low).toBe("0");
      expect(entry.high).toBe(contents.highWatermark.toString());
      total += Number(entry.high);
    }
    expect(total).toBe(allSent().length);
  });

  it("answers a Fetch past the log end with OFFSET_OUT_OF_RANGE", async () => {
    const { leader } = await partitionState(admin!, TOPIC, 0);
    await expect(readPartition(cluster!.endpoint(leader), TOPIC, 0, 1_000n)).rejects.toThrow(
      /OFFSET_OUT_OF_RANGE/,
    );
  });

  it("answers a Fetch sent to a follower with NOT_LEADER_OR_FOLLOWER", async () => {
    const { leader, replicas } = await partitionState(admin!, TOPIC, 0);
    const follower = replicas.find((id) => id !== leader)!;
    await expect(readPartition(cluster!.endpoint(follower), TOPIC, 0)).rejects.toThrow(
      /NOT_LEADER_OR_FOLLOWER/,
    );
  });
});

describe("other producer settings", () => {
  it("stores a GZIP-compressed batch that decodes to what was sent", async () => {
    const messages = Array.from({ length: 20 }, (_, index) => ({
      key: `k${index}`,
      value: `compressed ${index} `.repeat(10),
      partition: 1,
    }));
    const [metadata] = await producer!.send({
      topic: TOPIC,
      acks: -1,
      compression: CompressionTypes.GZIP,
      messages,
    });
    const { leader } = await partitionState(admin!, TOPIC, 1);
    const contents = await readPartition(
      cluster!.endpoint(leader),
      TOPIC,
      1,
      BigInt(metadata!.baseOffset!),
    );
    expect(contents.records.map(({ key, value }) => ({ key, value }))).toEqual(
      messages.map(({ key, value }) => ({ key, value })),
    );
    expect(new Set(contents.records.map((record) => record.compression))).toEqual(
      new Set(["gzip"]),
    );
  });

  it("acknowledges acks=1 after the leader's append, and sends nothing back for acks=0", async () => {
    const [leaderOnly] = await producer!.send({
      topic: TOPIC,
      acks: 1,
      messages: [{ value: "acks=1", partition: 2 }],
    });
    expect(leaderOnly!.errorCode).toBe(0);
    // With acks=0 Kafka writes no response at all; KafkaJS resolves without metadata.
    expect(
      await producer!.send({
        topic: TOPIC,
        acks: 0,
        messages: [{ value: "acks=0", partition: 2 }],
      }),
    ).toEqual([]);
    const { leader } = await partitionState(admin!, TOPIC, 2);
    const values = await waitUntil("both records replicated", async () => {
      const contents = await readPartition(
        cluster!.endpoint(leader),
        TOPIC,
        2,
        BigInt(leaderOnly!.baseOffset!),
      );
      return contents.records.length === 2
        ? contents.records.map((record) => record.value)
        : undefined;
    });
    expect(values).toEqual(["acks=1", "acks=0"]);
  });

  it("creates a topic it sends to when auto.create.topics.enable is on (Kafka's default)", async () => {
    const autoProducer = kafka.producer({ allowAutoTopicCreation: true });
    await autoProducer.connect();
    try {
      const [metadata] = await autoProducer.send({
        topic: "created-on-first-send",
        acks: -1,
        messages: [{ value: "first" }],
      });
      expect(metadata).toMatchObject({
        topicName: "created-on-first-send",
        partition: 0,
        errorCode: 0,
        baseOffset: "0",
      });
    } finally {
      await autoProducer.disconnect();
    }
    // num.partitions and default.replication.factor: Kafka's defaults, 1 and 1.
    const state = await partitionState(admin!, "created-on-first-send", 0);
    expect(state.replicas).toHaveLength(1);
    expect(
      (await admin!.fetchTopicMetadata({ topics: ["created-on-first-send"] })).topics[0]!
        .partitions,
    ).toHaveLength(1);
  });
});
