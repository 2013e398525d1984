/**
 * Kafka's RangeAssignor ("range"): per topic, the partitions in numeric order are cut into
 * consecutive ranges, one per subscribed member in MemberInfo order (static members by
 * group.instance.id, then dynamic members by member id). Each member gets
 * numPartitions / numMembers partitions and the first numPartitions % numMembers members
 * one more. With two members C0, C1 and topics t0, t1 of 3 partitions each:
 * C0 gets [t0p0, t0p1, t1p0, t1p1] and C1 gets [t0p2, t1p2].
 *
 * Kafka 3.5's rack-aware pass only runs when the leader knows the racks of partition
 * replicas, which this assign() is not given, so without it the result is Kafka's exactly.
 */
import type { PartitionAssignor, Subscription, TopicPartition } from "./assignor.ts";
import { emptyAssignment, prepareAssignmentInput, sortedMemberIds } from "./assignment-input.ts";

export const RANGE_ASSIGNOR_NAME = "range";

export class RangeAssignor implements PartitionAssignor {
  readonly name = RANGE_ASSIGNOR_NAME;
  readonly supportedProtocols = ["eager"] as const;

  assign(
    partitionsPerTopic: ReadonlyMap<string, number>,
    subscriptions: ReadonlyMap<string, Subscription>,
  ): Map<string, TopicPartition[]> {
    const input = prepareAssignmentInput(partitionsPerTopic, subscriptions);
    const assignment = emptyAssignment<TopicPartition>(input);
    // Topics are laid out in the order Java iterates partitionsPerTopic, which is the order
    // they appear in each member's list.
    for (const topic of input.topics) {
      const subscribers = input.members.filter((member) =>
        subscriptions.get(member)!.topics.includes(topic),
      );
      const members = [...new Set(sortedMemberIds(input, subscribers))];
      const numPartitions = input.partitionCounts.get(topic)!;
      const perMember = Math.floor(numPartitions / members.length);
      const withExtraPartition = numPartitions % members.length;
      let next = 0;
      members.forEach((member, index) => {
        const length = perMember + (index < withExtraPartition ? 1 : 0);
        const list = assignment.get(member)!;
        for (let i = 0; i < length; i++) list.push({ topic, partition: next++ });
      });
    }
    return assignment;
  }
}
