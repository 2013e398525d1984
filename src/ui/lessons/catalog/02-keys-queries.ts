/**
 * Where keys landed, read from the tapes' cells (the records the page produced or consumed,
 * with their keys): which partitions each key went to since a point in every partition's
 * log, and whether a key went somewhere else after the topic grew.
 */
import type { PlaygroundState } from "../../store/store.ts";
import { leaderOffsets } from "../../store/topics-slice.ts";

/** The leader's log end offset of each partition (0 where not known yet). */
export function partitionEnds(state: PlaygroundState, topic: string): number[] {
  return (state.topics[topic]?.partitions ?? []).map((p) =>
    Math.max(0, leaderOffsets(p)?.leo ?? 0),
  );
}

/** One record the tapes show: its partition, offset and key. */
export interface Landing {
  partition: number;
  offset: number;
  key: string | null;
}

/**
 * Records appended at or after `since[p]` in each partition p (a partition beyond `since`
 * is new: all of it counts).
 */
export function landingsSince(
  state: PlaygroundState,
  topic: string,
  since: readonly number[],
): Landing[] {
  return (state.topics[topic]?.partitions ?? []).flatMap((view, partition) =>
    view.cells
      .filter((cell) => cell.offset >= (since[partition] ?? 0))
      .map((cell) => ({ partition, offset: cell.offset, key: cell.key })),
  );
}

/** For each key, the partitions its records landed in. Null keys are left out. */
export function partitionsByKey(landings: readonly Landing[]): Map<string, Set<number>> {
  const byKey = new Map<string, Set<number>>();
  for (const { key, partition } of landings) {
    if (key === null) continue;
    const partitions = byKey.get(key) ?? new Set<number>();
    partitions.add(partition);
    byKey.set(key, partitions);
  }
  return byKey;
}

/**
 * At least `minKeys` keys were each seen at least `minRecords` times, and every key seen
 * went to exactly one partition.
 */
export function eachKeyInOnePartition(
  landings: readonly Landing[],
  minKeys: number,
  minRecords: number,
): boolean {
  const counts = new Map<string, number>();
  for (const { key } of landings) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  const wellSeen = [...counts.values()].filter((count) => count >= minRecords).length;
  const byKey = partitionsByKey(landings);
  return wellSeen >= minKeys && [...byKey.values()].every((partitions) => partitions.size === 1);
}

/** How many null-key records went to each partition. */
export function keylessPerPartition(landings: readonly Landing[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { key, partition } of landings) {
    if (key === null) counts.set(partition, (counts.get(partition) ?? 0) + 1);
  }
  return counts;
}

/** At least `minRecords` null-key records, and they went to more than one partition. */
export function keylessMovedOn(landings: readonly Landing[], minRecords: number): boolean {
  const counts = keylessPerPartition(landings);
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return total >= minRecords && counts.size >= 2;
}

/** Each key's partition as the tapes show it now (while the partition count stays, one). */
export function partitionOfKeys(state: PlaygroundState, topic: string): Map<string, number> {
  const where = new Map<string, number>();
  (state.topics[topic]?.partitions ?? []).forEach((view, partition) => {
    for (const cell of view.cells) if (cell.key !== null) where.set(cell.key, partition);
  });
  return where;
}

/** A key that landed, since `since`, in another partition than `before` says it used to. */
export interface KeyMove {
  key: string;
  from: number;
  to: number;
}

export function movedKeys(
  before: ReadonlyMap<string, number>,
  landings: readonly Landing[],
): KeyMove[] {
  const moves = new Map<string, KeyMove>();
  for (const { key, partition } of landings) {
    if (key === null) continue;
    const from = before.get(key);
    if (from !== undefined && from !== partition) moves.set(key, { key, from, to: partition });
  }
  return [...moves.values()];
}
