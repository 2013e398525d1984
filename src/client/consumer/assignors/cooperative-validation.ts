/**
 * The group leader's check under the cooperative protocol (Kafka's
 * ConsumerCoordinator.validateCooperativeAssignment): no partition may be added to one member
 * while it is revoked from another in the same rebalance. Kafka runs it for every assignor
 * except "cooperative-sticky", which withholds such partitions itself, and fails the
 * assignment with "Assignor supporting the COOPERATIVE protocol violates its requirements".
 */
import type { TopicPartition } from "./assignor.ts";
import { byTopicThenPartition, TopicPartitionRegistry } from "./topic-partitions.ts";

/**
 * The partitions reassigned while still owned, sorted by topic then partition; empty when
 * the assignment follows the cooperative rule.
 */
export function partitionsReassignedWhileOwned(
  ownedPartitions: ReadonlyMap<string, readonly TopicPartition[]>,
  assignments: ReadonlyMap<string, readonly TopicPartition[]>,
): TopicPartition[] {
  const registry = new TopicPartitionRegistry();
  const added = new Set<TopicPartition>();
  const revoked = new Set<TopicPartition>();
  for (const [member, assignedList] of assignments) {
    const owned = new Set((ownedPartitions.get(member) ?? []).map((tp) => registry.of(tp)));
    const assigned = new Set(assignedList.map((tp) => registry.of(tp)));
    for (const tp of assigned) if (!owned.has(tp)) added.add(tp);
    for (const tp of owned) if (!assigned.has(tp)) revoked.add(tp);
  }
  return [...added]
    .filter((tp) => revoked.has(tp))
    .sort(byTopicThenPartition)
    .map(({ topic, partition }) => ({ topic, partition }));
}
