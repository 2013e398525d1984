/**
 * TopicPartition helpers shared by the assignors: Java's orderings, and a registry that hands
 * out one object per (topic, partition) so that sets, maps and `indexOf` can compare by
 * identity where Kafka compares with equals().
 */
import type { TopicPartition } from "./assignor.ts";
import { javaTopicPartitionHashCode } from "./java-hash-order.ts";

/** Java's String.compareTo: UTF-16 code units, which is what JavaScript's `<` compares. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Utils.TopicPartitionComparator: topic, then partition. */
export function byTopicThenPartition(a: TopicPartition, b: TopicPartition): number {
  return compareStrings(a.topic, b.topic) || a.partition - b.partition;
}

/** The order the sticky assignor keeps owned partitions in: partition, then topic. */
export function byPartitionThenTopic(a: TopicPartition, b: TopicPartition): number {
  return a.partition - b.partition || compareStrings(a.topic, b.topic);
}

export function topicPartitionKey(topic: string, partition: number): string {
  // The partition is a number, so splitting at the last ':' recovers both parts.
  return `${topic}:${partition}`;
}

export function topicPartitionHashCode(tp: TopicPartition): number {
  return javaTopicPartitionHashCode(tp.topic, tp.partition);
}

export class TopicPartitionRegistry {
  private readonly byKey = new Map<string, TopicPartition>();

  get(topic: string, partition: number): TopicPartition {
    const key = topicPartitionKey(topic, partition);
    let tp = this.byKey.get(key);
    if (tp === undefined) {
      tp = Object.freeze({ topic, partition });
      this.byKey.set(key, tp);
    }
    return tp;
  }

  of(tp: TopicPartition): TopicPartition {
    return this.get(tp.topic, tp.partition);
  }

  /** Partitions 0..count-1 of a topic. */
  range(topic: string, count: number): TopicPartition[] {
    return Array.from({ length: count }, (_, partition) => this.get(topic, partition));
  }
}

/** Fresh plain objects, so callers never hold the registry's frozen ones. */
export function copyPartitions(partitions: readonly TopicPartition[]): TopicPartition[] {
  return partitions.map(({ topic, partition }) => ({ topic, partition }));
}

/** Remove the first occurrence of `item`, as java.util.List.remove(Object) does. */
export function removeFirst<T>(list: T[], item: T): boolean {
  const index = list.indexOf(item);
  if (index < 0) return false;
  list.splice(index, 1);
  return true;
}

/** An assignment with fresh partition objects, in the same member order. */
export function copyAssignment(
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
): Map<string, TopicPartition[]> {
  return new Map(
    [...assignment].map(([member, partitions]) => [member, copyPartitions(partitions)]),
  );
}
