/**
 * The consumer protocol bytes inside JoinGroup/SyncGroup: KafkaJS's assigner protocol
 * (consumer/assignerProtocol.js) and our ConsumerProtocolSubscription/Assignment codecs
 * must read each other's member metadata and assignments.
 */
import { describe, expect, it } from "vitest";
import {
  ConsumerProtocolAssignmentSpec,
  type ConsumerProtocolAssignment,
} from "../generated/messages/consumer-protocol-assignment.ts";
import {
  ConsumerProtocolSubscriptionSpec,
  type ConsumerProtocolSubscription,
} from "../generated/messages/consumer-protocol-subscription.ts";
import { KafkaJsMemberAssignment, KafkaJsMemberMetadata } from "./testing/kafkajs-internals.ts";
import { decodeVersionPrefixed, encodeVersionPrefixed } from "./testing/version-prefixed.ts";

const USER_DATA = Buffer.from("sticky-generation-7");
const EVERY_VERSION = [0, 1, 2, 3];

const subscription: ConsumerProtocolSubscription = {
  topics: ["payments", "audit-log"],
  userData: USER_DATA,
  ownedPartitions: [{ topic: "payments", partitions: [0, 2] }],
  generationId: 7,
  rackId: "rack-a",
};

const assignment: ConsumerProtocolAssignment = {
  assignedPartitions: [
    { topic: "payments", partitions: [0, 2] },
    { topic: "audit-log", partitions: [0] },
  ],
  userData: USER_DATA,
};

describe("member metadata (the subscription)", () => {
  it("KafkaJS's bytes decode with our ConsumerProtocolSubscription codec", () => {
    const bytes = KafkaJsMemberMetadata.encode({
      version: 0,
      topics: subscription.topics,
      userData: USER_DATA,
    });
    const { version, value } = decodeVersionPrefixed(ConsumerProtocolSubscriptionSpec, bytes);
    expect(version).toBe(0);
    expect(value).toEqual({
      ok: true,
      value: expect.objectContaining({
        topics: subscription.topics,
        userData: Uint8Array.from(USER_DATA),
      }),
    });
  });

  // KafkaJS reads the v0 fields and ignores the rest, which is how Kafka keeps newer
  // versions readable by older clients: new fields only ever go at the end.
  it.each(EVERY_VERSION)("KafkaJS reads our v%i bytes", (version) => {
    const decoded = KafkaJsMemberMetadata.decode(
      Buffer.from(encodeVersionPrefixed(ConsumerProtocolSubscriptionSpec, subscription, version)),
    );
    expect(decoded).toEqual({ version, topics: subscription.topics, userData: USER_DATA });
  });
});

describe("member assignment", () => {
  it("KafkaJS's bytes decode with our ConsumerProtocolAssignment codec", () => {
    const bytes = KafkaJsMemberAssignment.encode({
      version: 0,
      assignment: { payments: [0, 2], "audit-log": [0] },
      userData: USER_DATA,
    });
    const { version, value } = decodeVersionPrefixed(ConsumerProtocolAssignmentSpec, bytes);
    expect(version).toBe(0);
    expect(value).toEqual({
      ok: true,
      value: { ...assignment, userData: Uint8Array.from(USER_DATA) },
    });
  });

  it.each(EVERY_VERSION)("KafkaJS reads our v%i bytes", (version) => {
    const decoded = KafkaJsMemberAssignment.decode(
      Buffer.from(encodeVersionPrefixed(ConsumerProtocolAssignmentSpec, assignment, version)),
    );
    expect(decoded).toEqual({
      version,
      assignment: { payments: [0, 2], "audit-log": [0] },
      userData: USER_DATA,
    });
  });
});
