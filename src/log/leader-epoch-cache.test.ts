import { describe, expect, it } from "vitest";
import { LeaderEpochCache, UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET } from "./leader-epoch-cache.ts";

describe("the leader epoch cache", () => {
  it("records the first offset of each new epoch once", () => {
    const cache = new LeaderEpochCache();
    expect(cache.assign(0, 0n)).toBe(true);
    expect(cache.assign(0, 5n)).toBe(false);
    expect(cache.assign(2, 10n)).toBe(true);
    expect(cache.all()).toEqual([
      { epoch: 0, startOffset: 0n },
      { epoch: 2, startOffset: 10n },
    ]);
  });

  it("answers OffsetForLeaderEpoch as Kafka does", () => {
    const cache = new LeaderEpochCache([
      { epoch: 1, startOffset: 0n },
      { epoch: 3, startOffset: 10n },
      { epoch: 5, startOffset: 20n },
    ]);
    expect(cache.endOffsetFor(5, 27n)).toEqual({ epoch: 5, endOffset: 27n }); // latest: the log end
    expect(cache.endOffsetFor(3, 27n)).toEqual({ epoch: 3, endOffset: 20n });
    expect(cache.endOffsetFor(4, 27n)).toEqual({ epoch: 3, endOffset: 20n }); // unknown: the epoch before
    expect(cache.endOffsetFor(0, 27n)).toEqual({ epoch: 0, endOffset: 0n }); // older than all
    expect(cache.endOffsetFor(6, 27n)).toEqual({ epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET });
    expect(cache.endOffsetFor(UNDEFINED_EPOCH, 27n).endOffset).toBe(UNDEFINED_EPOCH_OFFSET);
  });

  it("forgets epochs cut off at either end", () => {
    const cache = new LeaderEpochCache([
      { epoch: 1, startOffset: 0n },
      { epoch: 3, startOffset: 10n },
      { epoch: 5, startOffset: 20n },
    ]);
    expect(cache.truncateFromEnd(15n)).toBe(true);
    expect(cache.latestEpoch).toBe(3);
    expect(cache.truncateFromStart(12n)).toBe(true);
    expect(cache.all()).toEqual([{ epoch: 3, startOffset: 12n }]);
  });

  it("drops conflicting later history when an epoch is reassigned lower in the log", () => {
    const cache = new LeaderEpochCache([
      { epoch: 1, startOffset: 0n },
      { epoch: 2, startOffset: 10n },
    ]);
    expect(cache.assign(3, 5n)).toBe(true);
    expect(cache.all()).toEqual([
      { epoch: 1, startOffset: 0n },
      { epoch: 3, startOffset: 5n },
    ]);
  });
});
