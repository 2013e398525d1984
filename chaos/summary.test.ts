import { describe, expect, it } from "vitest";
import { countByKind } from "./fault-schedule.ts";
import { formatSummary, passed, type ChaosReport } from "./summary.ts";

function report(violations: Record<string, string[]> = {}): ChaosReport {
  return {
    seed: 7,
    minutes: 1,
    shape: "5 brokers",
    faults: countByKind([
      { kind: "kill", broker: 2 },
      { kind: "restart", broker: 2 },
      { kind: "cut", from: 1, to: "page", oneWay: false },
    ]),
    refusedFaults: [],
    records: {
      sent: 100,
      acknowledged: 90,
      failed: 10,
      lost: 0,
      duplicated: 0,
      outOfOrder: 0,
      misplaced: 0,
      readBack: 95,
    },
    groups: [{ groupId: "g", generations: 4, committed: 95 }],
    violations,
    notes: [],
    groupStory: [],
    phasesMs: { build: 5_000, faults: 60_000 },
  };
}

describe("the summary", () => {
  it("prints the records, the faults by kind and a pass", () => {
    const lines = formatSummary(report());
    expect(passed(report())).toBe(true);
    expect(lines).toContain(
      "faults injected: 3 — kill 1, restart 1, cut 1, heal 0, latency 0, loss 0",
    );
    expect(lines.some((line) => line.includes("acknowledged 90") && line.includes("lost 0"))).toBe(
      true,
    );
    expect(lines).toContain("violations: none");
    expect(lines.at(-2)).toBe("wall time: 65.0 s (build 5.0 s, faults 60.0 s)");
    expect(lines.at(-1)).toBe("PASSED (seed 7)");
  });

  it("fails on any violation and says how to replay the seed", () => {
    const failing = report({ records: ["p1#4 was acknowledged …"], "page vs brokers": [] });
    expect(passed(failing)).toBe(false);
    const lines = formatSummary(failing);
    expect(lines).toContain("violations: 1");
    expect(lines).toContain("  ✗ [records] p1#4 was acknowledged …");
    expect(lines.at(-1)).toContain("--seed 7");
  });
});
