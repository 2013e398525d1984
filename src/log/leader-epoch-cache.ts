/**
 * The leader epoch cache: for each leader epoch, the first offset written in it. The
 * leader answers OffsetForLeaderEpoch from it, and a follower truncates to what the new
 * leader says its epoch ended at, not to its own HW (KIP-101).
 */
import type { EpochEntry } from "./checkpoints/leader-epoch-checkpoint.ts";

export const UNDEFINED_EPOCH = -1;
export const UNDEFINED_EPOCH_OFFSET = -1n;

export class LeaderEpochCache {
  private entries: EpochEntry[];

  constructor(entries: readonly EpochEntry[] = []) {
    this.entries = [...entries];
  }

  all(): readonly EpochEntry[] {
    return this.entries;
  }

  get latestEpoch(): number | null {
    return this.entries.at(-1)?.epoch ?? null;
  }

  /**
   * Record that `epoch` began at `startOffset`. Returns true when the cache changed (and
   * should be checkpointed). Entries that conflict with it, a later or equal epoch or a
   * later or equal start, are dropped first, as Kafka does.
   */
  assign(epoch: number, startOffset: bigint): boolean {
    const latest = this.entries.at(-1);
    if (latest !== undefined && latest.epoch === epoch && latest.startOffset <= startOffset) return false;
    if (latest !== undefined && epoch < latest.epoch && startOffset >= latest.startOffset) {
      // An older epoch after a newer one: a stale append; keep the newer history.
      return false;
    }
    this.entries = this.entries.filter((e) => e.epoch < epoch && e.startOffset < startOffset);
    this.entries.push({ epoch, startOffset });
    return true;
  }

  /**
   * OffsetForLeaderEpoch: the largest epoch at most `requestedEpoch` and the offset where
   * it ended (the start of the next epoch, or the log end for the latest).
   */
  endOffsetFor(requestedEpoch: number, logEndOffset: bigint): { epoch: number; endOffset: bigint } {
    const undefinedAnswer = { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    if (requestedEpoch === UNDEFINED_EPOCH) return undefinedAnswer;
    if (this.latestEpoch === requestedEpoch) return { epoch: requestedEpoch, endOffset: logEndOffset };
    const higher = this.entries.find((e) => e.epoch > requestedEpoch);
    if (higher === undefined) return undefinedAnswer;
    const floor = this.entries.filter((e) => e.epoch <= requestedEpoch).at(-1);
    return { epoch: floor?.epoch ?? requestedEpoch, endOffset: higher.startOffset };
  }

  /** The log was cut at `endOffset`: forget epochs that started there or later. */
  truncateFromEnd(endOffset: bigint): boolean {
    const kept = this.entries.filter((e) => e.startOffset < endOffset);
    const changed = kept.length !== this.entries.length;
    this.entries = kept;
    return changed;
  }

  /** The log now starts at `startOffset`: drop epochs wholly before it, clamp the first. */
  truncateFromStart(startOffset: bigint): boolean {
    let changed = false;
    while (this.entries.length > 1 && this.entries[1]!.startOffset <= startOffset) {
      this.entries.shift();
      changed = true;
    }
    const first = this.entries[0];
    if (first !== undefined && first.startOffset < startOffset) {
      this.entries[0] = { epoch: first.epoch, startOffset };
      changed = true;
    }
    return changed;
  }
}
