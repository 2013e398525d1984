/**
 * What every assignor starts from, built the way Kafka's AbstractPartitionAssignor.assign
 * (Cluster, GroupSubscription) builds it on a Java group leader:
 *
 * - the subscriptions live in a HashMap<String, Subscription> filled in JoinGroup order, so
 *   members are visited in Java's HashMap order;
 * - partitionsPerTopic holds only subscribed topics the leader has metadata for, with at least
 *   one partition, put into a HashMap in the order of a HashSet of all subscribed topics.
 *
 * Only the range assignor's per-member partition order and the sticky assignors' tie breaks
 * depend on these orders, but reproducing them is what makes the results Kafka's.
 */
import type { Subscription } from "./assignor.ts";
import { javaStringKeyOrder } from "./java-hash-order.ts";
import { compareStrings } from "./topic-partitions.ts";

export interface AssignmentInput {
  /** Member ids in the order Java iterates the subscriptions. */
  readonly members: readonly string[];
  readonly subscriptions: ReadonlyMap<string, Subscription>;
  /** Subscribed topics with partitions, in the order Java iterates partitionsPerTopic. */
  readonly topics: readonly string[];
  readonly partitionCounts: ReadonlyMap<string, number>;
  readonly totalPartitions: number;
}

export function prepareAssignmentInput(
  partitionsPerTopic: ReadonlyMap<string, number>,
  subscriptions: ReadonlyMap<string, Subscription>,
): AssignmentInput {
  const members = javaStringKeyOrder(subscriptions.keys());
  const subscribedTopics = javaStringKeyOrder(
    members.flatMap((member) => subscriptions.get(member)!.topics),
  );
  const partitionCounts = new Map<string, number>();
  for (const topic of subscribedTopics) {
    const count = partitionsPerTopic.get(topic);
    // "Skipping assignment for topic {} since no metadata is available"
    if (count !== undefined && Number.isInteger(count) && count > 0) {
      partitionCounts.set(topic, count);
    }
  }
  const topics = javaStringKeyOrder(partitionCounts.keys());
  let totalPartitions = 0;
  for (const count of partitionCounts.values()) totalPartitions += count;
  return { members, subscriptions, topics, partitionCounts, totalPartitions };
}

export interface MemberInfo {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

/**
 * AbstractPartitionAssignor.MemberInfo ordering: static members (with a group.instance.id)
 * first, by instance id; then dynamic members by member id.
 */
export function compareMembers(a: MemberInfo, b: MemberInfo): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null) {
    return compareStrings(a.groupInstanceId, b.groupInstanceId);
  }
  if (a.groupInstanceId !== null) return -1;
  if (b.groupInstanceId !== null) return 1;
  return compareStrings(a.memberId, b.memberId);
}

/**
 * Member ids sorted as Kafka sorts MemberInfo (a stable sort, like Collections.sort). The map
 * key is the member id Kafka uses, whatever the subscription object says.
 */
export function sortedMemberIds(input: AssignmentInput, memberIds: readonly string[]): string[] {
  return memberIds
    .map((memberId) => ({
      memberId,
      groupInstanceId: input.subscriptions.get(memberId)!.groupInstanceId,
    }))
    .sort(compareMembers)
    .map((info) => info.memberId);
}

/** An empty assignment list for every member, in Java's member order. */
export function emptyAssignment<T>(input: AssignmentInput): Map<string, T[]> {
  return new Map(input.members.map((member) => [member, []]));
}
