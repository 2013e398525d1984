/**
 * What a group card shows that the store does not say directly: which groups there are
 * (the cluster's and the page's), a group's topic, eager or cooperative, each assigned
 * partition's lag, and the members that are not the page's consumers.
 */
import type { GroupMemberTelemetry } from "../../telemetry/telemetry-event.ts";
import type { ConsumerView } from "../store/clients-slice.ts";
import type { GroupView } from "../store/groups-slice.ts";
import { leaderOffsets, partitionKey, type PartitionView } from "../store/topics-slice.ts";

export type RebalanceProtocol = "eager" | "cooperative";

/**
 * Kafka's cooperative assignors ("cooperative-sticky") move only the partitions that change
 * owner; every other built-in one ("range", "roundrobin", "sticky") is eager: each member
 * gives up everything when a rebalance starts.
 */
export function rebalanceProtocolOf(assignor: string | null): RebalanceProtocol | null {
  if (assignor === null || assignor === "") return null;
  return assignor.startsWith("cooperative") ? "cooperative" : "eager";
}

/** Every group to show: the cluster's and the page consumers', sorted by id. */
export function groupIdsOf(
  groups: Record<string, GroupView>,
  consumers: Record<string, ConsumerView>,
): string[] {
  const ids = new Set(Object.keys(groups));
  for (const consumer of Object.values(consumers)) ids.add(consumer.settings.groupId);
  return [...ids].sort();
}

/** The page's consumers of `groupId`, in id order (consumer-2 before consumer-10). */
export function consumerIdsOfGroup(
  groupId: string,
  consumers: Record<string, ConsumerView>,
): string[] {
  return Object.values(consumers)
    .filter((consumer) => consumer.settings.groupId === groupId)
    .map((consumer) => consumer.id)
    .sort(byNumberedId);
}

export function byNumberedId(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/**
 * The topic a new member of the group would subscribe to: the page consumers' topic, else
 * the first topic in its members' assignments or committed offsets; null when unknown.
 */
export function groupTopicOf(
  groupId: string,
  group: GroupView | undefined,
  consumers: Record<string, ConsumerView>,
): string | null {
  const pageTopic = Object.values(consumers).find(
    (consumer) => consumer.settings.groupId === groupId,
  )?.settings.topic;
  if (pageTopic !== undefined) return pageTopic;
  const assigned = group?.members.flatMap((member) => member.assignment)[0]?.topic;
  if (assigned !== undefined) return assigned;
  const committed = Object.keys(group?.committed ?? {})[0];
  return committed === undefined ? null : committed.slice(0, committed.lastIndexOf(":"));
}

/**
 * Lag of a group on one partition, as kafka-consumer-groups reports it: the leader's HW
 * minus the group's committed offset (never below zero); null while either is unknown.
 */
export function partitionLag(
  partition: PartitionView | undefined,
  committed: number | undefined,
): number | null {
  if (partition === undefined || committed === undefined) return null;
  const offsets = leaderOffsets(partition);
  if (offsets === null) return null;
  return Math.max(0, offsets.hw - committed);
}

export function committedOffset(
  group: GroupView | undefined,
  topic: string,
  partition: number,
): number | undefined {
  return group?.committed[partitionKey(topic, partition)];
}

/** Members the coordinator lists that no page consumer stands for (a terminal's, or gone). */
export function otherMembers(
  group: GroupView | undefined,
  pageConsumerIds: readonly string[],
): GroupMemberTelemetry[] {
  const page = new Set(pageConsumerIds);
  return (group?.members ?? []).filter((member) => !page.has(member.clientId));
}

/** Whether the coordinator still counts the consumer as a member (a crashed one, until its session times out). */
export function stillMember(group: GroupView | undefined, consumer: ConsumerView): boolean {
  return (group?.members ?? []).some(
    (member) =>
      member.clientId === consumer.id ||
      (consumer.memberId !== null && member.memberId === consumer.memberId),
  );
}
