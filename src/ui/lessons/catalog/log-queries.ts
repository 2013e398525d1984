/** Store questions about a partition's log files that the log lessons (11, 12) ask. */
import type { PlaygroundState } from "../../store/store.ts";
import { leaderOffsets } from "../../store/topics-slice.ts";
import type { LessonContext } from "../lesson-context.ts";
import { leaderLeo, partitionOf } from "../lesson-queries.ts";

/** The leader's log start offset, or -1 while the page does not know it. */
export function logStartOf(state: PlaygroundState, topic: string, partition: number): number {
  const view = partitionOf(state, topic, partition);
  return (view && leaderOffsets(view)?.logStart) ?? -1;
}

/** How many segments of the partition begin after `offset` (rolled since it was the LEO). */
export function segmentsRolledAfter(
  state: PlaygroundState,
  topic: string,
  partition: number,
  offset: number,
): number {
  const bases = partitionOf(state, topic, partition)?.segmentBases ?? [];
  return bases.filter((base) => base > offset).length;
}

/**
 * A step's baseline and check for "partition 0 took `records` more records and rolled
 * `segments` new segments since the step began" (the log lessons' first steps).
 */
export function recordsAndRolls(topic: string, records: number, segments: number) {
  return {
    start: (ctx: LessonContext) => Math.max(0, leaderLeo(ctx.state(), topic, 0)),
    check: (ctx: LessonContext, leoBefore: number) =>
      leaderLeo(ctx.state(), topic, 0) >= leoBefore + records &&
      segmentsRolledAfter(ctx.state(), topic, 0, leoBefore) >= segments,
  };
}
