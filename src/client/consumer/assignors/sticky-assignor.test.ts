import { describe, expect, it } from "vitest";
import { subscriptionOf } from "./assignor.ts";
import { StickyAssignor, stickyMemberData } from "./sticky-assignor.ts";
import { encodeStickyAssignorUserData } from "./sticky-user-data.ts";
import {
  assignmentProblems,
  fresh,
  partitionCounts,
  show,
  showSorted,
  stickyMember,
  subscriptionMap,
  tp,
} from "./testing/assignor-fixtures.ts";

const metadata = (generationId: number) => ({
  groupId: "group",
  generationId,
  memberId: "consumer1",
  groupInstanceId: null,
});

describe("StickyAssignor", () => {
  it('is Kafka\'s "sticky" assignor, eager only', () => {
    const assignor = new StickyAssignor();
    expect(assignor.name).toBe("sticky");
    expect(assignor.supportedProtocols).toEqual(["eager"]);
  });

  it("gives Kafka's documented example 1 and keeps everything in place when C1 leaves", () => {
    const topics = ["t0", "t1", "t2", "t3"];
    const counts = partitionCounts({ t0: 2, t1: 2, t2: 2, t3: 2 });
    const assignor = new StickyAssignor();
    const first = assignor.assign(
      counts,
      subscriptionMap(fresh("C0", topics), fresh("C1", topics), fresh("C2", topics)),
    );
    expect(show(first.get("C0"))).toBe("t0-0, t1-1, t3-0");
    expect(show(first.get("C1"))).toBe("t0-1, t2-0, t3-1");
    expect(show(first.get("C2"))).toBe("t1-0, t2-1");

    const second = assignor.assign(
      counts,
      subscriptionMap(
        stickyMember("C0", topics, first.get("C0")!, 1),
        stickyMember("C2", topics, first.get("C2")!, 1),
      ),
    );
    expect(second.get("C0")).toEqual(expect.arrayContaining(first.get("C0")!));
    expect(second.get("C2")).toEqual(expect.arrayContaining(first.get("C2")!));
    expect(second.get("C0")).toHaveLength(4);
    expect(second.get("C2")).toHaveLength(4);
  });

  it("gives Kafka's documented example 2, more balanced than round robin, and stays sticky", () => {
    const counts = partitionCounts({ t0: 1, t1: 2, t2: 3 });
    const assignor = new StickyAssignor();
    const first = assignor.assign(
      counts,
      subscriptionMap(
        fresh("C0", ["t0"]),
        fresh("C1", ["t0", "t1"]),
        fresh("C2", ["t0", "t1", "t2"]),
      ),
    );
    expect(show(first.get("C0"))).toBe("t0-0");
    expect(show(first.get("C1"))).toBe("t1-0, t1-1");
    expect(show(first.get("C2"))).toBe("t2-0, t2-1, t2-2");

    const second = assignor.assign(
      counts,
      subscriptionMap(
        stickyMember("C1", ["t0", "t1"], first.get("C1")!, 1),
        stickyMember("C2", ["t0", "t1", "t2"], first.get("C2")!, 1),
      ),
    );
    expect(show(second.get("C1"))).toBe("t1-0, t1-1, t0-0");
    expect(show(second.get("C2"))).toBe("t2-0, t2-1, t2-2");
    expect(assignor.isSticky()).toBe(true);
  });

  it("sends no userData before its first assignment, then what it got and the generation", () => {
    const assignor = new StickyAssignor();
    expect(assignor.subscriptionUserData()).toBeNull();
    assignor.onAssignment([tp("topic", 1)], metadata(1));
    const userData = assignor.subscriptionUserData()!;
    // Kafka's testMemberDataWithInconsistentData: the userData wins over ownedPartitions.
    const data = stickyMemberData(
      subscriptionOf("consumer1", ["topic"], { userData, ownedPartitions: [tp("topic", 0)] }),
    );
    expect(show(data.partitions)).toBe("topic-1");
    expect(data.generation).toBe(1);
  });

  it("always reads the userData, even against the subscription's own generation", () => {
    const userData = encodeStickyAssignorUserData({
      partitions: [tp("topic1", 0), tp("topic2", 1)],
      generation: 0,
    });
    const data = stickyMemberData(subscriptionOf("c", ["topic"], { userData, generationId: 1 }));
    expect(showSorted(data.partitions)).toBe("topic1-0, topic2-1");
    expect(data.generation).toBe(0);
  });

  it("reads no userData as nothing owned, and unreadable userData as generation -1", () => {
    expect(stickyMemberData(fresh("c", ["t"]))).toEqual({ partitions: [], generation: null });
    expect(stickyMemberData(subscriptionOf("c", ["t"], { userData: new Uint8Array(0) }))).toEqual({
      partitions: [],
      generation: null,
    });
    expect(
      stickyMemberData(subscriptionOf("c", ["t"], { userData: Uint8Array.of(0xff, 0xff) })),
    ).toEqual({ partitions: [], generation: -1 });
  });

  it("accepts a member still on the v0 userData schema (Kafka's backward compatibility test)", () => {
    const counts = partitionCounts({ topic: 3 });
    const assignment = new StickyAssignor().assign(
      counts,
      subscriptionMap(
        stickyMember("consumer1", ["topic"], [tp("topic", 0), tp("topic", 2)], 1),
        subscriptionOf("consumer2", ["topic"], {
          userData: encodeStickyAssignorUserData({
            partitions: [tp("topic", 1)],
            generation: null,
          }),
        }),
        fresh("consumer3", ["topic"]),
      ),
    );
    for (const list of assignment.values()) expect(list).toHaveLength(1);
    expect(["topic-0", "topic-2"]).toContain(show(assignment.get("consumer1")));
    expect(show(assignment.get("consumer2"))).toBe("topic-1");
  });

  it("accepts members on every subscription version (Kafka's old-version test)", () => {
    const userDataFor = (partition: number) =>
      encodeStickyAssignorUserData({ partitions: [tp("topic1", partition)], generation: 1 });
    const assignment = new StickyAssignor().assign(
      partitionCounts({ topic1: 3 }),
      subscriptionMap(
        // v0: userData only
        subscriptionOf("consumer1", ["topic1"], { userData: userDataFor(0) }),
        // v1: userData and ownedPartitions, no generation field
        subscriptionOf("consumer2", ["topic1"], {
          userData: userDataFor(1),
          ownedPartitions: [tp("topic1", 1)],
        }),
        // v2+: a generation, nothing owned
        subscriptionOf("consumer3", ["topic1"], { generationId: 1 }),
      ),
    );
    expect(show(assignment.get("consumer1"))).toBe("topic1-0");
    expect(show(assignment.get("consumer2"))).toBe("topic1-1");
    expect(show(assignment.get("consumer3"))).toBe("topic1-2");
  });

  it("moves nothing when the existing assignment is already balanced (general path)", () => {
    const topics = ["topic1", "topic2", "topic3", "topic4", "topic5", "topic6"];
    const counts = new Map(topics.map((t) => [t, 1]));
    const subscriptions = subscriptionMap(
      stickyMember("consumer1", ["topic1", "topic2"], [tp("topic1", 0)], 1),
      stickyMember(
        "consumer2",
        ["topic1", "topic2", "topic3", "topic4"],
        [tp("topic2", 0), tp("topic3", 0)],
        1,
      ),
      stickyMember(
        "consumer3",
        ["topic2", "topic3", "topic4", "topic5", "topic6"],
        [tp("topic4", 0), tp("topic5", 0), tp("topic6", 0)],
        1,
      ),
    );
    const assignment = new StickyAssignor().assign(counts, subscriptions);
    // consumer1 (1) cannot take topic2 from consumer2 (2) without merely swapping the gap.
    expect(assignmentProblems(counts, subscriptions, assignment)).toEqual([]);
    expect(show(assignment.get("consumer1"))).toBe("topic1-0");
    // (Lists come back in the userData's order, which groups topics in Java HashMap order.)
    expect(showSorted(assignment.get("consumer2"))).toBe("topic2-0, topic3-0");
    expect(showSorted(assignment.get("consumer3"))).toBe("topic4-0, topic5-0, topic6-0");
  });
});
