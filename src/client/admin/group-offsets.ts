/**
 * A consumer group's committed offsets: read them (OffsetFetch at the coordinator) and
 * set or reset them (OffsetCommit with no member and generation -1, as Kafka's
 * alterConsumerGroupOffsets and kafka-consumer-groups --reset-offsets commit). Like
 * KafkaJS and kafka-consumer-groups, offsets are only changed while the group has no
 * members: a running consumer would overwrite them with its next commit.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { OffsetCommitResponse } from "../../protocol/generated/messages/offset-commit-response.ts";
import type {
  OffsetFetchResponse,
  OffsetFetchResponseOffsetFetchResponseTopic,
} from "../../protocol/generated/messages/offset-fetch-response.ts";
import { AdminProtocolError, requireArgument } from "./admin-error.ts";
import {
  deadlineAfter,
  failed,
  succeeded,
  valuesOrThrow,
  type AdminContext,
} from "./admin-retry.ts";
import type { FetchOffsetsPartition, SeekEntry, TopicOffsets } from "./admin-types.ts";
import { requireGroupId, settleByCoordinator } from "./group-coordinators.ts";
import { describeGroups } from "./groups.ts";
import { topicPartitions } from "./partition-leaders.ts";
import {
  EARLIEST_TIMESTAMP,
  LATEST_TIMESTAMP,
  fetchTopicOffsets,
  listOffsets,
} from "./topic-offsets.ts";

/** OffsetFetch's and ListOffsets' "no offset" and "earliest" markers, as KafkaJS reads them. */
const LATEST_OFFSET = "-1";
const EARLIEST_OFFSET = "-2";

/** Offset fetch's answer for one group, whichever version carried it. */
function fetchedTopics(
  response: OffsetFetchResponse,
  version: number,
): { errorCode: number; topics: OffsetFetchResponseOffsetFetchResponseTopic[] } {
  // v8+ answers per group; earlier versions at the top level.
  if (version >= 8)
    return response.groups[0] ?? { errorCode: ErrorCode.UNKNOWN_SERVER_ERROR, topics: [] };
  return response;
}

/**
 * The group's committed offset of each partition of `topics` (default: of every partition
 * it committed); "-1" where it committed none. With `resolveOffsets`, "-1" and "-2" are
 * replaced by the latest and earliest offsets and those are committed (KafkaJS's option).
 */
export async function fetchOffsets(
  context: AdminContext,
  options: { groupId: string; topics?: string[]; resolveOffsets?: boolean },
): Promise<TopicOffsets<FetchOffsetsPartition>[]> {
  const { groupId, topics = [], resolveOffsets = false } = options;
  requireGroupId(groupId);
  requireArgument(Array.isArray(topics), "Expected topics array to be set");
  const wanted = await Promise.all(
    topics.map(async (name) => ({ name, partitionIndexes: await topicPartitions(context, name) })),
  );
  const requested = wanted.length === 0 ? null : wanted;
  const deadlineMs = deadlineAfter(context);
  type Committed = OffsetFetchResponseOffsetFetchResponseTopic[];
  const outcomes = await settleByCoordinator<Committed>(
    context,
    deadlineMs,
    [groupId],
    async (send) => {
      const { response, version } = await send<OffsetFetchResponse>(ApiKey.OffsetFetch, {
        groupId,
        topics: requested,
        groups: [{ groupId, memberId: null, memberEpoch: -1, topics: requested }],
        requireStable: false,
      });
      const answer = fetchedTopics(response, version);
      if (answer.errorCode !== ErrorCode.NONE) {
        return new Map([[groupId, failed(new AdminProtocolError(answer.errorCode, { groupId }))]]);
      }
      for (const topic of answer.topics) {
        const bad = topic.partitions.find((partition) => partition.errorCode !== ErrorCode.NONE);
        if (bad !== undefined) {
          const subject = { groupId, topic: topic.name, partition: bad.partitionIndex };
          return new Map([[groupId, failed(new AdminProtocolError(bad.errorCode, subject))]]);
        }
      }
      return new Map([[groupId, succeeded(answer.topics)]]);
    },
  );
  const [answered] = valuesOrThrow([groupId], outcomes);
  const committed: TopicOffsets<FetchOffsetsPartition>[] = answered!.map((topic) => ({
    topic: topic.name,
    partitions: topic.partitions
      .map((partition) => ({
        partition: partition.partitionIndex,
        offset: String(partition.committedOffset),
        metadata: partition.metadata === "" ? null : partition.metadata,
      }))
      .sort((a, b) => a.partition - b.partition),
  }));
  return resolveOffsets ? resolveMarkers(context, groupId, committed) : committed;
}

/** Replaces "-1"/"-2" with each partition's latest/earliest offset and commits the result. */
async function resolveMarkers(
  context: AdminContext,
  groupId: string,
  committed: TopicOffsets<FetchOffsetsPartition>[],
): Promise<TopicOffsets<FetchOffsetsPartition>[]> {
  const resolved: TopicOffsets<FetchOffsetsPartition>[] = [];
  for (const { topic, partitions } of committed) {
    const offsets = new Map((await fetchTopicOffsets(context, topic)).map((o) => [o.partition, o]));
    const partitionsResolved = partitions.map((entry) => {
      const known = offsets.get(entry.partition);
      if (entry.offset === LATEST_OFFSET && known) return { ...entry, offset: known.high };
      if (entry.offset === EARLIEST_OFFSET && known) return { ...entry, offset: known.low };
      return entry;
    });
    await setOffsets(context, { groupId, topic, partitions: partitionsResolved });
    resolved.push({ topic, partitions: partitionsResolved });
  }
  return resolved;
}

/**
 * Throws NON_EMPTY_GROUP unless the group is Empty or Dead (has no members). Kafka's
 * coordinator would refuse the commit anyway (UNKNOWN_MEMBER_ID), but this says why.
 */
async function requireInactive(context: AdminContext, groupId: string): Promise<void> {
  const { groups } = await describeGroups(context, [groupId]);
  const group = groups[0]!;
  if (group.state === "Empty" || group.state === "Dead") return;
  throw new AdminProtocolError(
    ErrorCode.NON_EMPTY_GROUP,
    { groupId },
    `offsets can only be set or reset while the group has no running members, ` +
      `but it is ${group.state} with ${group.members.length} member(s): stop its consumers first`,
  );
}

function parseOffset(text: string, partition: number): bigint {
  requireArgument(
    /^\d+$/.test(String(text)),
    `Invalid offset "${text}" for partition ${partition}`,
  );
  return BigInt(text);
}

/** Commits `offsets` (partition → offset) for the group as an admin commit (no member). */
async function commitOffsets(
  context: AdminContext,
  groupId: string,
  topic: string,
  offsets: Map<number, bigint>,
): Promise<void> {
  const deadlineMs = deadlineAfter(context);
  const outcomes = await settleByCoordinator(context, deadlineMs, [groupId], async (send) => {
    const { response } = await send<OffsetCommitResponse>(ApiKey.OffsetCommit, {
      groupId,
      generationIdOrMemberEpoch: -1,
      memberId: "",
      groupInstanceId: null,
      retentionTimeMs: -1n,
      topics: [
        {
          name: topic,
          partitions: [...offsets].map(([partitionIndex, committedOffset]) => ({
            partitionIndex,
            committedOffset,
            committedLeaderEpoch: -1,
            commitTimestamp: -1n,
            committedMetadata: "",
          })),
        },
      ],
    });
    const answers = response.topics.find((each) => each.name === topic)?.partitions ?? [];
    for (const partition of offsets.keys()) {
      const errorCode = answers.find((a) => a.partitionIndex === partition)?.errorCode;
      if (errorCode === ErrorCode.NONE) continue;
      const subject = { groupId, topic, partition };
      // A member joined meanwhile: the coordinator takes commits from members only now.
      const detail =
        errorCode === ErrorCode.UNKNOWN_MEMBER_ID || errorCode === ErrorCode.ILLEGAL_GENERATION
          ? "the group has running members now: stop its consumers first"
          : errorCode === undefined
            ? "no answer"
            : null;
      const code = errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
      return new Map([[groupId, failed(new AdminProtocolError(code, subject, detail))]]);
    }
    return new Map([[groupId, succeeded(null)]]);
  });
  valuesOrThrow([groupId], outcomes);
}

/** Sets the group's committed offsets of `topic`'s partitions; the group must have no members. */
export async function setOffsets(
  context: AdminContext,
  options: { groupId: string; topic: string; partitions: SeekEntry[] },
): Promise<void> {
  const { groupId, topic, partitions } = options;
  requireGroupId(groupId);
  requireArgument(typeof topic === "string" && topic.length > 0, `Invalid topic ${String(topic)}`);
  requireArgument(Array.isArray(partitions) && partitions.length > 0, "Invalid partitions");
  const offsets = new Map(
    partitions.map(({ partition, offset }) => [partition, parseOffset(offset, partition)]),
  );
  await requireInactive(context, groupId);
  await commitOffsets(context, groupId, topic, offsets);
}

/**
 * Moves the group's committed offsets of every partition of `topic` to the latest offset
 * (or, with `earliest`, to the log start offset), as kafka-consumer-groups --reset-offsets
 * --to-latest/--to-earliest does; the group must have no members.
 */
export async function resetOffsets(
  context: AdminContext,
  options: { groupId: string; topic: string; earliest?: boolean },
): Promise<void> {
  const { groupId, topic, earliest = false } = options;
  requireGroupId(groupId);
  requireArgument(typeof topic === "string" && topic.length > 0, `Invalid topic ${String(topic)}`);
  await requireInactive(context, groupId);
  const partitions = await topicPartitions(context, topic);
  const timestamp = earliest ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP;
  const found = await listOffsets(context, deadlineAfter(context), topic, partitions, timestamp);
  const offsets = new Map(partitions.map((partition, index) => [partition, found[index]!]));
  await commitOffsets(context, groupId, topic, offsets);
}
