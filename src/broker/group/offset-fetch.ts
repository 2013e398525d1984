/**
 * OffsetFetch's answer from the committed offsets, whatever the group's state (a group may
 * use Kafka only to keep offsets). A partition without a committed offset answers -1 with
 * empty metadata; asking for no particular topics (null) answers every committed offset of
 * the group. Without transactions there are never pending transactional offsets, so
 * require_stable changes nothing.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { CoordinatorContext } from "./coordinator-context.ts";

export interface FetchedOffset {
  topic: string;
  partition: number;
  offset: bigint;
  leaderEpoch: number;
  metadata: string;
  errorCode: number;
}

export interface RequestedTopic {
  name: string;
  partitions: readonly number[];
}

export const NO_COMMITTED_OFFSET = -1n;

export function fetchOffsets(
  ctx: CoordinatorContext,
  groupId: string,
  topics: readonly RequestedTopic[] | null,
): FetchedOffset[] {
  if (topics === null) {
    return ctx.offsets.offsetsOf(groupId).map(({ topic, partition, committed }) => ({
      topic,
      partition,
      offset: committed.offset,
      leaderEpoch: committed.leaderEpoch,
      metadata: committed.metadata,
      errorCode: ErrorCode.NONE,
    }));
  }
  return topics.flatMap(({ name, partitions }) =>
    partitions.map((partition) => {
      const stored = ctx.offsets.get(groupId, name, partition)?.committed;
      return {
        topic: name,
        partition,
        offset: stored?.offset ?? NO_COMMITTED_OFFSET,
        leaderEpoch: stored?.leaderEpoch ?? -1,
        metadata: stored?.metadata ?? "",
        errorCode: ErrorCode.NONE,
      };
    }),
  );
}
