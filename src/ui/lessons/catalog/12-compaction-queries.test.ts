import { describe, expect, it } from "vitest";
import { missingOffsets, recordsOfKey } from "./12-compaction-queries.ts";
import type { LoggedRecord, PartitionRead } from "./log-reader.ts";

const record = (offset: number, key: string | null, value: string | null): LoggedRecord => ({
  offset,
  key,
  value,
  producerId: 7,
});

describe("what compaction left in a log", () => {
  it("counts the offsets with no record between the log start and the HW", () => {
    const whole: PartitionRead = {
      records: [0, 1, 2, 3].map((offset) => record(offset, "a", `v${offset}`)),
      logStartOffset: 0,
      highWatermark: 4,
    };
    expect(missingOffsets(whole)).toBe(0);
    const compacted: PartitionRead = {
      records: [record(12, "a", "v12"), record(15, "b", "v15")],
      logStartOffset: 10,
      highWatermark: 16,
    };
    expect(missingOffsets(compacted)).toBe(4);
  });

  it("tells a key's values from its tombstones", () => {
    const read: PartitionRead = {
      records: [
        record(0, "bob", "balance 1"),
        record(1, "alice", "balance 2"),
        record(2, "bob", null),
        record(3, null, "no key"),
      ],
      logStartOffset: 0,
      highWatermark: 4,
    };
    expect(recordsOfKey(read, "bob")).toEqual({ values: 1, tombstones: 1 });
    expect(recordsOfKey(read, "alice")).toEqual({ values: 1, tombstones: 0 });
    expect(recordsOfKey(read, "carol")).toEqual({ values: 0, tombstones: 0 });
  });
});
