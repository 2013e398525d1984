/**
 * What the inspector says about the cluster, a broker, a partition and a group, derived
 * from the store: counts, replica rows and lag. Lag is Kafka's (kafka-consumer-groups'
 * LAG): the partition's HW minus the group's committed offset; unknown ("-") until the
 * group has committed.
 */
import type { ConsumerView } from "../store/clients-slice.ts";
import { brokerLiveness, type BrokerLiveness } from "../store/cluster-slice.ts";
import type { GroupView } from "../store/groups-slice.ts";
import type { PlaygroundState } from "../store/store.ts";
import {
  leaderOffsets,
  partitionKey,
  type PartitionView,
  type ReplicaOffsets,
  type TopicView,
} from "../store/topics-slice.ts";

type Topics = Record<string, TopicView>;

export interface ClusterSummary {
  clusterId: string | null;
  brokers: Record<BrokerLiveness, number>;
  controllerId: number | null;
  controllerEpoch: number;
  storage: string | null;
  /** The user's topics; internal ones (__consumer_offsets) counted apart. */
  topics: number;
  internalTopics: number;
  /** Partitions of the user's topics; internal topics' counted apart. */
  partitions: number;
  internalPartitions: number;
  groups: number;
  underReplicated: number;
  offline: number;
}

export type SummaryState = Pick<
  PlaygroundState,
  "clusterId" | "brokers" | "controllerId" | "controllerEpoch" | "storage" | "topics" | "groups"
>;

export function summarizeCluster(state: SummaryState): ClusterSummary {
  const brokers: Record<BrokerLiveness, number> = { alive: 0, fenced: 0, dead: 0 };
  for (const broker of Object.values(state.brokers)) brokers[brokerLiveness(broker)]++;
  let topics = 0;
  let internalTopics = 0;
  let partitions = 0;
  let internalPartitions = 0;
  let underReplicated = 0;
  let offline = 0;
  for (const topic of Object.values(state.topics)) {
    if (topic.internal) internalTopics++;
    else topics++;
    if (topic.internal) internalPartitions += topic.partitions.length;
    else partitions += topic.partitions.length;
    for (const partition of topic.partitions) {
      if (isOffline(partition)) offline++;
      else if (isUnderReplicated(partition)) underReplicated++;
    }
  }
  return {
    clusterId: state.clusterId,
    brokers,
    controllerId: state.controllerId,
    controllerEpoch: state.controllerEpoch,
    storage: state.storage,
    topics,
    internalTopics,
    partitions,
    internalPartitions,
    groups: Object.keys(state.groups).length,
    underReplicated,
    offline,
  };
}

/** No leader: nobody can produce to it or fetch from it (Kafka's OfflinePartitionsCount). */
export function isOffline(partition: PartitionView): boolean {
  return partition.leader < 0;
}

/** Led, but with fewer in-sync replicas than replicas (Kafka's UnderReplicatedPartitions). */
export function isUnderReplicated(partition: PartitionView): boolean {
  return !isOffline(partition) && partition.isr.length < partition.replicas.length;
}

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

export interface BrokerReplicas {
  leaders: number;
  followers: number;
  /** Replicas on this broker that are not in their partition's ISR. */
  outOfSync: TopicPartitionRef[];
}

export function brokerReplicas(topics: Topics, brokerId: number): BrokerReplicas {
  const hosted: BrokerReplicas = { leaders: 0, followers: 0, outOfSync: [] };
  for (const topic of sortedTopics(topics)) {
    for (const partition of topic.partitions) {
      if (!partition.replicas.includes(brokerId)) continue;
      if (partition.leader === brokerId) hosted.leaders++;
      else hosted.followers++;
      if (!partition.isr.includes(brokerId))
        hosted.outOfSync.push({ topic: topic.name, partition: partition.partition });
    }
  }
  return hosted;
}

export interface ReplicaRow {
  brokerId: number;
  isLeader: boolean;
  inSync: boolean;
  offline: boolean;
  /** What the replica's broker last reported; null before it has. */
  offsets: ReplicaOffsets | null;
}

/** The partition's replicas in assignment order (the first is the preferred leader). */
export function replicaRows(partition: PartitionView): ReplicaRow[] {
  return partition.replicas.map((brokerId) => ({
    brokerId,
    isLeader: partition.leader === brokerId,
    inSync: partition.isr.includes(brokerId),
    offline: partition.offlineReplicas.includes(brokerId),
    offsets: partition.offsets[brokerId] ?? null,
  }));
}

/** Kafka's lag: HW minus the committed offset, never below zero; null when either is unknown. */
export function lagOf(hw: number | null, committed: number | null): number | null {
  if (hw === null || committed === null) return null;
  return Math.max(0, hw - committed);
}

export function partitionHw(topics: Topics, topic: string, partition: number): number | null {
  const view = topics[topic]?.partitions[partition];
  return view === undefined ? null : (leaderOffsets(view)?.hw ?? null);
}

export interface GroupPartitionRow extends TopicPartitionRef {
  committed: number | null;
  hw: number | null;
  lag: number | null;
  /** The member the partition is assigned to now; null when unassigned. */
  memberId: string | null;
}

/** Every partition the group owns or has committed for, by topic then partition. */
export function groupPartitionRows(
  group: Pick<GroupView, "members" | "committed">,
  topics: Topics,
): GroupPartitionRow[] {
  const owners = new Map<string, string>();
  for (const member of group.members) {
    for (const { topic, partitions } of member.assignment) {
      for (const partition of partitions)
        owners.set(partitionKey(topic, partition), member.memberId);
    }
  }
  const refs = new Map<string, TopicPartitionRef>();
  for (const key of [...owners.keys(), ...Object.keys(group.committed)]) {
    const ref = parsePartitionKey(key);
    if (ref !== null) refs.set(key, ref);
  }
  return [...refs.entries()]
    .sort(([, a], [, b]) => compareRefs(a, b))
    .map(([key, ref]) => {
      const committed = group.committed[key] ?? null;
      const hw = partitionHw(topics, ref.topic, ref.partition);
      return {
        ...ref,
        committed,
        hw,
        lag: lagOf(hw, committed),
        memberId: owners.get(key) ?? null,
      };
    });
}

export function totalLag(rows: readonly { lag: number | null }[]): number {
  return rows.reduce((sum, row) => sum + (row.lag ?? 0), 0);
}

export interface PartitionGroupRow {
  groupId: string;
  committed: number | null;
  lag: number | null;
}

/** The groups that read this partition (own it or committed for it), with their lag. */
export function partitionGroupRows(
  groups: Record<string, GroupView>,
  topic: string,
  partition: number,
  hw: number | null,
): PartitionGroupRow[] {
  const key = partitionKey(topic, partition);
  return Object.values(groups)
    .filter(
      (group) =>
        key in group.committed ||
        group.members.some((member) =>
          member.assignment.some(
            (owned) => owned.topic === topic && owned.partitions.includes(partition),
          ),
        ),
    )
    .sort((a, b) => a.groupId.localeCompare(b.groupId))
    .map((group) => {
      const committed = group.committed[key] ?? null;
      return { groupId: group.groupId, committed, lag: lagOf(hw, committed) };
    });
}

/** The consumer's assigned partitions with its group's committed offsets and lag. */
export function consumerPartitionRows(
  consumer: Pick<ConsumerView, "assigned">,
  committed: Record<string, number>,
  topics: Topics,
): Omit<GroupPartitionRow, "memberId">[] {
  return [...consumer.assigned].sort(compareRefs).map((ref) => {
    const offset = committed[partitionKey(ref.topic, ref.partition)] ?? null;
    const hw = partitionHw(topics, ref.topic, ref.partition);
    return {
      topic: ref.topic,
      partition: ref.partition,
      committed: offset,
      hw,
      lag: lagOf(hw, offset),
    };
  });
}

/** Kafka's rebalance protocol for an assignor: only the cooperative-sticky one is incremental. */
export function rebalanceProtocolOf(assignor: string | null): "eager" | "cooperative" | null {
  if (assignor === null || assignor === "") return null;
  return assignor === "cooperative-sticky" ? "cooperative" : "eager";
}

/** The page's consumer that is this group member, if the page runs it. */
export function consumerOfMember(
  consumers: Record<string, ConsumerView>,
  memberId: string,
): string | null {
  return Object.values(consumers).find((consumer) => consumer.memberId === memberId)?.id ?? null;
}

export function parsePartitionKey(key: string): TopicPartitionRef | null {
  const split = key.lastIndexOf(":");
  const partition = Number(key.slice(split + 1));
  if (split <= 0 || !Number.isInteger(partition) || partition < 0) return null;
  return { topic: key.slice(0, split), partition };
}

function compareRefs(a: TopicPartitionRef, b: TopicPartitionRef): number {
  return a.topic === b.topic ? a.partition - b.partition : a.topic.localeCompare(b.topic);
}

/** The user's topics by name, then the internal ones. */
function sortedTopics(topics: Topics): TopicView[] {
  return Object.values(topics).sort((a, b) =>
    a.internal === b.internal ? a.name.localeCompare(b.name) : a.internal ? 1 : -1,
  );
}
