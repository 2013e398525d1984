/**
 * The sticky assignor's record of partitions moved during one general-path balance (Kafka's
 * AbstractStickyAssignor.PartitionMovements). It serves two purposes:
 *
 * - stickiness: when a partition of topic T should go from consumer A to B while some other
 *   partition of T already moved from B to A in this round, move that one back instead, so
 *   no two consumers swap partitions of the same topic;
 * - checking: `isSticky()` is false when, for some topic, partitions moved both ways between
 *   the same two consumers (what Kafka's cycle search reports as a cycle of length 2).
 *
 * The partitions of one (source, destination) pair are kept in a Java-ordered HashSet because
 * Kafka hands back the first one its iterator yields.
 */
import type { TopicPartition } from "../assignor.ts";
import { JavaHashSet } from "../java-hash-order.ts";
import { topicPartitionHashCode } from "../topic-partitions.ts";

interface ConsumerPair {
  readonly source: string;
  readonly destination: string;
}

function pairKey(source: string, destination: string): string {
  return JSON.stringify([source, destination]);
}

export class PartitionMovements {
  /** topic → "source→destination" → partitions that moved that way. */
  private readonly byTopic = new Map<string, Map<string, JavaHashSet<TopicPartition>>>();
  private readonly movements = new Map<TopicPartition, ConsumerPair>();

  private removeMovementRecord(partition: TopicPartition): ConsumerPair {
    const pair = this.movements.get(partition)!;
    this.movements.delete(partition);
    const forTopic = this.byTopic.get(partition.topic)!;
    const key = pairKey(pair.source, pair.destination);
    const partitions = forTopic.get(key)!;
    partitions.delete(partition);
    if (partitions.size === 0) forTopic.delete(key);
    if (forTopic.size === 0) this.byTopic.delete(partition.topic);
    return pair;
  }

  private addMovementRecord(partition: TopicPartition, pair: ConsumerPair): void {
    this.movements.set(partition, pair);
    let forTopic = this.byTopic.get(partition.topic);
    if (forTopic === undefined) {
      forTopic = new Map();
      this.byTopic.set(partition.topic, forTopic);
    }
    const key = pairKey(pair.source, pair.destination);
    let partitions = forTopic.get(key);
    if (partitions === undefined) {
      partitions = new JavaHashSet(topicPartitionHashCode);
      forTopic.set(key, partitions);
    }
    partitions.add(partition);
  }

  movePartition(partition: TopicPartition, oldConsumer: string, newConsumer: string): void {
    if (!this.movements.has(partition)) {
      this.addMovementRecord(partition, { source: oldConsumer, destination: newConsumer });
      return;
    }
    // It moved before in this round: record one move from where it started, or none if it
    // went back home.
    const existing = this.removeMovementRecord(partition);
    if (existing.source !== newConsumer) {
      this.addMovementRecord(partition, { source: existing.source, destination: newConsumer });
    }
  }

  /** The partition to move from oldConsumer to newConsumer in place of `partition`. */
  actualPartitionToMove(
    partition: TopicPartition,
    oldConsumer: string,
    newConsumer: string,
  ): TopicPartition {
    const forTopic = this.byTopic.get(partition.topic);
    if (forTopic === undefined) return partition;
    const previous = this.movements.get(partition);
    const source = previous === undefined ? oldConsumer : previous.source;
    const reverse = forTopic.get(pairKey(newConsumer, source));
    return reverse?.first() ?? partition;
  }

  isSticky(): boolean {
    for (const forTopic of this.byTopic.values()) {
      for (const key of forTopic.keys()) {
        const [source, destination] = JSON.parse(key) as [string, string];
        if (forTopic.has(pairKey(destination, source))) return false;
      }
    }
    return true;
  }
}
