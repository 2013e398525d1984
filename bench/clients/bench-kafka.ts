/**
 * The client library as the playground's page uses it: `new Kafka` over the page's
 * ClientIo (pageClientIo), bootstrapping from every broker's advertised address, and
 * topics created through `kafka.admin()`.
 */
import { Kafka } from "../../src/client/kafka.ts";
import type { ClusterHost } from "../../src/runtime/web-worker/cluster-host.ts";
import { pageClientIo } from "../../src/runtime/web-worker/page-client-io.ts";
import type { TopicShape } from "../cluster/cluster-bench-messages.ts";

export const BOOTSTRAP_BROKERS = ["broker-1:9092", "broker-2:9092", "broker-3:9092"];

export function benchKafka(host: ClusterHost, clientId: string): Kafka {
  return new Kafka({ clientId, brokers: BOOTSTRAP_BROKERS, transport: pageClientIo(host) });
}

/**
 * Creates `name` with the admin client, which waits until Metadata names every leader, then
 * until every leader answers ListOffsets for it. Metadata runs ahead of a leader opening
 * its log (for some 400 ms here), and an idempotent producer pipelining its first batches
 * into that window can meet NOT_LEADER_OR_FOLLOWER on sequence 0 while a later batch is
 * accepted; its retries of sequence 0 then get OUT_OF_ORDER_SEQUENCE_NUMBER until
 * delivery.timeout.ms (see the report of this benchmark). A leader that answers ListOffsets
 * takes writes, so the measurements start after that window.
 */
export async function createTopicWithAdmin(
  kafka: Kafka,
  name: string,
  shape: TopicShape,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [
        {
          topic: name,
          numPartitions: shape.partitions,
          replicationFactor: shape.replicationFactor,
          configEntries: Object.entries(shape.configs).map(([key, value]) => ({
            name: key,
            value,
          })),
        },
      ],
      timeout: 30_000,
    });
    await admin.fetchTopicOffsets(name);
  } finally {
    await admin.disconnect();
  }
}

/** The records a topic holds now: the sum over its partitions of HW minus log start. */
export async function recordsInTopic(kafka: Kafka, name: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(name);
    return offsets.reduce((sum, each) => sum + Number(BigInt(each.high) - BigInt(each.low)), 0);
  } finally {
    await admin.disconnect();
  }
}

/** A value of `bytes` random capital letters, as kafka-producer-perf-test's payload. */
export function benchValue(bytes: number): Uint8Array {
  const value = new Uint8Array(bytes);
  for (let index = 0; index < bytes; index++) value[index] = 65 + Math.floor(Math.random() * 26);
  return value;
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Has the group coordinators ready before anything is measured: the first FindCoordinator
 * creates __consumer_offsets (50 partitions), which would otherwise land in the first
 * consumer run's group join. Returns how long that took.
 */
export async function prepareGroupCoordinators(kafka: Kafka): Promise<number> {
  const startedAt = performance.now();
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.describeGroups(["bench-coordinator-warm-up"]);
  } finally {
    await admin.disconnect();
  }
  return performance.now() - startedAt;
}
