/**
 * Kafka's built-in partitioner for records without a key (KIP-794, Kafka 3.3+): all of a
 * topic's keyless records go to one "sticky" partition until batch.size bytes were produced
 * to it, then it picks the next. With partitioner.adaptive.partitioning.enable (the
 * default) the pick is weighted by how many batches wait for each partition — a partition
 * whose broker is slow piles up batches and so gets chosen less — otherwise it is uniform
 * among the partitions that have a leader. One instance per topic, driven by the
 * RecordAccumulator (which knows the queues), as Kafka's BuiltInPartitioner is.
 */
import type { PartitionInfo } from "../../cluster/cluster-metadata.ts";
import { toPositive } from "./murmur2.ts";

export interface StickyPartition {
  readonly partition: number;
  producedBytes: number;
}

interface LoadStats {
  /** Running sums of (max queue size + 1 - queue size): a weighted lottery. */
  cumulativeFrequency: number[];
  partitionIds: number[];
}

export class StickyPartitioner {
  private current: StickyPartition | null = null;
  private loadStats: LoadStats | null = null;

  constructor(
    /** batch.size (at least 1): how much goes to a partition before switching. */
    private readonly stickyBatchSize: number,
    private readonly random: () => number,
  ) {}

  /** The partition keyless records go to now (chosen on first use). */
  peek(partitions: readonly PartitionInfo[]): StickyPartition {
    this.current ??= { partition: this.nextPartition(partitions), producedBytes: 0 };
    return this.current;
  }

  /** Whether `sticky` is no longer the current choice (it switched meanwhile). */
  isChanged(sticky: StickyPartition | null): boolean {
    return sticky !== null && sticky !== this.current;
  }

  /**
   * Counts `appendedBytes` produced to `sticky` and switches once batch.size was reached.
   * `enableSwitch` is false while the partition's last batch is not full yet: switching then
   * would leave a small batch behind, so the switch waits, but never past twice batch.size.
   */
  update(
    sticky: StickyPartition | null,
    appendedBytes: number,
    partitions: readonly PartitionInfo[],
    enableSwitch: boolean,
  ): void {
    if (sticky === null || sticky !== this.current) return;
    sticky.producedBytes += appendedBytes;
    const produced = sticky.producedBytes;
    if (
      (produced >= this.stickyBatchSize && enableSwitch) ||
      produced >= this.stickyBatchSize * 2
    ) {
      this.current = { partition: this.nextPartition(partitions), producedBytes: 0 };
    }
  }

  /**
   * Kafka's updatePartitionLoadStats: `queueSizes[i]` batches wait for `partitionIds[i]`
   * (partitions with a leader only, out of `queueCount` queues), or null when adaptive
   * partitioning is off or not every partition has had a queue yet. Equal queues of every
   * partition mean uniform choice.
   */
  updateLoadStats(queueSizes: number[] | null, partitionIds: number[], queueCount: number): void {
    if (queueSizes === null || queueSizes.length < 1 || queueCount < 2) {
      this.loadStats = null;
      return;
    }
    const maxSizePlus1 = Math.max(...queueSizes) + 1;
    const allEqual = queueSizes.every((size) => size === queueSizes[0]);
    if (allEqual && queueSizes.length === queueCount) {
      this.loadStats = null;
      return;
    }
    const cumulativeFrequency: number[] = [];
    let sum = 0;
    for (const size of queueSizes) {
      sum += maxSizePlus1 - size;
      cumulativeFrequency.push(sum);
    }
    this.loadStats = { cumulativeFrequency, partitionIds: [...partitionIds] };
  }

  /** Java's toPositive(ThreadLocalRandom.nextInt()). */
  private randomInt(): number {
    return toPositive(Math.floor(this.random() * 2 ** 32) | 0);
  }

  private nextPartition(partitions: readonly PartitionInfo[]): number {
    const random = this.randomInt();
    const stats = this.loadStats;
    if (stats === null) {
      const available = partitions.filter((partition) => partition.leader >= 0);
      if (available.length > 0) return available[random % available.length]!.partition;
      return random % partitions.length;
    }
    // The first partition whose running sum is strictly greater than the draw.
    const table = stats.cumulativeFrequency;
    const draw = random % table[table.length - 1]!;
    let low = 0;
    let high = table.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (table[middle]! > draw) high = middle;
      else low = middle + 1;
    }
    return stats.partitionIds[low]!;
  }
}
