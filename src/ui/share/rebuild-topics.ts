/**
 * An imported document's topics and records written into a fresh cluster: each topic
 * created with its partitions, replication factor and configs (retried while the brokers
 * are still registering with the controller, as a first visit's default topic is), then
 * each partition's records produced back to the same partition, in order, acks=all.
 */
import type { Admin } from "../../client/admin/admin.ts";
import { KafkaProtocolError } from "../../client/kafka-error.ts";
import type { Kafka } from "../../client/kafka.ts";
import type { DataDocument, TopicDocument } from "./share-format.ts";

/** How long a topic may keep failing while the cluster comes up. */
const CREATE_DEADLINE_MS = 60_000;
const CREATE_RETRY_MS = 250;
/** Records per produce call: small enough to show progress, large enough to batch. */
const SEND_CHUNK = 250;

export interface RebuildClock {
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

function alreadyExists(error: unknown): boolean {
  return error instanceof KafkaProtocolError && error.type === "TOPIC_ALREADY_EXISTS";
}

/** Creates the topics one by one; `progress(done)` after each. */
export async function createImportedTopics(
  admin: Admin,
  topics: readonly TopicDocument[],
  clock: RebuildClock,
  progress: (done: number) => void,
): Promise<void> {
  const deadline = clock.nowMs() + CREATE_DEADLINE_MS;
  for (const [index, topic] of topics.entries()) {
    for (;;) {
      try {
        await admin.createTopics({
          topics: [
            {
              topic: topic.name,
              numPartitions: topic.partitions,
              replicationFactor: topic.replicationFactor,
              configEntries: Object.entries(topic.configs).map(([name, value]) => ({
                name,
                value,
              })),
            },
          ],
          waitForLeaders: true,
        });
        break;
      } catch (error) {
        // A retry after a timeout may find the topic made by the first attempt.
        if (alreadyExists(error)) break;
        // Until enough brokers have registered, the controller cannot place the replicas.
        if (clock.nowMs() > deadline) throw error;
        await clock.sleep(CREATE_RETRY_MS);
      }
    }
    progress(index + 1);
  }
}

export function recordCount(data: DataDocument | undefined): number {
  return (data?.topics ?? []).reduce(
    (sum, topic) => sum + topic.partitions.reduce((count, p) => count + p.records.length, 0),
    0,
  );
}

/** Produces the document's records back, each to its partition; `progress(done)` as it goes. */
export async function produceImportedRecords(
  kafka: Kafka,
  data: DataDocument | undefined,
  progress: (done: number) => void,
): Promise<void> {
  if (recordCount(data) === 0) return;
  const producer = kafka.producer({ acks: "all", "enable.idempotence": true });
  let done = 0;
  try {
    await producer.connect();
    for (const topic of data!.topics) {
      for (const { partition, records } of topic.partitions) {
        for (let start = 0; start < records.length; start += SEND_CHUNK) {
          const chunk = records.slice(start, start + SEND_CHUNK);
          await producer.send({
            topic: topic.topic,
            messages: chunk.map((record) => ({ partition, key: record.key, value: record.value })),
          });
          done += chunk.length;
          progress(done);
        }
      }
    }
  } finally {
    await producer.disconnect().catch(() => {});
  }
}
