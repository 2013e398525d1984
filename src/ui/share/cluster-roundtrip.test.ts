/**
 * The export and import halves against a real (simulated) cluster: topics with configs and
 * records written by the importer are read back by the exporter as the same document
 * parts; the exporter's bounds cut what they say and say so.
 */
import { describe, expect, it } from "vitest";
import { Kafka } from "../../client/kafka.ts";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { readTopicConfigs } from "./read-topic-configs.ts";
import { readTopicData, DEFAULT_DATA_BOUNDS } from "./read-topic-data.ts";
import { createImportedTopics, produceImportedRecords } from "./rebuild-topics.ts";
import type { DataDocument, TopicDocument } from "./share-format.ts";

function clientsOn(sim: SimCluster) {
  const io = simClientIo(sim, "share");
  const kafka = new Kafka({
    clientId: "share-test",
    brokers: ["node-1:9092", "node-2:9092"],
    transport: io,
  });
  const clock = {
    nowMs: () => sim.scheduler.nowMs(),
    sleep: (ms: number) => new Promise<void>((resolve) => sim.scheduler.after(ms, resolve)),
  };
  return { io, kafka, admin: kafka.admin(), clock };
}

const TOPICS: TopicDocument[] = [
  {
    name: "events",
    partitions: 2,
    replicationFactor: 2,
    configs: { "cleanup.policy": "compact", "retention.ms": "60000" },
  },
  { name: "orders", partitions: 3, replicationFactor: 3, configs: { "min.insync.replicas": "2" } },
];

const DATA: DataDocument = {
  maxRecordsPerPartition: DEFAULT_DATA_BOUNDS.recordsPerPartition,
  maxBytes: DEFAULT_DATA_BOUNDS.bytes,
  truncated: false,
  topics: [
    {
      topic: "events",
      partitions: [
        {
          partition: 1,
          skipped: 0,
          records: [
            { key: "k", value: "v1" },
            { key: "k", value: null },
          ],
        },
      ],
    },
    {
      topic: "orders",
      partitions: [
        {
          partition: 0,
          skipped: 0,
          records: [
            { key: null, value: "first" },
            { key: "한글", value: "두 번째 ✓" },
          ],
        },
        {
          partition: 2,
          skipped: 0,
          records: Array.from({ length: 300 }, (_, i) => ({ key: `k${i % 7}`, value: `v${i}` })),
        },
      ],
    },
  ],
};

describe("export and import against a cluster", () => {
  it("reads back the topics, configs and records the importer wrote", async () => {
    const sim = await readyCluster(7101);
    const { io, kafka, admin, clock } = clientsOn(sim);
    const created: number[] = [];
    await sim.runWhile(createImportedTopics(admin, TOPICS, clock, (done) => created.push(done)));
    expect(created).toEqual([1, 2]);
    const written: number[] = [];
    await sim.runWhile(produceImportedRecords(kafka, DATA, (done) => written.push(done)));
    expect(written.at(-1)).toBe(304);

    const configs = await sim.runWhile(readTopicConfigs(admin, ["events", "orders"]));
    expect(configs).toEqual({
      events: { "cleanup.policy": "compact", "retention.ms": "60000" },
      orders: { "min.insync.replicas": "2" },
    });
    const metadata = await sim.runWhile(admin.fetchTopicMetadata({ topics: ["events", "orders"] }));
    const shape = metadata.topics
      .map((t) => ({
        name: t.name,
        partitions: t.partitions.length,
        rf: t.partitions[0]!.replicas.length,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(shape).toEqual([
      { name: "events", partitions: 2, rf: 2 },
      { name: "orders", partitions: 3, rf: 3 },
    ]);

    const data = await sim.runWhile(readTopicData(kafka, admin, io, TOPICS));
    expect(data).toEqual(DATA);
    await sim.runWhile(admin.disconnect());
  }, 180_000);

  it("keeps the newest records within the bounds and says what it left out", async () => {
    const sim = await readyCluster(7102);
    const { io, kafka, admin, clock } = clientsOn(sim);
    const topics = [TOPICS[1]!];
    await sim.runWhile(createImportedTopics(admin, topics, clock, () => {}));
    const twelve = Array.from({ length: 12 }, (_, i) => ({ key: null, value: `value-${i}` }));
    await sim.runWhile(
      produceImportedRecords(
        kafka,
        {
          ...DATA,
          topics: [
            { topic: "orders", partitions: [{ partition: 1, skipped: 0, records: twelve }] },
          ],
        },
        () => {},
      ),
    );
    const bounds = { ...DEFAULT_DATA_BOUNDS, recordsPerPartition: 5 };
    const byCount = await sim.runWhile(readTopicData(kafka, admin, io, topics, bounds));
    expect(byCount.truncated).toBe(true);
    expect(byCount.topics[0]!.partitions).toEqual([
      { partition: 1, skipped: 7, records: twelve.slice(7) },
    ]);

    // value-8 and value-9 are 7 bytes, value-10 and value-11 are 8: 30 bytes keep those four.
    const byBytes = await sim.runWhile(
      readTopicData(kafka, admin, io, topics, { ...DEFAULT_DATA_BOUNDS, bytes: 30 }),
    );
    expect(byBytes.truncated).toBe(true);
    expect(byBytes.topics[0]!.partitions).toEqual([
      { partition: 1, skipped: 8, records: twelve.slice(8) },
    ]);
    await sim.runWhile(admin.disconnect());
  }, 180_000);

  it("gives up on a topic the cluster cannot place, after its deadline", async () => {
    const sim = await readyCluster(7103);
    const { admin, clock } = clientsOn(sim);
    const tooWide = [{ name: "wide", partitions: 1, replicationFactor: 5, configs: {} }];
    await expect(
      sim.runWhile(createImportedTopics(admin, tooWide, clock, () => {})),
    ).rejects.toMatchObject({
      type: "INVALID_REPLICATION_FACTOR",
    });
  }, 180_000);
});
