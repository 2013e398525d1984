/**
 * What kafka-consumer-groups reads from the cluster, through the Admin client: the
 * consumer groups (ListGroups), their descriptions with each member's assignment decoded
 * from the consumer protocol, their committed offsets (OffsetFetch), the topics'
 * partitions and leaders (Metadata), and partitions' offsets for a time (ListOffsets).
 */
import { deadlineAfter } from "../../client/admin/admin-retry.ts";
import type {
  GroupDescription,
  GroupOverview,
  PartitionMetadata,
} from "../../client/admin/admin-types.ts";
import { listOffsets } from "../../client/admin/topic-offsets.ts";
import { decodeConsumerAssignment } from "../../client/consumer/assignors/consumer-protocol.ts";
import type { AdminSession } from "../framework/admin-session.ts";
import { adminCall } from "../framework/admin-failures.ts";

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** TopicPartition.toString(): "orders-0". */
export const partitionName = ({ topic, partition }: TopicPartition) => `${topic}-${partition}`;

export function byTopicThenPartition(a: TopicPartition, b: TopicPartition): number {
  if (a.topic !== b.topic) return a.topic < b.topic ? -1 : 1;
  return a.partition - b.partition;
}

/** ListOffsets' special times. */
export const LATEST = -1n;
export const EARLIEST = -2n;

/** Groups of the consumer protocol (ListGroupsOptions.forConsumerGroups); "" is a group that only has offsets. */
export async function listConsumerGroups(session: AdminSession): Promise<GroupOverview[]> {
  const { groups } = await adminCall("listGroups", () => session.admin.listGroups());
  return groups
    .filter((group) => group.protocolType === "consumer" || group.protocolType === "")
    .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
}

export async function describeGroups(
  session: AdminSession,
  groupIds: readonly string[],
): Promise<GroupDescription[]> {
  if (groupIds.length === 0) return [];
  const { groups } = await adminCall("describeConsumerGroups", () =>
    session.admin.describeGroups([...groupIds]),
  );
  return groups;
}

/** A member's assigned partitions (none when its assignment is not the consumer protocol's). */
export function memberAssignment(bytes: Uint8Array): TopicPartition[] {
  if (bytes.length === 0) return [];
  const decoded = decodeConsumerAssignment(bytes);
  return decoded.ok
    ? decoded.value.partitions.map(({ topic, partition }) => ({ topic, partition }))
    : [];
}

/** The group's committed offsets (partitions without one are left out), by partition name. */
export async function committedOffsets(
  session: AdminSession,
  groupId: string,
): Promise<Map<string, { tp: TopicPartition; offset: bigint }>> {
  const topics = await adminCall("listConsumerGroupOffsets", () =>
    session.admin.fetchOffsets({ groupId }),
  );
  const committed = new Map<string, { tp: TopicPartition; offset: bigint }>();
  for (const { topic, partitions } of topics) {
    for (const { partition, offset } of partitions) {
      if (BigInt(offset) < 0n) continue;
      const tp = { topic, partition };
      committed.set(partitionName(tp), { tp, offset: BigInt(offset) });
    }
  }
  return committed;
}

/** Every topic's partitions with their leaders (Metadata of every topic). */
export async function topicPartitions(
  session: AdminSession,
): Promise<Map<string, PartitionMetadata[]>> {
  const { topics } = await adminCall("describeTopics", () => session.admin.fetchTopicMetadata());
  return new Map(topics.map((topic) => [topic.name, topic.partitions]));
}

/**
 * Each partition's offset for `timestamp` (LATEST, EARLIEST or a time), asked of its
 * leader; null for a partition with no leader or of a topic that does not exist.
 */
export async function logOffsets(
  session: AdminSession,
  partitions: readonly TopicPartition[],
  timestamp: bigint,
  known?: Map<string, PartitionMetadata[]>,
): Promise<Map<string, bigint | null>> {
  const metadata = known ?? (await topicPartitions(session));
  const offsets = new Map<string, bigint | null>(partitions.map((tp) => [partitionName(tp), null]));
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) {
    const led = metadata.get(topic)?.find((each) => each.partitionId === partition);
    if (led === undefined || led.leader < 0) continue;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  }
  for (const [topic, led] of byTopic) {
    const { context } = session;
    const found = await adminCall("listOffsets", () =>
      listOffsets(context, deadlineAfter(context), topic, led, timestamp),
    );
    led.forEach((partition, index) =>
      offsets.set(partitionName({ topic, partition }), found[index]!),
    );
  }
  return offsets;
}
