/**
 * The group's committed offsets at its coordinator: OffsetFetch (where a newly assigned
 * partition starts) and OffsetCommit (with the member's generation and id, so a member that
 * was rebalanced out cannot overwrite the new owner's progress: ILLEGAL_GENERATION /
 * UNKNOWN_MEMBER_ID). A consumer without group management commits with generation -1 and
 * no member id, which the coordinator accepts only while the group has no members, as Kafka's.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { OffsetCommitResponse } from "../../protocol/generated/messages/offset-commit-response.ts";
import type { OffsetFetchResponse } from "../../protocol/generated/messages/offset-fetch-response.ts";
import { KafkaProtocolError } from "../kafka-error.ts";
import { COORDINATOR_MOVED, type CoordinatorChannel } from "./coordinator-channel.ts";
import type { TopicPartition } from "./consumer-types.ts";
import { partitionKey } from "./subscription-state.ts";

export interface OffsetToCommit extends TopicPartition {
  offset: bigint;
  leaderEpoch?: number;
}

export interface CommitIdentity {
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

/** Committed offsets by partitionKey; a partition with none maps to null. */
export async function fetchCommittedOffsets(
  channel: CoordinatorChannel,
  partitions: readonly TopicPartition[],
): Promise<Map<string, bigint | null>> {
  const topics = groupByTopic(partitions).map(([name, list]) => ({
    name,
    partitionIndexes: list.map((partition) => partition.partition),
  }));
  const { response, version } = await channel.request<OffsetFetchResponse>(
    ApiKey.OffsetFetch,
    {
      groupId: channel.groupId,
      topics,
      groups: [{ groupId: channel.groupId, memberId: null, memberEpoch: -1, topics }],
      // Wait out offsets of transactions still open (KIP-447), as Java's consumer asks.
      requireStable: true,
    },
    { minVersion: 1 },
  );
  // v8+ answers per group; older versions at the top level.
  const group = version >= 8 ? response.groups[0] : undefined;
  const errorCode = version >= 8 ? (group?.errorCode ?? ErrorCode.NONE) : response.errorCode;
  checkCoordinatorError(channel, errorCode);
  const answered = version >= 8 ? (group?.topics ?? []) : response.topics;
  const offsets = new Map<string, bigint | null>();
  for (const topic of answered) {
    for (const partition of topic.partitions) {
      if (partition.errorCode !== ErrorCode.NONE) {
        throw new KafkaProtocolError(
          partition.errorCode,
          `${topic.name}-${partition.partitionIndex}`,
        );
      }
      offsets.set(
        partitionKey(topic.name, partition.partitionIndex),
        partition.committedOffset < 0n ? null : partition.committedOffset,
      );
    }
  }
  for (const { topic, partition } of partitions) {
    if (!offsets.has(partitionKey(topic, partition)))
      offsets.set(partitionKey(topic, partition), null);
  }
  return offsets;
}

/** Commits `offsets`; throws KafkaProtocolError with the first error any partition got. */
export async function commitOffsetsAt(
  channel: CoordinatorChannel,
  identity: CommitIdentity,
  offsets: readonly OffsetToCommit[],
): Promise<void> {
  const { response } = await channel.request<OffsetCommitResponse>(
    ApiKey.OffsetCommit,
    {
      groupId: channel.groupId,
      generationIdOrMemberEpoch: identity.generationId,
      memberId: identity.memberId,
      groupInstanceId: identity.groupInstanceId,
      retentionTimeMs: -1n,
      topics: groupByTopic(offsets).map(([name, list]) => ({
        name,
        partitions: list.map((entry) => ({
          partitionIndex: entry.partition,
          committedOffset: entry.offset,
          committedLeaderEpoch: entry.leaderEpoch ?? -1,
          commitTimestamp: -1n,
          committedMetadata: "",
        })),
      })),
    },
    { minVersion: 2 },
  );
  for (const topic of response.topics) {
    for (const partition of topic.partitions) {
      if (partition.errorCode === ErrorCode.NONE) continue;
      checkCoordinatorError(channel, partition.errorCode);
      throw new KafkaProtocolError(
        partition.errorCode,
        `${topic.name}-${partition.partitionIndex}`,
      );
    }
  }
}

/** Throws for a coordinator-level error, forgetting the coordinator if it moved. */
export function checkCoordinatorError(channel: CoordinatorChannel, errorCode: number): void {
  if (errorCode === ErrorCode.NONE) return;
  if (COORDINATOR_MOVED.has(errorCode)) channel.markUnknown();
  throw new KafkaProtocolError(errorCode, `group ${channel.groupId}`);
}

function groupByTopic<T extends TopicPartition>(items: readonly T[]): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.topic) ?? [];
    list.push(item);
    map.set(item.topic, list);
  }
  return [...map];
}
