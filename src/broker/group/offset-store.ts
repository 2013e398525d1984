/**
 * Committed offsets of the groups this coordinator holds, as the __consumer_offsets log
 * says: each entry remembers the log offset of the record that wrote it, so when two
 * writes for the same partition complete out of order (or a tombstone races a commit),
 * the one later in the log wins — as replaying the log would decide.
 */
import type { CommittedOffset } from "./coordinator-records.ts";

export interface StoredOffset {
  topic: string;
  partition: number;
  committed: CommittedOffset;
  /** Where the record that wrote it sits in __consumer_offsets. */
  recordOffset: bigint;
}

export class OffsetStore {
  private readonly byGroup = new Map<string, Map<string, StoredOffset>>();

  /** A commit (or a tombstone, committed = null) written at `recordOffset` in the log. */
  apply(
    group: string,
    topic: string,
    partition: number,
    committed: CommittedOffset | null,
    recordOffset: bigint,
  ): void {
    const key = partitionKey(topic, partition);
    const offsets = this.byGroup.get(group);
    const existing = offsets?.get(key);
    if (existing !== undefined && existing.recordOffset > recordOffset) return;
    if (committed === null) {
      offsets?.delete(key);
      if (offsets?.size === 0) this.byGroup.delete(group);
      return;
    }
    if (offsets === undefined)
      this.byGroup.set(group, new Map([[key, { topic, partition, committed, recordOffset }]]));
    else offsets.set(key, { topic, partition, committed, recordOffset });
  }

  get(group: string, topic: string, partition: number): StoredOffset | undefined {
    return this.byGroup.get(group)?.get(partitionKey(topic, partition));
  }

  offsetsOf(group: string): StoredOffset[] {
    return [...(this.byGroup.get(group)?.values() ?? [])];
  }

  hasOffsets(group: string): boolean {
    return (this.byGroup.get(group)?.size ?? 0) > 0;
  }

  groupIds(): string[] {
    return [...this.byGroup.keys()];
  }

  /** Take over every group's offsets from `other` (a freshly loaded partition). */
  absorb(other: OffsetStore): void {
    for (const [group, offsets] of other.byGroup) this.byGroup.set(group, offsets);
    other.byGroup.clear();
  }

  /** Forget a group's offsets in memory (the partition moved away, or the group was deleted). */
  forgetGroup(group: string): void {
    this.byGroup.delete(group);
  }
}

function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
