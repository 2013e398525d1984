/**
 * Kafka's org.apache.kafka.clients.producer.RoundRobinPartitioner: every record, keyed or
 * not, goes to the next partition of its topic in turn (one counter per topic, starting at
 * 0), skipping partitions without a leader while any partition has one. Use it when even
 * spread matters more than batching: unlike the sticky default it makes small batches.
 */
import type { Partitioner } from "../producer-types.ts";
import { toPositive } from "./murmur2.ts";

export function createRoundRobinPartitioner(): Partitioner {
  const counters = new Map<string, number>();
  return ({ topic, partitionMetadata }) => {
    const next = counters.get(topic) ?? 0;
    // Java's AtomicInteger wraps at 2^31; toPositive keeps the index non-negative.
    counters.set(topic, (next + 1) | 0);
    const available = partitionMetadata.filter((partition) => partition.leader >= 0);
    if (available.length > 0) return available[toPositive(next) % available.length]!.partitionId;
    return toPositive(next) % partitionMetadata.length;
  };
}
