/**
 * Subscriptions a Java consumer would not send but another member might: the sticky
 * assignors must still never throw, never assign a partition twice, and never give a member
 * a topic it did not subscribe to (here we deliberately part from Kafka, whose checks have
 * holes for these inputs; see owned-partitions.ts and sticky-assignment.ts).
 */
import { describe, expect, it } from "vitest";
import {
  assignmentProblems,
  fresh,
  partitionCounts,
  show,
  subscriptionMap,
  tp,
} from "./testing/assignor-fixtures.ts";
import { assignAndSettle, STICKY_FLAVORS } from "./testing/sticky-flavors.ts";

// A Java HashMap iterates consumer3 before consumer2 before consumer1.
describe.each(STICKY_FLAVORS)("$name: odd input", (flavor) => {
  it("gives nothing to a first member subscribed to nothing", () => {
    const counts = partitionCounts({ t: 4 });
    const subscriptions = subscriptionMap(fresh("consumer1", ["t"]), fresh("consumer3", []));
    const assignment = flavor.create().assign(counts, subscriptions);
    expect(show(assignment.get("consumer3"))).toBe("");
    expect(show(assignment.get("consumer1"))).toBe("t-0, t-1, t-2, t-3");
  });

  it("does not mistake a list with a repeated topic for the same subscription", () => {
    const counts = partitionCounts({ t: 2, x: 2 });
    const subscriptions = subscriptionMap(
      fresh("consumer3", ["t", "x"]),
      fresh("consumer1", ["t", "t"]),
    );
    const assignment = flavor.create().assign(counts, subscriptions);
    expect(assignmentProblems(counts, subscriptions, assignment)).toEqual([]);
    expect(assignment.get("consumer1")!.every((p) => p.topic === "t")).toBe(true);
  });

  it("ignores claims on partitions a topic does not have", () => {
    const counts = partitionCounts({ t: 3 });
    const subscriptions = subscriptionMap(
      flavor.member("consumer3", ["t"], [tp("t", 0), tp("t", 7), tp("t", -1)], 1),
      flavor.member("consumer2", ["t"], [tp("t", 1)], 1),
    );
    const result = assignAndSettle(flavor, flavor.create(), counts, subscriptions);
    expect(assignmentProblems(counts, result.subscriptions, result.settled)).toEqual([]);
    expect(show(result.first.get("consumer2"))).toContain("t-1");
  });

  it("voids a partition a member lists twice in its own claim", () => {
    const counts = partitionCounts({ t: 2 });
    const subscriptions = subscriptionMap(
      flavor.member("consumer3", ["t"], [tp("t", 0), tp("t", 0)], 1),
      flavor.member("consumer2", ["t"], [], 1),
    );
    const result = assignAndSettle(flavor, flavor.create(), counts, subscriptions);
    expect(assignmentProblems(counts, result.subscriptions, result.settled)).toEqual([]);
  });

  it("returns an empty assignment for an empty group and handles members without topics", () => {
    expect(flavor.create().assign(partitionCounts({ t: 3 }), new Map()).size).toBe(0);
    const subscriptions = subscriptionMap(fresh("a", []), fresh("b", ["t"]), fresh("c", ["u"]));
    const counts = partitionCounts({ t: 3 });
    const assignment = flavor.create().assign(counts, subscriptions);
    expect(assignmentProblems(counts, subscriptions, assignment)).toEqual([]);
    expect(show(assignment.get("b"))).toBe("t-0, t-1, t-2");
  });
});
