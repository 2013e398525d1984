/**
 * The timeline's pure parts: which categories exist (in the order the chips show them),
 * how many entries each has, which entries a chip selection keeps, and the node-time clock
 * each row starts with.
 */
import type { TimelineCategory, TimelineEntry } from "../store/activity-slice.ts";

export const TIMELINE_CATEGORIES: readonly TimelineCategory[] = [
  "leader",
  "isr",
  "broker",
  "controller",
  "group",
  "commit",
  "segment",
  "topic",
  "error",
];

export function countByCategory(
  entries: readonly TimelineEntry[],
): Record<TimelineCategory, number> {
  const counts = Object.fromEntries(TIMELINE_CATEGORIES.map((category) => [category, 0])) as Record<
    TimelineCategory,
    number
  >;
  for (const entry of entries) counts[entry.category] += 1;
  return counts;
}

/** The entries of the chosen categories; choosing none keeps them all. */
export function filterTimeline(
  entries: readonly TimelineEntry[],
  chosen: ReadonlySet<TimelineCategory>,
): readonly TimelineEntry[] {
  return chosen.size === 0 ? entries : entries.filter((entry) => chosen.has(entry.category));
}

/** `chosen` with `category` switched on or off. */
export function toggleCategory(
  chosen: ReadonlySet<TimelineCategory>,
  category: TimelineCategory,
): Set<TimelineCategory> {
  const next = new Set(chosen);
  if (next.has(category)) next.delete(category);
  else next.add(category);
  return next;
}

const two = (value: number) => String(value).padStart(2, "0");

/** Node time (epoch ms: node time starts at wall time) as the viewer's local HH:MM:SS.mmm. */
export function formatClock(atMs: number): string {
  const date = new Date(atMs);
  const millis = String(Math.floor(atMs - Math.floor(atMs / 1000) * 1000)).padStart(3, "0");
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${millis}`;
}
