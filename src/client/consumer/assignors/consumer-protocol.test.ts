import { describe, expect, it } from "vitest";
import {
  CONSUMER_PROTOCOL_LATEST_VERSION,
  decodeConsumerAssignment,
  decodeConsumerSubscription,
  decodeMemberSubscription,
  encodeConsumerAssignment,
  encodeConsumerSubscription,
  type ConsumerSubscriptionData,
} from "./consumer-protocol.ts";
import { seededRandom, show, tp } from "./testing/assignor-fixtures.ts";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

const subscription: ConsumerSubscriptionData = {
  topics: ["payments", "audit-log"],
  userData: Uint8Array.of(1, 2, 3),
  ownedPartitions: [tp("payments", 2), tp("audit-log", 0), tp("payments", 0)],
  generationId: 7,
  rackId: "rack-a",
};

describe("ConsumerProtocolSubscription", () => {
  it("writes v0 as the version, the topics and the userData", () => {
    const bytes = encodeConsumerSubscription({ ...subscription, topics: ["t"], userData: null }, 0);
    expect(hex(bytes)).toBe("0000" + "00000001" + "0001" + "74" + "ffffffff");
  });

  it("defaults to the latest version, 3", () => {
    expect(CONSUMER_PROTOCOL_LATEST_VERSION).toBe(3);
    const decoded = decodeConsumerSubscription(encodeConsumerSubscription(subscription));
    expect(decoded.ok && decoded.value.version).toBe(3);
  });

  it.each([
    [0, { ownedPartitions: "", generationId: -1, rackId: null }],
    [1, { ownedPartitions: "audit-log-0, payments-0, payments-2", generationId: -1, rackId: null }],
    [2, { ownedPartitions: "audit-log-0, payments-0, payments-2", generationId: 7, rackId: null }],
    [
      3,
      { ownedPartitions: "audit-log-0, payments-0, payments-2", generationId: 7, rackId: "rack-a" },
    ],
  ])(
    "round-trips v%i with the fields that version has, sorted as Kafka sends them",
    (version, expected) => {
      const decoded = decodeConsumerSubscription(encodeConsumerSubscription(subscription, version));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.value.version).toBe(version);
      expect(decoded.value.topics).toEqual(["audit-log", "payments"]);
      expect(decoded.value.userData).toEqual(Uint8Array.of(1, 2, 3));
      expect(show(decoded.value.ownedPartitions)).toBe(expected.ownedPartitions);
      expect(decoded.value.generationId).toBe(expected.generationId);
      expect(decoded.value.rackId).toBe(expected.rackId);
    },
  );

  it("writes a too-new version as v3 and reads a newer version's bytes as v3", () => {
    const written = encodeConsumerSubscription(subscription, 9);
    expect(hex(written.subarray(0, 2))).toBe("0003");
    // A v4 member adds fields after v3's: the prefix says 4, the rest is ignored.
    const future = new Uint8Array([...written, 0xca, 0xfe]);
    future[1] = 4;
    const decoded = decodeConsumerSubscription(future);
    expect(decoded.ok && decoded.value.version).toBe(4);
    expect(decoded.ok && decoded.value.rackId).toBe("rack-a");
  });

  it("reads an unknown generation and an empty rack as absent", () => {
    const decoded = decodeConsumerSubscription(
      encodeConsumerSubscription({ ...subscription, generationId: -5, rackId: "" }),
    );
    expect(decoded.ok && decoded.value.generationId).toBe(-1);
    expect(decoded.ok && decoded.value.rackId).toBeNull();
  });

  it("returns an error for a negative version, a missing prefix or a cut body", () => {
    const bytes = encodeConsumerSubscription(subscription);
    const negative = Uint8Array.from(bytes);
    negative[0] = 0xff;
    const bad = decodeConsumerSubscription(negative);
    expect(bad.ok || bad.error.kind).toBe("unsupported-version");
    expect(decodeConsumerSubscription(Uint8Array.of(0)).ok).toBe(false);
    expect(decodeConsumerSubscription(bytes.subarray(0, bytes.length - 3)).ok).toBe(false);
  });

  it("hands the leader's assignor a member's subscription", () => {
    const decoded = decodeMemberSubscription(
      "member-1",
      "instance-1",
      encodeConsumerSubscription(subscription),
    );
    expect(decoded.ok && decoded.value).toMatchObject({
      memberId: "member-1",
      groupInstanceId: "instance-1",
      topics: ["audit-log", "payments"],
      generationId: 7,
    });
  });

  it("never throws on random bytes", () => {
    const random = seededRandom(11);
    for (let i = 0; i < 3000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 48) }, () =>
        Math.floor(random() * 256),
      );
      if (random() < 0.5 && bytes.length >= 2) bytes[0] = 0; // mostly plausible versions
      expect(typeof decodeConsumerSubscription(bytes).ok).toBe("boolean");
      expect(typeof decodeConsumerAssignment(bytes).ok).toBe("boolean");
    }
  });
});

describe("ConsumerProtocolAssignment", () => {
  it("groups partitions under the topic's first appearance, as Kafka does", () => {
    const bytes = encodeConsumerAssignment({
      partitions: [tp("a", 0), tp("b", 1), tp("a", 2)],
      userData: null,
    });
    const decoded = decodeConsumerAssignment(bytes);
    expect(decoded.ok && show(decoded.value.partitions)).toBe("a-0, a-2, b-1");
    expect(decoded.ok && decoded.value.userData).toBeNull();
  });

  it.each([0, 1, 2, 3])("round-trips v%i with userData", (version) => {
    const decoded = decodeConsumerAssignment(
      encodeConsumerAssignment({ partitions: [tp("t", 1)], userData: Uint8Array.of(9) }, version),
    );
    expect(decoded).toEqual({
      ok: true,
      value: { version, partitions: [tp("t", 1)], userData: Uint8Array.of(9) },
    });
  });

  it("gives the caller its own copy of the userData", () => {
    const bytes = encodeConsumerAssignment({ partitions: [], userData: Uint8Array.of(5) });
    const decoded = decodeConsumerAssignment(bytes);
    bytes.fill(0);
    expect(decoded.ok && decoded.value.userData).toEqual(Uint8Array.of(5));
  });
});
