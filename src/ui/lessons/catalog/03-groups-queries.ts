/**
 * Who owns what in a consumer group, as the coordinator describes it (the group card): each
 * member's partitions, each partition's owners, members left idle. Shared by the lessons
 * on groups, assignors and rebalances.
 */
import type { GroupView } from "../../store/groups-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { consumersIn } from "../lesson-queries.ts";

export const partitionName = (topic: string, partition: number) => `${topic}:${partition}`;

/** Every partition of `topics` ("topic:partition"), in order. */
export function partitionsOf(state: PlaygroundState, topics: readonly string[]): string[] {
  return topics.flatMap((topic) =>
    (state.topics[topic]?.partitions ?? []).map((_, index) => partitionName(topic, index)),
  );
}

/** Each member's partitions of `topics` ("topic:partition"), by member id. */
export function assignmentOf(group: GroupView, topics: readonly string[]): Map<string, string[]> {
  const wanted = new Set(topics);
  return new Map(
    group.members.map((member) => [
      member.memberId,
      member.assignment
        .filter((entry) => wanted.has(entry.topic))
        .flatMap((entry) => entry.partitions.map((p) => partitionName(entry.topic, p)))
        .sort(),
    ]),
  );
}

/**
 * The group is Stable with at least `minMembers` members, and every partition of `topics`
 * has exactly one owner (no partition left out, none owned twice).
 */
export function settledOver(
  state: PlaygroundState,
  groupId: string,
  topics: readonly string[],
  minMembers = 1,
): boolean {
  const group = state.groups[groupId];
  const partitions = partitionsOf(state, topics);
  if (!group || group.state !== "Stable" || group.members.length < minMembers) return false;
  if (partitions.length === 0) return false;
  const owned = [...assignmentOf(group, topics).values()].flat();
  return owned.length === partitions.length && new Set(owned).size === partitions.length;
}

/** How many partitions of `topics` each member has, largest first. */
export function loads(group: GroupView, topics: readonly string[]): number[] {
  return [...assignmentOf(group, topics).values()]
    .map((owned) => owned.length)
    .sort((a, b) => b - a);
}

/** Members of the group with no partition of `topics`. */
export function idleMembers(group: GroupView, topics: readonly string[]): string[] {
  return [...assignmentOf(group, topics)]
    .filter(([, owned]) => owned.length === 0)
    .map(([id]) => id);
}

/** The group's committed offset reached `ends[p]` on every partition p of the topic. */
export function committedUpTo(
  state: PlaygroundState,
  groupId: string,
  topic: string,
  ends: readonly number[],
): boolean {
  const committed = state.groups[groupId]?.committed ?? {};
  return (
    ends.length > 0 &&
    ends.every((end, partition) => (committed[partitionName(topic, partition)] ?? -1) >= end)
  );
}

/** The page's consumers of the group that have not crashed or closed. */
export function liveConsumersIn(state: PlaygroundState, groupId: string) {
  return consumersIn(state, groupId).filter(
    (consumer) => consumer.status !== "crashed" && consumer.status !== "closed",
  );
}
