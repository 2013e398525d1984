/**
 * The client library in the page, as the playground's producers and consumers will use
 * it: `new Kafka({ brokers: ["broker-1:9092"], transport: pageClientIo(host) })`, an admin
 * that creates a topic, an idempotent producer sending keyed zstd batches, and a consumer group
 * reading them all back. Answers are plain data for the spec.
 */
import { Kafka } from "../../../client/kafka.ts";
import type { ClusterHost } from "../cluster-host.ts";
import { pageClientIo } from "../page-client-io.ts";

export interface ClientRoundTrip {
  /** The partition the producer chose for each key. */
  partitionOfKey: Record<string, number>;
  /** "key=value@partition" for every record the group consumed, sorted. */
  consumed: string[];
  groupState: string;
  groupMembers: number;
}

const text = new TextDecoder();

export async function clientRoundTrip(
  host: ClusterHost,
  topic: string,
  partitions: number,
  keys: string[],
  limitMs = 60_000,
): Promise<ClientRoundTrip> {
  const kafka = new Kafka({
    clientId: "harness",
    brokers: ["broker-1:9092", "broker-2:9092"],
    transport: pageClientIo(host),
  });
  const admin = kafka.admin();
  const producer = kafka.producer({
    acks: "all",
    "enable.idempotence": true,
    // zstd: the page loads its WebAssembly for the producer and the consumer alike.
    "compression.type": "zstd",
  });
  const consumer = kafka.consumer({ groupId: `${topic}-readers` });
  try {
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor: 3 }],
    });
    await producer.connect();
    const partitionOfKey: Record<string, number> = {};
    for (const key of keys) {
      const [sent] = await producer.send({ topic, messages: [{ key, value: `value of ${key}` }] });
      partitionOfKey[key] = sent!.partition;
    }
    const consumed: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        consumed.push(`${text.decode(message.key!)}=${text.decode(message.value!)}@${partition}`);
      },
    });
    const deadline = performance.now() + limitMs;
    while (consumed.length < keys.length && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const group = await consumer.describeGroup();
    return {
      partitionOfKey,
      consumed: consumed.sort(),
      groupState: group.state,
      groupMembers: group.members.length,
    };
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}
