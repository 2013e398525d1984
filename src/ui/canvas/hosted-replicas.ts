/**
 * The replicas a broker hosts, grouped by topic, as its card lists them. The card selects
 * them as short strings (one per replica) so a shallow comparison tells whether the list
 * changed: the card renders on placement, leader and ISR changes, never on offsets.
 */
import type { TopicView } from "../store/topics-slice.ts";

export interface HostedReplica {
  topic: string;
  partition: number;
  leader: boolean;
  inSync: boolean;
}

export interface HostedTopic {
  topic: string;
  replicas: HostedReplica[];
}

const SEPARATOR = "|";

/** One token per replica on `brokerId`: "topic|partition|leader|inSync" (names have no "|"). */
export function hostedReplicaTokens(
  topics: Record<string, TopicView>,
  brokerId: number,
  showInternal: boolean,
): string[] {
  const tokens: string[] = [];
  for (const topic of sortedTopics(topics, showInternal)) {
    for (const partition of topic.partitions) {
      if (!partition.replicas.includes(brokerId)) continue;
      const leader = partition.leader === brokerId ? 1 : 0;
      const inSync = partition.isr.includes(brokerId) ? 1 : 0;
      tokens.push([topic.name, partition.partition, leader, inSync].join(SEPARATOR));
    }
  }
  return tokens;
}

/** The tokens back as replicas, grouped by topic in the tokens' order. */
export function groupHostedReplicas(tokens: readonly string[]): HostedTopic[] {
  const groups: HostedTopic[] = [];
  for (const token of tokens) {
    const [topic, partition, leader, inSync] = token.split(SEPARATOR) as [
      string,
      string,
      string,
      string,
    ];
    let group = groups.at(-1);
    if (group === undefined || group.topic !== topic) {
      group = { topic, replicas: [] };
      groups.push(group);
    }
    group.replicas.push({
      topic,
      partition: Number(partition),
      leader: leader === "1",
      inSync: inSync === "1",
    });
  }
  return groups;
}

/** Topics by name, the user's first and internal ones (when shown) after them. */
export function sortedTopics(
  topics: Record<string, TopicView>,
  showInternal: boolean,
): TopicView[] {
  return Object.values(topics)
    .filter((topic) => showInternal || !topic.internal)
    .sort((a, b) => Number(a.internal) - Number(b.internal) || a.name.localeCompare(b.name));
}
