import { describe, expect, it } from "vitest";
import { subscriptionOf } from "./assignor.ts";
import { CooperativeStickyAssignor, cooperativeMemberData } from "./cooperative-sticky-assignor.ts";
import { partitionsReassignedWhileOwned } from "./cooperative-validation.ts";
import { encodeCooperativeStickyUserData } from "./sticky-user-data.ts";
import {
  assignmentProblems,
  cooperativeMember,
  partitionCounts,
  show,
  showSorted,
  subscriptionMap,
  tp,
} from "./testing/assignor-fixtures.ts";
import { assignAndSettle, STICKY_FLAVORS } from "./testing/sticky-flavors.ts";

const metadata = (generationId: number) => ({
  groupId: "group",
  generationId,
  memberId: "member",
  groupInstanceId: null,
});

describe("CooperativeStickyAssignor", () => {
  it('is Kafka\'s "cooperative-sticky" assignor, cooperative first', () => {
    const assignor = new CooperativeStickyAssignor();
    expect(assignor.name).toBe("cooperative-sticky");
    expect(assignor.supportedProtocols).toEqual(["cooperative", "eager"]);
  });

  it("sends its generation as userData: -1 at first, then the last one assigned", () => {
    const assignor = new CooperativeStickyAssignor();
    const before = subscriptionOf("m", ["topic"], { userData: assignor.subscriptionUserData() });
    expect(cooperativeMemberData(before).generation).toBe(-1);
    assignor.onAssignment([], metadata(10));
    const after = subscriptionOf("m", ["topic"], { userData: assignor.subscriptionUserData() });
    expect(cooperativeMemberData(after).generation).toBe(10);
  });

  it("reads no generation from a subscription without one and without userData", () => {
    expect(cooperativeMemberData(subscriptionOf("m", ["topic"])).generation).toBeNull();
    const garbled = subscriptionOf("m", ["topic"], { userData: Uint8Array.of(1) });
    expect(cooperativeMemberData(garbled).generation).toBe(-1);
  });

  it("takes owned partitions from the subscription, the generation from v2's field first", () => {
    const userData = encodeCooperativeStickyUserData(1);
    const v1 = cooperativeMemberData(
      subscriptionOf("m", ["topic"], { userData, ownedPartitions: [tp("topic", 0)] }),
    );
    expect(show(v1.partitions)).toBe("topic-0");
    expect(v1.generation).toBe(1);
    for (const userDataGeneration of [1, 0]) {
      const v2 = cooperativeMemberData(
        subscriptionOf("m", ["topic"], {
          userData: encodeCooperativeStickyUserData(userDataGeneration),
          generationId: 1,
        }),
      );
      expect(v2).toEqual({ partitions: [], generation: 1 });
    }
  });

  it("accepts members on subscription v1 (generation in userData) and v2", () => {
    const v1 = (memberId: string, partition: number) =>
      subscriptionOf(memberId, ["topic1"], {
        ownedPartitions: [tp("topic1", partition)],
        userData: encodeCooperativeStickyUserData(1),
      });
    const assignment = new CooperativeStickyAssignor().assign(
      partitionCounts({ topic1: 3 }),
      subscriptionMap(
        v1("consumer1", 0),
        v1("consumer2", 1),
        cooperativeMember("consumer3", ["topic1"], [], 1),
      ),
    );
    expect(show(assignment.get("consumer1"))).toBe("topic1-0");
    expect(show(assignment.get("consumer2"))).toBe("topic1-1");
    expect(show(assignment.get("consumer3"))).toBe("topic1-2");
  });

  it("withholds a partition moving between members on the general path too", () => {
    // consumer1 owns all of topic2; consumer2 joins subscribed to topic2 only.
    const counts = partitionCounts({ topic1: 2, topic2: 4 });
    const owned = [tp("topic1", 0), tp("topic1", 1), ...[0, 1, 2, 3].map((p) => tp("topic2", p))];
    const subscriptions = subscriptionMap(
      cooperativeMember("consumer1", ["topic1", "topic2"], owned, 3),
      cooperativeMember("consumer2", ["topic2"], [], 3),
    );
    const assignor = new CooperativeStickyAssignor();
    const first = assignor.assign(counts, subscriptions);
    // consumer1 gives up three topic2 partitions, but consumer2 gets them only next time.
    expect(show(first.get("consumer2"))).toBe("");
    expect(first.get("consumer1")).toHaveLength(3);
    expect(
      partitionsReassignedWhileOwned(
        new Map([
          ["consumer1", owned],
          ["consumer2", []],
        ]),
        first,
      ),
    ).toEqual([]);

    const second = assignor.assign(
      counts,
      subscriptionMap(
        cooperativeMember("consumer1", ["topic1", "topic2"], first.get("consumer1")!, 4),
        cooperativeMember("consumer2", ["topic2"], [], 4),
      ),
    );
    expect(showSorted(second.get("consumer2"))).toBe("topic2-0, topic2-1, topic2-2");
    expect(assignmentProblems(counts, subscriptions, second)).toEqual([]);
  });

  it("the eager sticky assignor moves the same partitions in a single rebalance", () => {
    const [sticky] = STICKY_FLAVORS;
    const counts = partitionCounts({ topic: 3 });
    const subscriptions = subscriptionMap(
      sticky!.member("consumer1", ["topic"], [tp("topic", 0), tp("topic", 1), tp("topic", 2)], 1),
      sticky!.member("consumer2", ["topic"], [], 1),
    );
    const result = assignAndSettle(sticky!, sticky!.create(), counts, subscriptions);
    expect(result.rebalances).toBe(0);
    expect(show(result.first.get("consumer2"))).toBe("topic-2");
  });
});

describe("partitionsReassignedWhileOwned (the leader's cooperative check)", () => {
  it("flags a partition added to one member while revoked from another", () => {
    const owned = new Map([
      ["a", [tp("t", 0), tp("t", 1)]],
      ["b", []],
    ]);
    const direct = new Map([
      ["a", [tp("t", 0)]],
      ["b", [tp("t", 1)]],
    ]);
    expect(partitionsReassignedWhileOwned(owned, direct)).toEqual([tp("t", 1)]);
    const cooperative = new Map([
      ["a", [tp("t", 0)]],
      ["b", []],
    ]);
    expect(partitionsReassignedWhileOwned(owned, cooperative)).toEqual([]);
  });

  it("allows new partitions nobody owned, and members it has no owned list for", () => {
    const assignments = new Map([
      ["a", [tp("t", 2)]],
      ["new", [tp("t", 3)]],
    ]);
    expect(partitionsReassignedWhileOwned(new Map([["a", [tp("t", 0)]]]), assignments)).toEqual([]);
  });
});
