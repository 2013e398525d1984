import { describe, expect, it } from "vitest";
import {
  decodeCoordinatorRecord,
  groupMetadataRecord,
  offsetCommitRecord,
  type CommittedOffset,
} from "./coordinator-records.ts";

const committed = (fields: Partial<CommittedOffset> = {}): CommittedOffset => ({
  offset: 42n,
  leaderEpoch: 3,
  metadata: "m",
  commitTimestampMs: 1_700_000_000_000n,
  expireTimestampMs: null,
  ...fields,
});

describe("__consumer_offsets records", () => {
  it("writes an offset key as version 1 then group, topic, partition", () => {
    const { key } = offsetCommitRecord("g", "t", 7, committed());
    expect([...key]).toEqual([0, 1, 0, 1, 0x67, 0, 1, 0x74, 0, 0, 0, 7]);
  });

  it("writes offset values as v3, or v1 when the commit carried its own expiry, and reads them back", () => {
    const plain = offsetCommitRecord("g", "t", 0, committed());
    expect([...plain.value!.subarray(0, 2)]).toEqual([0, 3]);
    expect(decodeCoordinatorRecord(plain.key, plain.value)).toEqual({
      type: "offset",
      group: "g",
      topic: "t",
      partition: 0,
      value: committed(),
    });
    const expiring = offsetCommitRecord(
      "g",
      "t",
      0,
      committed({ expireTimestampMs: 1_700_000_060_000n }),
    );
    expect([...expiring.value!.subarray(0, 2)]).toEqual([0, 1]);
    // v1 has no leader epoch: it reads back as -1.
    expect(decodeCoordinatorRecord(expiring.key, expiring.value)).toMatchObject({
      value: { leaderEpoch: -1, expireTimestampMs: 1_700_000_060_000n },
    });
  });

  it("writes group metadata under key version 2 (value v3), and tombstones as null values", () => {
    const value = {
      protocolType: "consumer",
      generation: 4,
      protocol: "range",
      leader: "m-1",
      currentStateTimestamp: 1_700_000_000_000n,
      members: [
        {
          memberId: "m-1",
          groupInstanceId: "i-1",
          clientId: "c",
          clientHost: "/10.0.0.1",
          rebalanceTimeout: 30_000,
          sessionTimeout: 10_000,
          subscription: new Uint8Array([1]),
          assignment: new Uint8Array([2]),
        },
      ],
    };
    const record = groupMetadataRecord("g", value);
    expect([...record.key]).toEqual([0, 2, 0, 1, 0x67]);
    expect([...record.value!.subarray(0, 2)]).toEqual([0, 3]);
    expect(decodeCoordinatorRecord(record.key, record.value)).toEqual({
      type: "group",
      group: "g",
      value,
    });
    const tombstone = groupMetadataRecord("g", null);
    expect(tombstone.value).toBeNull();
    expect(decodeCoordinatorRecord(tombstone.key, null)).toEqual({
      type: "group",
      group: "g",
      value: null,
    });
  });

  it("reads keys of other record kinds as 'other' and reports bytes that do not parse", () => {
    expect(decodeCoordinatorRecord(new Uint8Array([0, 11, 0, 0]), null)).toEqual({
      type: "other",
      keyVersion: 11,
    });
    expect(decodeCoordinatorRecord(null, null)).toBeInstanceOf(Error);
    expect(decodeCoordinatorRecord(new Uint8Array([0]), null)).toBeInstanceOf(Error);
    expect(decodeCoordinatorRecord(new Uint8Array([0, 1, 0, 9, 0x67]), null)).toBeInstanceOf(Error);
    const good = offsetCommitRecord("g", "t", 0, committed());
    expect(decodeCoordinatorRecord(good.key, good.value!.subarray(0, 5))).toBeInstanceOf(Error);
  });
});
