import { describe, expect, it } from "vitest";
import type { TimelineCategory, TimelineEntry } from "../store/activity-slice.ts";
import { countByCategory, filterTimeline, formatClock, toggleCategory } from "./timeline-filter.ts";

let nextId = 1;
const entry = (category: TimelineCategory, atMs = 0): TimelineEntry => ({
  id: nextId++,
  atMs,
  category,
  message: `timeline.${category}`,
  values: {},
  node: 1,
});

describe("timeline filtering", () => {
  const entries = [entry("leader"), entry("isr"), entry("leader"), entry("error"), entry("commit")];

  it("counts entries per category, every category present", () => {
    const counts = countByCategory(entries);
    expect(counts.leader).toBe(2);
    expect(counts.isr).toBe(1);
    expect(counts.error).toBe(1);
    expect(counts.segment).toBe(0);
    expect(Object.keys(counts)).toHaveLength(9);
  });

  it("keeps everything when nothing is chosen, else only the chosen categories in order", () => {
    expect(filterTimeline(entries, new Set())).toBe(entries);
    const chosen = toggleCategory(toggleCategory(new Set(), "leader"), "error");
    expect(filterTimeline(entries, chosen).map((e) => e.category)).toEqual([
      "leader",
      "leader",
      "error",
    ]);
    expect(
      filterTimeline(entries, toggleCategory(chosen, "leader")).map((e) => e.category),
    ).toEqual(["error"]);
  });

  it("shows node time as the local clock with milliseconds", () => {
    const at = new Date(2024, 0, 2, 3, 4, 5, 67).getTime();
    expect(formatClock(at)).toBe("03:04:05.067");
    expect(formatClock(at + 0.6)).toBe("03:04:05.067");
  });
});
