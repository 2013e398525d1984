import { describe, expect, it } from "vitest";
import type { TelemetryEvent } from "../../src/telemetry/telemetry-event.ts";
import { GenerationOwnership } from "./generation-ownership.ts";

function groupEvent(
  node: number,
  generation: number,
  members: Record<string, number[]>,
  group = "g",
  state: "Stable" | "CompletingRebalance" = "Stable",
): TelemetryEvent {
  return {
    kind: "group",
    node,
    group,
    coordinatorPartition: 0,
    state,
    generation,
    protocolType: "consumer",
    protocol: "range",
    leader: Object.keys(members)[0] ?? null,
    reason: "",
    members: Object.entries(members).map(([memberId, partitions]) => ({
      memberId,
      groupInstanceId: null,
      clientId: memberId,
      assignment: [{ topic: "t", partitions }],
    })),
  };
}

describe("one owner per partition per generation", () => {
  it("lets a partition move between generations", () => {
    const check = new GenerationOwnership();
    check.observe(groupEvent(1, 1, { a: [0, 1, 2] }));
    check.observe(groupEvent(1, 2, { a: [0, 1], b: [2] }));
    check.observe(groupEvent(2, 2, { a: [0, 1], b: [2] })); // a new coordinator, same story
    expect(check.violations).toEqual([]);
    expect(check.generationsOf("g")).toBe(2);
  });

  it("flags two members holding a partition in one event", () => {
    const check = new GenerationOwnership();
    check.observe(groupEvent(1, 3, { a: [0, 1], b: [1, 2] }));
    expect(check.violationCount).toBe(1);
    expect(check.violations[0]).toContain("t:1 owned by a (node 1 said, Stable) and by b");
  });

  it("flags another coordinator giving the same generation's partition to someone else", () => {
    const check = new GenerationOwnership();
    check.observe(groupEvent(1, 4, { a: [0], b: [1] }));
    check.observe(groupEvent(3, 4, { a: [0, 1], c: [] }));
    expect(check.violationCount).toBe(1);
    expect(check.violations[0]).toContain("node 3");
  });

  it("does not take the previous generation's lists, still carried while completing a rebalance, for the new one's", () => {
    const check = new GenerationOwnership();
    check.observe(groupEvent(1, 3, { b: [0, 1, 2, 3] }));
    check.observe(groupEvent(1, 4, { b: [0, 1, 2, 3], a: [] }, "g", "CompletingRebalance"));
    check.observe(groupEvent(1, 4, { b: [2, 3], a: [0, 1] }));
    expect(check.violations).toEqual([]);
    expect(check.generationsOf("g")).toBe(2);
  });

  it("watches only the groups it is given", () => {
    const check = new GenerationOwnership(new Set(["mine"]));
    check.observe(groupEvent(1, 1, { a: [0], b: [0] }, "other"));
    expect(check.violations).toEqual([]);
    check.observe(groupEvent(1, 1, { a: [0], b: [0] }, "mine"));
    expect(check.violations).toHaveLength(1);
  });
});
