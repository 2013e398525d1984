/**
 * Where a consumer sends a partition's Fetch and ListOffsets: its leader as the client's
 * metadata knows it, with the leader epoch to send along (KIP-320, so a deposed leader
 * answers FENCED_LEADER_EPOCH instead of serving stale data). Partitions are grouped by
 * leader, one request per broker, as Java's Fetcher and OffsetFetcher group them.
 */
import { ZERO_UUID } from "../../protocol/primitives/uuid.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";

export interface LeaderGroup<T> {
  nodeId: number;
  items: T[];
}

/** Groups `items` by their partition's leader; those without a known leader come back apart. */
export function groupByLeader<T>(
  cluster: ClientCluster,
  items: readonly T[],
  where: (item: T) => { topic: string; partition: number },
): { groups: LeaderGroup<T>[]; leaderless: T[] } {
  const byNode = new Map<number, T[]>();
  const leaderless: T[] = [];
  for (const item of items) {
    const { topic, partition } = where(item);
    const leader = cluster.leaderFor(topic, partition);
    if (leader === null || !cluster.metadata.brokers.has(leader)) {
      leaderless.push(item);
      continue;
    }
    const list = byNode.get(leader) ?? [];
    list.push(item);
    byNode.set(leader, list);
  }
  return { groups: [...byNode].map(([nodeId, list]) => ({ nodeId, items: list })), leaderless };
}

/** The leader epoch the client last saw for a partition, or -1 (then the broker does not check). */
export function leaderEpochOf(cluster: ClientCluster, topic: string, partition: number): number {
  return cluster.metadata.topics.get(topic)?.partitions[partition]?.leaderEpoch ?? -1;
}

/** The topic's id when the broker gave one (Fetch v13+ names topics by id), else null. */
export function topicIdOf(cluster: ClientCluster, topic: string): string | null {
  const id = cluster.metadata.topics.get(topic)?.topicId;
  return id === undefined || id === ZERO_UUID ? null : id;
}

/**
 * Refreshes metadata for `topics` when one is unknown, has a partition without a leader, or
 * the metadata is older than metadata.max.age.ms.
 */
export async function ensureLeaders(
  cluster: ClientCluster,
  topics: readonly string[],
  allowAutoTopicCreation = false,
): Promise<void> {
  const missing = topics.some((topic) => {
    const info = cluster.metadata.topics.get(topic);
    return (
      info === undefined ||
      info.errorCode !== 0 ||
      info.partitions.length === 0 ||
      info.partitions.some((partition) => partition.leader < 0)
    );
  });
  if (missing || cluster.metadataStale) {
    await cluster.refreshMetadata([...new Set(topics)], { allowAutoTopicCreation });
  }
}
