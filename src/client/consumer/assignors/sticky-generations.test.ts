/**
 * Members claiming partitions from different generations (Kafka's AbstractStickyAssignorTest
 * and StickyAssignorTest generation scenarios): the newest generation's claim wins, claims
 * from one generation by two members are void, and the result stays valid and balanced.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_GENERATION } from "./assignor.ts";
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
import type { TopicPartition } from "./assignor.ts";

const partitionsOf = (spec: string): TopicPartition[] =>
  spec.split(", ").map((item) => {
    const dash = item.lastIndexOf("-");
    return tp(item.slice(0, dash), Number(item.slice(dash + 1)));
  });

describe.each(STICKY_FLAVORS)("$name: generations", (flavor) => {
  const run = (counts: Map<string, number>, subs: ReturnType<typeof subscriptionMap>) => {
    const result = assignAndSettle(flavor, flavor.create(), counts, subs);
    expect(assignmentProblems(counts, result.subscriptions, result.settled)).toEqual([]);
    expect(isFullyBalanced(result.settled)).toBe(true);
    return result;
  };
  const topics = ["topic", "topic2"];
  const counts = partitionCounts({ topic: 3, topic2: 3 });

  it.each([
    ["an older generation", 9],
    ["no generation", DEFAULT_GENERATION],
  ])("ignores claims from %s", (_, staleGeneration) => {
    const claimed = partitionsOf("topic-0, topic-2, topic2-1");
    const { first } = run(
      counts,
      subscriptionMap(
        flavor.member("consumer1", topics, claimed, 10),
        flavor.member("consumer2", topics, claimed, staleGeneration),
      ),
    );
    expect(showSorted(first.get("consumer1"))).toBe("topic-0, topic-2, topic2-1");
    expect(showSorted(first.get("consumer2"))).toBe("topic-1, topic2-0, topic2-2");
  });

  it("keeps each partition with the member of the highest generation claiming it", () => {
    const all = ["topic", "topic2", "topic3"];
    const { first } = run(
      partitionCounts({ topic: 3, topic2: 3, topic3: 3 }),
      subscriptionMap(
        flavor.member("consumer1", all, partitionsOf("topic-0, topic2-0, topic3-0"), 10),
        flavor.member("consumer2", all, partitionsOf("topic-1, topic2-1, topic3-1"), 9),
        flavor.member("consumer3", all, partitionsOf("topic2-1, topic3-0, topic3-2"), 8),
      ),
    );
    expect(showSorted(first.get("consumer1"))).toBe("topic-0, topic2-0, topic3-0");
    expect(showSorted(first.get("consumer2"))).toBe("topic-1, topic2-1, topic3-1");
    expect(showSorted(first.get("consumer3"))).toBe("topic-2, topic2-2, topic3-2");
  });

  it("does not move current members' partitions to a new member", () => {
    const all = ["topic", "topic2", "topic3", "topic1"];
    const { first } = run(
      partitionCounts({ topic: 3, topic1: 3, topic2: 3, topic3: 3 }),
      subscriptionMap(
        flavor.member("consumer1", all, [], DEFAULT_GENERATION),
        flavor.member("consumer2", all, partitionsOf("topic-0, topic2-0, topic1-0"), 9),
        flavor.member("consumer3", all, partitionsOf("topic3-2, topic2-2, topic1-1"), 8),
        flavor.member("consumer4", all, partitionsOf("topic3-1, topic-1, topic-2"), 7),
      ),
    );
    expect(showSorted(first.get("consumer1"))).toBe("topic1-2, topic2-1, topic3-0");
  });

  it("lets the newer of two generations keep a doubly claimed partition", () => {
    const { first } = run(
      counts,
      subscriptionMap(
        flavor.member("consumer1", topics, partitionsOf("topic-0, topic2-1, topic-1"), 10),
        flavor.member("consumer2", topics, partitionsOf("topic-0, topic2-1, topic2-2"), 8),
      ),
    );
    expect(showSorted(first.get("consumer1"))).toBe("topic-0, topic-1, topic2-1");
    expect(showSorted(first.get("consumer2"))).toBe("topic-2, topic2-0, topic2-2");
  });

  it.each([
    [3, "topic-1", "topic-2"],
    [4, "topic-1, topic-3", "topic-2"],
  ])(
    "voids a partition two members claim in the same generation (%i partitions)",
    (partitions, expected1, expected2) => {
      const { first, settled } = run(
        partitionCounts({ topic: partitions }),
        subscriptionMap(
          flavor.member("consumer1", ["topic"], partitionsOf("topic-0, topic-1"), 1),
          flavor.member("consumer2", ["topic"], partitionsOf("topic-0, topic-2"), 1),
          flavor.member("consumer3", ["topic"], [], 1),
        ),
      );
      expect(show(first.get("consumer1"))).toBe(expected1);
      expect(show(first.get("consumer2"))).toBe(expected2);
      // Both claimants may still hold topic-0, so cooperative waits a round before moving it.
      expect(show(first.get("consumer3"))).toBe(flavor.cooperative ? "" : "topic-0");
      expect(show(settled.get("consumer3"))).toBe("topic-0");
    },
  );

  it("never assigns a partition twice with three generations in any order (Kafka's test)", () => {
    const orders = [
      [1, 2, 3],
      [1, 3, 2],
      [2, 1, 3],
      [2, 3, 1],
      [3, 1, 2],
      [3, 2, 1],
    ];
    for (const [g1, g2, g3] of orders) {
      const assignment = flavor
        .create()
        .assign(
          partitionCounts({ topic: 6, topic1: 1 }),
          subscriptionMap(
            flavor.member("consumer1", ["topic"], partitionsOf("topic-0, topic-2"), g1!),
            flavor.member("consumer2", ["topic"], partitionsOf("topic-1, topic-2, topic-3"), g2!),
            flavor.member("consumer3", ["topic"], partitionsOf("topic-2, topic-4, topic-5"), g3!),
            flavor.member("consumer4", ["topic1"], partitionsOf("topic1-0"), 2),
          ),
        );
      const all = [...assignment.values()].flat().map((p) => `${p.topic}-${p.partition}`);
      expect(new Set(all).size).toBe(all.length);
      for (const list of assignment.values()) {
        expect(list.length).toBeGreaterThanOrEqual(flavor.cooperative ? 0 : 1);
        expect(list.length).toBeLessThanOrEqual(2);
      }
    }
  });

  it.each([true, false])(
    "resolves conflicting previous generations (all subscriptions equal: %s)",
    (allEqual) => {
      const all = ["topic", "topic2", "topic3"];
      const topics1 = allEqual ? all : ["topic"];
      const topics2 = allEqual ? all : ["topic", "topic2"];
      const c1 = partitionsOf(
        allEqual
          ? "topic-0, topic-1, topic-2, topic2-2, topic2-3, topic3-0"
          : "topic-0, topic-1, topic-2, topic-3",
      );
      const c2 = partitionsOf("topic-0, topic-1, topic2-0, topic2-1, topic2-2, topic2-3");
      const c3 = partitionsOf("topic-2, topic-3, topic3-0, topic3-1, topic3-2, topic3-3");
      const { first, settled } = run(
        partitionCounts({ topic: 4, topic2: 4, topic3: 4 }),
        subscriptionMap(
          flavor.member("consumer1", topics1, c1, 1),
          flavor.member("consumer2", topics2, c2, 2),
          flavor.member("consumer3", all, c3, 2),
        ),
      );
      for (const member of ["consumer1", "consumer2", "consumer3"]) {
        expect(settled.get(member)).toHaveLength(4);
      }
      const within = (list: TopicPartition[] | undefined, claimed: TopicPartition[]) =>
        (list ?? []).every((p) =>
          claimed.some((c) => c.topic === p.topic && c.partition === p.partition),
        );
      expect(within(first.get("consumer2"), c2)).toBe(true);
      expect(within(first.get("consumer3"), c3)).toBe(true);
    },
  );
});

describe("sticky (eager): generations across rebalances (Kafka's StickyAssignorTest)", () => {
  const flavor = STICKY_FLAVORS[0]!;

  it.each([true, false])("multiple generations 1 (all subscriptions equal: %s)", (allEqual) => {
    const assignor = flavor.create();
    const all = ["topic", "topic2"];
    const topics2 = allEqual ? all : ["topic"];
    const counts = partitionCounts({ topic: 6, topic2: 6 });
    const r1 = assignor.assign(
      counts,
      subscriptionMap(
        fresh("consumer1", all),
        fresh("consumer2", topics2),
        fresh("consumer3", all),
      ),
    );
    for (const list of r1.values()) expect(list).toHaveLength(4);

    const r2 = assignor.assign(
      counts,
      subscriptionMap(
        flavor.member("consumer1", all, r1.get("consumer1")!, 1),
        flavor.member("consumer2", topics2, r1.get("consumer2")!, 1),
      ),
    );
    expect(r2.get("consumer1")).toHaveLength(6);
    expect(r2.get("consumer2")).toHaveLength(6);
    if (allEqual) expect(r2.get("consumer1")).toEqual(expect.arrayContaining(r1.get("consumer1")!));
    expect(r2.get("consumer2")).toEqual(expect.arrayContaining(r1.get("consumer2")!));

    const subscriptions = subscriptionMap(
      flavor.member("consumer2", topics2, r2.get("consumer2")!, 2),
      flavor.member("consumer3", all, r1.get("consumer3")!, 1),
    );
    const r3 = assignor.assign(counts, subscriptions);
    expect(r3.get("consumer2")).toHaveLength(6);
    expect(r3.get("consumer3")).toHaveLength(6);
    expect(assignmentProblems(counts, subscriptions, r3)).toEqual([]);
  });

  it.each([true, false])("multiple generations 2 (all subscriptions equal: %s)", (allEqual) => {
    const assignor = flavor.create();
    const all = ["topic", "topic2", "topic3"];
    const topics1 = allEqual ? all : ["topic"];
    const topics3 = allEqual ? all : ["topic", "topic2"];
    const counts = partitionCounts({ topic: 4, topic2: 4, topic3: 4 });
    const r1 = assignor.assign(
      counts,
      subscriptionMap(
        fresh("consumer1", topics1),
        fresh("consumer2", all),
        fresh("consumer3", topics3),
      ),
    );
    const r2 = assignor.assign(
      counts,
      subscriptionMap(flavor.member("consumer2", all, r1.get("consumer2")!, 1)),
    );
    expect(r2.get("consumer2")).toHaveLength(12);
    expect(r2.get("consumer2")).toEqual(expect.arrayContaining(r1.get("consumer2")!));

    const subscriptions = subscriptionMap(
      flavor.member("consumer1", topics1, r1.get("consumer1")!, 1),
      flavor.member("consumer2", all, r2.get("consumer2")!, 2),
      flavor.member("consumer3", topics3, r1.get("consumer3")!, 1),
    );
    const r3 = assignor.assign(counts, subscriptions);
    for (const list of r3.values()) expect(list).toHaveLength(4);
    expect(assignmentProblems(counts, subscriptions, r3)).toEqual([]);
  });
});
