/**
 * Kafka's AbstractStickyAssignorTest scenarios, run on both sticky assignors. The expected
 * lists are Kafka's (its tests compare lists, so the order within a member matters too).
 * For cooperative-sticky, `settled` is the assignment after the follow-up rebalance in which
 * revoked partitions are handed over.
 */
import { describe, expect, it } from "vitest";
import {
  assignmentProblems,
  fresh,
  isFullyBalanced,
  partitionCounts,
  show,
  showSorted,
  subscriptionMap,
  tp,
} from "./testing/assignor-fixtures.ts";
import { assignAndSettle, STICKY_FLAVORS } from "./testing/sticky-flavors.ts";

describe.each(STICKY_FLAVORS)("$name: Kafka's scenarios", (flavor) => {
  const generation = 1;
  const run = (counts: Map<string, number>, subs: ReturnType<typeof subscriptionMap>) => {
    const result = assignAndSettle(flavor, flavor.create(), counts, subs, generation);
    expect(assignmentProblems(counts, result.subscriptions, result.settled)).toEqual([]);
    return result;
  };

  it("one consumer: no topics, a topic without partitions, one topic", () => {
    expect(show(run(partitionCounts({}), subscriptionMap(fresh("c", []))).settled.get("c"))).toBe(
      "",
    );
    const empty = run(partitionCounts({ topic: 0 }), subscriptionMap(fresh("c", ["topic"])));
    expect(show(empty.settled.get("c"))).toBe("");
    const one = run(partitionCounts({ topic: 3 }), subscriptionMap(fresh("c", ["topic"])));
    expect(show(one.first.get("c"))).toBe("topic-0, topic-1, topic-2");
  });

  it("only assigns partitions of subscribed topics, whatever the member claims", () => {
    const owned = [tp("topic", 0), tp("topic", 1), tp("other", 0), tp("other", 1)];
    const { first } = run(
      partitionCounts({ topic: 2 }),
      subscriptionMap(flavor.member("c", ["topic"], owned, generation)),
    );
    expect(show(first.get("c"))).toBe("topic-0, topic-1");
  });

  it("one consumer, several topics", () => {
    const { first } = run(
      partitionCounts({ topic1: 1, topic2: 2 }),
      subscriptionMap(fresh("c", ["topic1", "topic2"])),
    );
    expect(show(first.get("c"))).toBe("topic1-0, topic2-0, topic2-1");
  });

  it("two consumers on one topic, and on two topics with six partitions", () => {
    const one = run(
      partitionCounts({ topic: 2 }),
      subscriptionMap(fresh("consumer1", ["topic"]), fresh("consumer2", ["topic"])),
    );
    expect(show(one.first.get("consumer1"))).toBe("topic-0");
    expect(show(one.first.get("consumer2"))).toBe("topic-1");

    const both = ["topic1", "topic2"];
    const two = run(
      partitionCounts({ topic1: 3, topic2: 3 }),
      subscriptionMap(fresh("consumer1", both), fresh("consumer2", both)),
    );
    expect(show(two.first.get("consumer1"))).toBe("topic1-0, topic1-2, topic2-1");
    expect(show(two.first.get("consumer2"))).toBe("topic1-1, topic2-0, topic2-2");
  });

  it("mixed subscriptions take the general path and stay balanced", () => {
    const { first } = run(
      partitionCounts({ topic1: 3, topic2: 2 }),
      subscriptionMap(
        fresh("consumer1", ["topic1"]),
        fresh("consumer2", ["topic1", "topic2"]),
        fresh("consumer3", ["topic1"]),
      ),
    );
    expect(show(first.get("consumer1"))).toBe("topic1-0, topic1-2");
    expect(show(first.get("consumer2"))).toBe("topic2-0, topic2-1");
    expect(show(first.get("consumer3"))).toBe("topic1-1");
  });

  it("a member owning minQuota ends with maxQuota", () => {
    const topics = ["topic1", "topic2"];
    const { first } = run(
      partitionCounts({ topic1: 2, topic2: 3 }),
      subscriptionMap(
        flavor.member("consumer1", topics, [tp("topic1", 0), tp("topic2", 1)], generation),
        flavor.member("consumer2", topics, [tp("topic1", 1), tp("topic2", 2)], generation),
      ),
    );
    expect(show(first.get("consumer1"))).toBe("topic1-0, topic2-1, topic2-0");
    expect(show(first.get("consumer2"))).toBe("topic1-1, topic2-2");
  });

  it("more members own maxQuota than may keep it: Java's member order decides", () => {
    // A Java HashMap iterates consumer3, consumer2, consumer1: consumer2 keeps two partitions.
    const topics = ["topic1", "topic2"];
    const { first, settled } = run(
      partitionCounts({ topic1: 2, topic2: 2 }),
      subscriptionMap(
        flavor.member("consumer1", topics, [tp("topic1", 0), tp("topic2", 0)], generation),
        flavor.member("consumer2", topics, [tp("topic1", 1), tp("topic2", 1)], generation),
        flavor.member("consumer3", topics, [], generation),
      ),
    );
    expect(show(settled.get("consumer1"))).toBe("topic1-0");
    expect(show(settled.get("consumer2"))).toBe("topic1-1, topic2-1");
    expect(show(settled.get("consumer3"))).toBe("topic2-0");
    // topic2-0 is still consumer1's in the first rebalance: cooperative holds it back.
    expect(show(first.get("consumer3"))).toBe(flavor.cooperative ? "" : "topic2-0");
  });

  it("all members under minQuota keep theirs and fill up", () => {
    const topics = ["topic1", "topic2"];
    const { first } = run(
      partitionCounts({ topic1: 2, topic2: 3 }),
      subscriptionMap(
        flavor.member("consumer1", topics, [tp("topic1", 0)], generation),
        flavor.member("consumer2", topics, [tp("topic1", 1)], generation),
        flavor.member("consumer3", topics, [], generation),
      ),
    );
    expect(show(first.get("consumer1"))).toBe("topic1-0, topic2-1");
    expect(show(first.get("consumer2"))).toBe("topic1-1, topic2-2");
    expect(show(first.get("consumer3"))).toBe("topic2-0");
  });

  it("all members reaching their quota are considered filled", () => {
    const { first } = run(
      partitionCounts({ topic: 4 }),
      subscriptionMap(
        flavor.member("consumer1", ["topic"], [tp("topic", 0), tp("topic", 1)], generation),
        flavor.member("consumer2", ["topic"], [tp("topic", 2)], generation),
        flavor.member("consumer3", ["topic"], [], generation),
      ),
    );
    expect(show(first.get("consumer1"))).toBe("topic-0, topic-1");
    expect(show(first.get("consumer2"))).toBe("topic-2");
    expect(show(first.get("consumer3"))).toBe("topic-3");
  });

  it("adding then removing a member on one topic", () => {
    const counts = partitionCounts({ topic: 3 });
    const r1 = run(counts, subscriptionMap(fresh("consumer1", ["topic"])));
    expect(show(r1.first.get("consumer1"))).toBe("topic-0, topic-1, topic-2");

    const r2 = run(
      counts,
      subscriptionMap(
        flavor.member("consumer1", ["topic"], r1.first.get("consumer1")!, generation),
        flavor.member("consumer2", ["topic"], [], generation),
      ),
    );
    expect(show(r2.settled.get("consumer1"))).toBe("topic-0, topic-1");
    expect(show(r2.settled.get("consumer2"))).toBe("topic-2");

    const r3 = run(
      counts,
      subscriptionMap(
        flavor.member("consumer2", ["topic"], r2.settled.get("consumer2")!, generation),
      ),
    );
    expect(showSorted(r3.first.get("consumer2"))).toBe("topic-0, topic-1, topic-2");
  });

  it("adding two members then removing two keeps every partition it can in place", () => {
    const topics = ["topic1", "topic2"];
    const counts = partitionCounts({ topic1: 3, topic2: 4 });
    const r1 = run(counts, subscriptionMap(fresh("consumer1", topics), fresh("consumer2", topics)));
    expect(show(r1.first.get("consumer1"))).toBe("topic1-0, topic1-2, topic2-1, topic2-3");
    expect(show(r1.first.get("consumer2"))).toBe("topic1-1, topic2-0, topic2-2");

    const r2 = run(
      counts,
      subscriptionMap(
        flavor.member("consumer1", topics, r1.first.get("consumer1")!, generation),
        flavor.member("consumer2", topics, r1.first.get("consumer2")!, generation),
        flavor.member("consumer3", topics, [], generation),
        flavor.member("consumer4", topics, [], generation),
      ),
    );
    expect(show(r2.settled.get("consumer1"))).toBe("topic1-0, topic2-1");
    expect(show(r2.settled.get("consumer2"))).toBe("topic2-0, topic1-1");
    expect(show(r2.settled.get("consumer3"))).toBe("topic1-2, topic2-3");
    expect(show(r2.settled.get("consumer4"))).toBe("topic2-2");

    const r3 = run(
      counts,
      subscriptionMap(
        flavor.member("consumer3", topics, r2.settled.get("consumer3")!, generation),
        flavor.member("consumer4", topics, r2.settled.get("consumer4")!, generation),
      ),
    );
    expect(show(r3.first.get("consumer3"))).toBe("topic1-2, topic2-3, topic1-0, topic2-1");
    expect(show(r3.first.get("consumer4"))).toBe("topic2-2, topic1-1, topic2-0");
  });

  it("keeps each topic evenly spread as members come and go", () => {
    const topics = ["topic1", "topic2"];
    const counts = partitionCounts({ topic1: 12, topic2: 12 });
    const perTopic = (assignment: Map<string, { topic: string }[]>, expected: number) => {
      for (const partitions of assignment.values()) {
        for (const topic of topics) {
          expect(partitions.filter((p) => p.topic === topic)).toHaveLength(expected);
        }
      }
    };
    let members = [fresh("consumer1", topics)];
    let assignment = run(counts, subscriptionMap(...members)).settled;
    perTopic(assignment, 12);
    for (const [ids, expected] of [
      [["consumer1", "consumer2"], 6],
      [["consumer1", "consumer2", "consumer3", "consumer4"], 3],
      [["consumer3", "consumer4"], 6],
    ] as const) {
      members = ids.map((id) => flavor.member(id, topics, assignment.get(id) ?? [], generation));
      assignment = run(counts, subscriptionMap(...members)).settled;
      perTopic(assignment, expected);
      expect(isFullyBalanced(assignment)).toBe(true);
    }
  });

  it("only the departed member's partitions move when one leaves (general path)", () => {
    const counts = new Map<string, number>();
    const name = (prefix: string, i: number) => `${prefix}${String(i).padStart(2, "0")}`;
    for (let i = 1; i < 20; i++) counts.set(name("t", i), i);
    const topicsOf = (i: number) => Array.from({ length: i }, (_, j) => name("t", j + 1));
    const members = Array.from({ length: 19 }, (_, k) => fresh(name("c", k + 1), topicsOf(k + 1)));
    const assignor = flavor.create();
    const r1 = assignAndSettle(flavor, assignor, counts, subscriptionMap(...members), generation);
    expect(assignmentProblems(counts, r1.subscriptions, r1.settled)).toEqual([]);

    const remaining = members
      .filter((m) => m.memberId !== "c10")
      .map((m) => flavor.member(m.memberId, m.topics, r1.settled.get(m.memberId)!, generation));
    const r2 = assignAndSettle(flavor, assignor, counts, subscriptionMap(...remaining), generation);
    expect(assignmentProblems(counts, r2.subscriptions, r2.settled)).toEqual([]);
    expect(assignor.isSticky()).toBe(true);
  });

  it("a topic deleted from the metadata leaves its owner with the rest", () => {
    const counts = partitionCounts({ topic1: 1, topic3: 100 });
    const { first } = run(counts, subscriptionMap(fresh("c", ["topic1", "topic2", "topic3"])));
    expect(first.get("c")).toHaveLength(101);
    const gone = run(
      partitionCounts({}),
      subscriptionMap(flavor.member("c", ["topic"], [tp("topic", 0)], generation)),
    );
    expect(show(gone.first.get("c"))).toBe("");
  });
});
