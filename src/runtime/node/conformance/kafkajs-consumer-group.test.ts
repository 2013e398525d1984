/**
 * Two KafkaJS consumers in one group against three real broker processes: they share a
 * 6-partition topic (every partition owned by exactly one of them), then one leaves and
 * the other takes over every partition, and no record is skipped: every offset of every
 * partition was delivered at least once, as the group protocol promises.
 */
import type { Admin, Consumer, EachMessagePayload, Kafka, Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProcessCluster } from "../testing/process-cluster.ts";
import { waitForLiveBrokers } from "./testing/cluster-ready.ts";
import { kafkaFor } from "./testing/kafkajs-client.ts";
import { tearDown } from "./testing/tear-down.ts";
import { waitUntil } from "./testing/wait-until.ts";

const TOPIC = "shared";
const GROUP = "conformance-group";
const PARTITIONS = 6;
const RECORDS_PER_ROUND = 120;

let cluster: ProcessCluster | null = null;
let kafka: Kafka;
let admin: Admin | null = null;
let producer: Producer | null = null;
const consumers: Consumer[] = [];

/** What each consumer saw: offsets per partition, and its latest assignment. */
interface Seen {
  offsets: Map<number, Set<string>>;
  assigned: number[];
}

function newSeen(): Seen {
  return { offsets: new Map(), assigned: [] };
}

async function startConsumer(seen: Seen): Promise<Consumer> {
  const consumer = kafka.consumer({
    groupId: GROUP,
    sessionTimeout: 10_000,
    heartbeatInterval: 500,
    rebalanceTimeout: 10_000,
  });
  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    seen.assigned = [...(event.payload.memberAssignment[TOPIC] ?? [])].sort((a, b) => a - b);
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }: EachMessagePayload) => {
      let set = seen.offsets.get(partition);
      if (set === undefined) seen.offsets.set(partition, (set = new Set()));
      set.add(message.offset);
    },
  });
  consumers.push(consumer);
  return consumer;
}

async function produceRound(round: number): Promise<void> {
  await producer!.send({
    topic: TOPIC,
    acks: -1,
    messages: Array.from({ length: RECORDS_PER_ROUND }, (_, index) => ({
      key: `key-${index}`,
      value: `round ${round} record ${index}`,
    })),
  });
}

/** The log end offset of every partition. */
async function endOffsets(): Promise<Map<number, number>> {
  const offsets = await admin!.fetchTopicOffsets(TOPIC);
  return new Map(offsets.map((entry) => [entry.partition, Number(entry.high)]));
}

/** Every offset below each partition's end was delivered to one of `seen`. */
function coversEverything(seen: Seen[], ends: Map<number, number>): boolean {
  for (const [partition, end] of ends) {
    for (let offset = 0; offset < end; offset++) {
      if (!seen.some((s) => s.offsets.get(partition)?.has(String(offset)))) return false;
    }
  }
  return true;
}

beforeAll(async () => {
  // No initial rebalance delay: the test starts both members at once anyway.
  cluster = await ProcessCluster.start({
    brokers: 3,
    properties: { "group.initial.rebalance.delay.ms": "0" },
  });
  await waitForLiveBrokers(cluster);
  kafka = kafkaFor(cluster, { clientId: "conformance-group" });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 3 }],
  });
  // Idempotent, so a send retried after a timeout on a loaded machine still writes each
  // record once and the rounds' totals below are exact.
  producer = kafka.producer({
    allowAutoTopicCreation: false,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
}, 60_000);

afterAll(async () => {
  for (const consumer of consumers) await consumer.disconnect().catch(() => {});
  await producer?.disconnect().catch(() => {});
  await admin?.disconnect().catch(() => {});
  await tearDown(cluster);
}, 30_000);

describe("two KafkaJS consumers in one group", () => {
  const first = newSeen();
  const second = newSeen();

  it("share the six partitions, each owned by exactly one member", async () => {
    await produceRound(1);
    await startConsumer(first);
    await startConsumer(second);
    await waitUntil(
      "both members assigned",
      async () => (first.assigned.length > 0 && second.assigned.length > 0) || undefined,
      60_000,
    );
    const owned = [...first.assigned, ...second.assigned].sort((a, b) => a - b);
    expect(owned).toEqual([0, 1, 2, 3, 4, 5]);
    // KafkaJS's round-robin assigner gives each of the two members three.
    expect(first.assigned.length).toBe(3);
    const ends = await endOffsets();
    await waitUntil(
      "the first round consumed",
      async () => coversEverything([first, second], ends) || undefined,
      60_000,
    );
  }, 90_000);

  it("after one member leaves, the other takes every partition and skips nothing", async () => {
    await consumers[1]!.disconnect();
    await waitUntil(
      "the first member owns all six",
      async () => first.assigned.length === 6 || undefined,
      60_000,
    );
    await produceRound(2);
    const ends = await endOffsets();
    await waitUntil(
      "every offset of both rounds delivered",
      async () => coversEverything([first, second], ends) || undefined,
      60_000,
    );
    // Everything produced after the hand-over reached the member that stayed.
    const total = [...ends.values()].reduce((sum, end) => sum + end, 0);
    expect(total).toBe(2 * RECORDS_PER_ROUND);
  }, 90_000);
});
