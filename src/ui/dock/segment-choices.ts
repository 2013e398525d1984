/**
 * What the segment inspector offers: the brokers (with whether their worker runs, so
 * their files can be read) and the partitions whose directories a broker may hold,
 * including the KRaft metadata log every node keeps. Built from compact signatures of the
 * store, so the panel re-renders when the choices change, not on every offset update.
 */
import type { BrokerView } from "../store/cluster-slice.ts";
import type { TopicView } from "../store/topics-slice.ts";

/** The KRaft metadata log: every node holds `__cluster_metadata-0`. */
export const METADATA_TOPIC = "__cluster_metadata";

export interface BrokerChoice {
  id: number;
  running: boolean;
}

export interface PartitionChoice {
  topic: string;
  partition: number;
}

/** "1:1,2:0": broker ids and whether each one's worker runs. */
export function brokersSignature(brokers: Record<number, BrokerView>): string {
  return Object.values(brokers)
    .map((broker) => `${broker.id}:${broker.process === "running" ? 1 : 0}`)
    .join(",");
}

export function brokerChoices(signature: string): BrokerChoice[] {
  if (signature === "") return [];
  return signature
    .split(",")
    .map((part) => {
      const [id, running] = part.split(":");
      return { id: Number(id), running: running === "1" };
    })
    .sort((a, b) => a.id - b.id);
}

/** "orders:3,__consumer_offsets:50": topics and their partition counts, user topics first. */
export function topicsSignature(topics: Record<string, TopicView>): string {
  return Object.values(topics)
    .sort((a, b) => Number(a.internal) - Number(b.internal) || a.name.localeCompare(b.name))
    .map((topic) => `${topic.name}:${topic.partitions.length}`)
    .join(",");
}

/** Every partition of the signature's topics, then the metadata log. */
export function partitionChoices(signature: string): PartitionChoice[] {
  const choices: PartitionChoice[] = [];
  for (const part of signature === "" ? [] : signature.split(",")) {
    const split = part.lastIndexOf(":");
    const topic = part.slice(0, split);
    const count = Number(part.slice(split + 1));
    for (let partition = 0; partition < count; partition++) choices.push({ topic, partition });
  }
  choices.push({ topic: METADATA_TOPIC, partition: 0 });
  return choices;
}

export function choiceValue(choice: PartitionChoice): string {
  return `${choice.topic}-${choice.partition}`;
}

/** The partition's directory on a broker: `broker-<id>/<topic>-<partition>` (Kafka's layout). */
export function partitionDirectory(brokerId: number, choice: PartitionChoice): string {
  return `broker-${brokerId}/${choiceValue(choice)}`;
}

/** kafka-dump-log's decoder for a topic's records: offsets, cluster metadata, or plain strings. */
export function decoderFor(topic: string): "offsets" | "cluster-metadata" | null {
  if (topic === "__consumer_offsets") return "offsets";
  if (topic === METADATA_TOPIC) return "cluster-metadata";
  return null;
}

/** The .log files of a directory listing, oldest segment first (names are zero-padded offsets). */
export function segmentLogs<T extends { name: string }>(entries: readonly T[]): T[] {
  return entries
    .filter((entry) => entry.name.endsWith(".log"))
    .sort((a, b) => a.name.localeCompare(b.name));
}
