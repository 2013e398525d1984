/**
 * What a crash did to a group's records, from the page's consumers: how far a crashed
 * member had processed, and where the member that took over started. Started before
 * that point: records processed twice (at least once). Started after it: records nobody
 * processed (at most once). Also which __consumer_offsets partition holds a group's commits.
 */
import { javaStringHashCode } from "../../../client/consumer/assignors/java-hash-order.ts";
import type { ConsumerView } from "../../store/clients-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { consumersIn } from "../lesson-queries.ts";

/** offsets.topic.num.partitions' default. */
export const OFFSETS_TOPIC_PARTITIONS = 50;

/** The __consumer_offsets partition of a group: Utils.abs(groupId.hashCode()) % partitions. */
export function offsetsPartitionOf(groupId: string, partitions = OFFSETS_TOPIC_PARTITIONS): number {
  const hash = javaStringHashCode(groupId);
  return (hash === -2147483648 ? 0 : Math.abs(hash)) % partitions;
}

/** The number in a page client's id ("consumer-12" → 12): later clients have larger ones. */
export function clientNumber(id: string): number {
  return Number(/-(\d+)$/.exec(id)?.[1] ?? 0);
}

/** A crashed member's reach on a partition, and where a later member of its group began. */
export interface TakeOver {
  partition: string;
  crashedId: string;
  /** The offset after the last record the crashed member finished processing. */
  processedTo: number;
  takerId: string;
  /** The first offset handed to the later member. */
  startedAt: number;
}

/** Where a consumer had got on a partition: past its last processed record, or where it began. */
function reachOf(consumer: ConsumerView, partition: string): number | undefined {
  const progress = consumer.progress;
  return progress?.processedOffsets[partition] ?? progress?.firstOffsets[partition];
}

/** Every (crashed member, later member) pair of the group that read the same partition. */
export function takeOvers(state: PlaygroundState, groupId: string): TakeOver[] {
  const members = consumersIn(state, groupId);
  const crashed = members.filter((consumer) => consumer.status === "crashed");
  return crashed.flatMap((gone) =>
    members
      .filter((later) => clientNumber(later.id) > clientNumber(gone.id))
      .flatMap((later) =>
        Object.entries(later.progress?.firstOffsets ?? {}).flatMap(([partition, startedAt]) => {
          const processedTo = reachOf(gone, partition);
          return processedTo === undefined
            ? []
            : [{ partition, crashedId: gone.id, processedTo, takerId: later.id, startedAt }];
        }),
      ),
  );
}

/** Records the crashed member had processed were handed to the next one again. */
export function redelivered(state: PlaygroundState, groupId: string): TakeOver | undefined {
  return takeOvers(state, groupId).find((take) => take.startedAt < take.processedTo);
}

/** The next member started past records the crashed one never processed. */
export function skipped(state: PlaygroundState, groupId: string): TakeOver | undefined {
  return takeOvers(state, groupId).find((take) => take.startedAt > take.processedTo);
}

/**
 * The running member of the group that has processed past a commit of the group: a crash
 * now would hand the records in between out again.
 */
export function aheadOfCommit(
  state: PlaygroundState,
  groupId: string,
  partition: string,
): ConsumerView | undefined {
  const committed = state.groups[groupId]?.committed[partition] ?? -1;
  return consumersIn(state, groupId).find(
    (consumer) =>
      committed > 0 &&
      consumer.status === "consuming" &&
      (consumer.progress?.processedOffsets[partition] ?? -1) > committed,
  );
}

/**
 * The running member of the group whose committed offset is at least `by` records past
 * what it has processed: a crash now would skip them.
 */
export function behindCommit(
  state: PlaygroundState,
  groupId: string,
  partition: string,
  by = 1,
): ConsumerView | undefined {
  const committed = state.groups[groupId]?.committed[partition] ?? -1;
  return consumersIn(state, groupId).find((consumer) => {
    const reach = consumer.status === "consuming" ? reachOf(consumer, partition) : undefined;
    return reach !== undefined && committed - reach >= by;
  });
}
