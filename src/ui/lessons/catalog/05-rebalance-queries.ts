/**
 * What a rebalance looked like, from the page's records of it: the timeline's group entries
 * (each state change with the coordinator's reason, in Kafka's words) and what each
 * consumer says it gave up.
 */
import type { ConsumerView } from "../../store/clients-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";

/** The newest timeline entry's id: entries after it are news. */
export function lastTimelineId(state: PlaygroundState): number {
  return state.timeline.at(-1)?.id ?? 0;
}

/**
 * Groups among `groupIds` whose state changed, after timeline entry `afterId`, for a reason
 * containing `reason` (e.g. "on LeaveGroup", "on heartbeat expiration").
 */
export function groupsChangedFor(
  state: PlaygroundState,
  afterId: number,
  groupIds: readonly string[],
  reason: string,
): string[] {
  const found = new Set<string>();
  for (const entry of state.timeline) {
    if (entry.id <= afterId || entry.category !== "group") continue;
    const group = String(entry.values.group ?? "");
    if (groupIds.includes(group) && String(entry.values.reason ?? "").includes(reason)) {
      found.add(group);
    }
  }
  return [...found];
}

/** How many partitions the consumer has given up in rebalances so far. */
export const revokedSoFar = (consumer: ConsumerView | undefined): number =>
  consumer?.progress?.revokedPartitions ?? 0;

/** A consumer of the page that is running (not crashed, closed or failed). */
export const isRunning = (consumer: ConsumerView): boolean =>
  consumer.status === "consuming" ||
  consumer.status === "rebalancing" ||
  consumer.status === "joining";
