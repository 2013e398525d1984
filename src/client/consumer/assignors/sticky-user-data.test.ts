import { describe, expect, it } from "vitest";
import {
  decodeCooperativeStickyUserData,
  decodeStickyAssignorUserData,
  encodeCooperativeStickyUserData,
  encodeStickyAssignorUserData,
} from "./sticky-user-data.ts";
import { seededRandom, show, tp } from "./testing/assignor-fixtures.ts";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("StickyAssignorUserData", () => {
  it("lays out v1 as Kafka's Struct does: [topic, [partition]] then the generation", () => {
    const bytes = encodeStickyAssignorUserData({
      partitions: [tp("t", 0), tp("t", 1)],
      generation: 5,
    });
    expect(hex(bytes)).toBe(
      "00000001" + "0001" + "74" + "00000002" + "00000000" + "00000001" + "00000005",
    );
  });

  it("groups partitions by topic in Java HashMap order, partitions in list order", () => {
    const partitions = [tp("orders", 3), tp("audit-log", 0), tp("payments", 1), tp("orders", 1)];
    const decoded = decodeStickyAssignorUserData(
      encodeStickyAssignorUserData({ partitions, generation: 2 }),
    );
    // Java iterates {orders, audit-log, payments} as payments, orders, audit-log.
    expect(decoded.ok && show(decoded.value.partitions)).toBe(
      "payments-1, orders-3, orders-1, audit-log-0",
    );
  });

  it("round-trips v1 and v0", () => {
    const partitions = [tp("topic1", 0), tp("topic2", 1), tp("한글", 7)];
    const v1 = decodeStickyAssignorUserData(
      encodeStickyAssignorUserData({ partitions, generation: 9 }),
    );
    expect(v1).toEqual({
      ok: true,
      value: { version: 1, partitions: expect.any(Array), generation: 9 },
    });
    expect(v1.ok && new Set(v1.value.partitions.map((p) => `${p.topic}-${p.partition}`))).toEqual(
      new Set(["topic1-0", "topic2-1", "한글-7"]),
    );
    const v0 = decodeStickyAssignorUserData(
      encodeStickyAssignorUserData({ partitions, generation: null }),
    );
    expect(v0.ok && v0.value.version).toBe(0);
    expect(v0.ok && v0.value.generation).toBeNull();
    expect(v0.ok && v0.value.partitions).toHaveLength(3);
  });

  it("ignores bytes after the last field, as Kafka's reader does", () => {
    const bytes = encodeStickyAssignorUserData({ partitions: [tp("t", 0)], generation: 3 });
    const longer = new Uint8Array([...bytes, 0xde, 0xad]);
    const decoded = decodeStickyAssignorUserData(longer);
    expect(decoded.ok && decoded.value.generation).toBe(3);
  });

  it("returns an error for truncated data, negative sizes and negative string lengths", () => {
    const bytes = encodeStickyAssignorUserData({ partitions: [tp("topic", 0)], generation: 1 });
    expect(decodeStickyAssignorUserData(bytes.subarray(0, 6)).ok).toBe(false);
    expect(decodeStickyAssignorUserData(Uint8Array.of(0xff, 0xff, 0xff, 0xff)).ok).toBe(false);
    expect(decodeStickyAssignorUserData(Uint8Array.of(0, 0, 0, 1, 0xff, 0xff)).ok).toBe(false);
    expect(decodeStickyAssignorUserData(Uint8Array.of(0, 0, 0, 0x7f, 0, 0)).ok).toBe(false);
  });

  it("never throws on random bytes", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 40) }, () =>
        Math.floor(random() * 256),
      );
      const decoded = decodeStickyAssignorUserData(bytes);
      expect(typeof decoded.ok).toBe("boolean");
    }
  });
});

describe("CooperativeStickyAssignor userData", () => {
  it("is the generation as an int32", () => {
    expect(hex(encodeCooperativeStickyUserData(258))).toBe("00000102");
    expect(decodeCooperativeStickyUserData(encodeCooperativeStickyUserData(-1))).toEqual({
      ok: true,
      value: -1,
    });
    expect(decodeCooperativeStickyUserData(Uint8Array.of(0, 0, 1)).ok).toBe(false);
  });
});
