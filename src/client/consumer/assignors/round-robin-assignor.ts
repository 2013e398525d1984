/**
 * Kafka's RoundRobinAssignor ("roundrobin"): all partitions of all subscribed topics, sorted
 * by topic then partition, are dealt in turn to the members in MemberInfo order (static
 * members by group.instance.id, then dynamic members by member id), skipping a member whose
 * subscription lacks the partition's topic. With identical subscriptions the counts differ by
 * at most one; with C0 on t0, C1 on t0,t1 and C2 on t0,t1,t2 (1, 2 and 3 partitions) it gives
 * C0 [t0p0], C1 [t1p0], C2 [t1p1, t2p0, t2p1, t2p2].
 */
import type { PartitionAssignor, Subscription, TopicPartition } from "./assignor.ts";
import { emptyAssignment, prepareAssignmentInput, sortedMemberIds } from "./assignment-input.ts";
import { compareStrings } from "./topic-partitions.ts";

export const ROUNDROBIN_ASSIGNOR_NAME = "roundrobin";

export class RoundRobinAssignor implements PartitionAssignor {
  readonly name = ROUNDROBIN_ASSIGNOR_NAME;
  readonly supportedProtocols = ["eager"] as const;

  assign(
    partitionsPerTopic: ReadonlyMap<string, number>,
    subscriptions: ReadonlyMap<string, Subscription>,
  ): Map<string, TopicPartition[]> {
    const input = prepareAssignmentInput(partitionsPerTopic, subscriptions);
    const assignment = emptyAssignment<TopicPartition>(input);
    const members = sortedMemberIds(input, input.members);
    const topicsOf = new Map(
      members.map((member) => [member, new Set(subscriptions.get(member)!.topics)]),
    );
    let next = 0;
    // Every topic in input.topics has a subscriber, so the search below always ends.
    for (const topic of [...input.topics].sort(compareStrings)) {
      const count = input.partitionCounts.get(topic)!;
      for (let partition = 0; partition < count; partition++) {
        while (!topicsOf.get(members[next]!)!.has(topic)) next = (next + 1) % members.length;
        assignment.get(members[next]!)!.push({ topic, partition });
        next = (next + 1) % members.length;
      }
    }
    return assignment;
  }
}
