/**
 * kafka-consumer-groups --delete (whole groups, each deleted on its own so one failure does
 * not hide the others' outcomes) and --delete-offsets (OffsetDelete for some topics or
 * partitions of one group), with ConsumerGroupService's messages and result table.
 *
 * The Admin has no deleteOffsets call: OffsetDelete is sent to the group's coordinator
 * here, through the Admin's coordinator routing.
 */
import { AdminProtocolError } from "../../client/admin/admin-error.ts";
import { deadlineAfter, failed, succeeded, valuesOrThrow } from "../../client/admin/admin-retry.ts";
import { settleByCoordinator } from "../../client/admin/group-coordinators.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ERRORS, ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { OffsetDeleteResponse } from "../../protocol/generated/messages/offset-delete-response.ts";
import type { ToolIo } from "../framework/tool.ts";
import type { AdminSession } from "../framework/admin-session.ts";
import { ExecutionException, JavaException } from "../framework/java-exception.ts";
import { adminCall, javaExceptionOf, unwrapped } from "../framework/admin-failures.ts";
import { kafkaException } from "../framework/kafka-exceptions.ts";
import { printError, MISSING_COLUMN_VALUE } from "./describe-output.ts";
import { listConsumerGroups, topicPartitions, type TopicPartition } from "./group-reads.ts";
import { topicWithPartitions } from "./reset-plan.ts";

export async function deleteGroups(
  session: AdminSession,
  groupIds: readonly string[],
  io: ToolIo,
): Promise<void> {
  const succeededIds: string[] = [];
  const failures: [string, JavaException][] = [];
  for (const groupId of groupIds) {
    try {
      await adminCall("deleteConsumerGroups", () => session.admin.deleteGroups([groupId]));
      succeededIds.push(groupId);
    } catch (error) {
      if (!(error instanceof JavaException)) throw error;
      failures.push([groupId, unwrapped(error)]);
    }
  }
  const quoted = (ids: string[]) => ids.map((id) => `'${id}'`).join(", ");
  if (failures.length === 0) {
    io.out(`Deletion of requested consumer groups (${quoted(succeededIds)}) was successful.`);
    return;
  }
  printError(io, "Deletion of some consumer groups failed:");
  for (const [groupId, error] of failures)
    io.out(`* Group '${groupId}' could not be deleted due to: ${error}`);
  if (succeededIds.length > 0) {
    io.out("");
    io.out(`These consumer groups were deleted successfully: ${quoted(succeededIds)}`);
  }
}

export async function deleteAllGroups(session: AdminSession, io: ToolIo): Promise<void> {
  const groups = await listConsumerGroups(session);
  await deleteGroups(
    session,
    groups.map((group) => group.groupId),
    io,
  );
}

/** OffsetDelete at the group's coordinator; a coordinator that moved or is loading is asked again. */
async function sendOffsetDelete(
  session: AdminSession,
  groupId: string,
  partitions: readonly TopicPartition[],
): Promise<OffsetDeleteResponse> {
  const { context } = session;
  const byTopic = new Map<string, { partitionIndex: number }[]>();
  for (const { topic, partition } of partitions)
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partitionIndex: partition }]);
  const request = {
    groupId,
    topics: [...byTopic].map(([name, indexes]) => ({ name, partitions: indexes })),
  };
  const outcomes = await settleByCoordinator(
    context,
    deadlineAfter(context),
    [groupId],
    async (send) => {
      const { response } = await send<OffsetDeleteResponse>(ApiKey.OffsetDelete, request);
      const retriable = ERRORS.get(response.errorCode)?.retriable === true;
      const outcome = retriable
        ? failed<OffsetDeleteResponse>(new AdminProtocolError(response.errorCode, { groupId }))
        : succeeded(response);
      return new Map([[groupId, outcome]]);
    },
  );
  return valuesOrThrow([groupId], outcomes)[0]!;
}

/** The partitions --topic names: "t:0,1" as given, "t" as every partition (or a failure for t). */
async function partitionsNamed(
  session: AdminSession,
  topics: readonly string[],
): Promise<{ partitions: TopicPartition[]; topicFailures: Map<string, JavaException> }> {
  const partitions = topics.filter((arg) => arg.includes(":")).flatMap(topicWithPartitions);
  const topicFailures = new Map<string, JavaException>();
  const whole = [...new Set(topics.filter((arg) => !arg.includes(":")))];
  if (whole.length > 0) {
    const metadata = await topicPartitions(session);
    for (const topic of whole) {
      const known = metadata.get(topic);
      if (known === undefined)
        topicFailures.set(topic, kafkaException(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
      else partitions.push(...known.map(({ partitionId }) => ({ topic, partition: partitionId })));
    }
  }
  return { partitions, topicFailures };
}

/** What the failure of the whole request is called in the message Kafka prints for it. */
function topLevelMessage(errorCode: number): string {
  switch (errorCode) {
    case ErrorCode.NONE:
      return "";
    case ErrorCode.INVALID_GROUP_ID:
    case ErrorCode.GROUP_ID_NOT_FOUND:
    case ErrorCode.GROUP_AUTHORIZATION_FAILED:
    case ErrorCode.NON_EMPTY_GROUP:
      return kafkaException(errorCode).message;
    case ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC:
    case ErrorCode.TOPIC_AUTHORIZATION_FAILED:
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
      return "Encountered some partition-level error, see the follow-up details.";
    default:
      return `Encountered some unknown error: ${ERRORS.get(errorCode)?.name ?? errorCode}`;
  }
}

export async function deleteOffsets(
  session: AdminSession,
  groupId: string,
  topics: readonly string[],
  io: ToolIo,
): Promise<void> {
  const { partitions, topicFailures } = await partitionsNamed(session, topics);
  let response: OffsetDeleteResponse;
  try {
    response = await sendOffsetDelete(session, groupId, partitions);
  } catch (error) {
    throw new ExecutionException(javaExceptionOf(error, "deleteConsumerGroupOffsets"));
  }
  const partitionError = (tp: TopicPartition) =>
    response.topics
      .find((topic) => topic.name === tp.topic)
      ?.partitions.find((each) => each.partitionIndex === tp.partition)?.errorCode ??
    ErrorCode.NONE;
  // all() fails with the group's error, else with the first partition's error.
  const firstPartitionError = partitions
    .map(partitionError)
    .find((code) => code !== ErrorCode.NONE);
  const topLevel =
    response.errorCode !== ErrorCode.NONE
      ? response.errorCode
      : (firstPartitionError ?? ErrorCode.NONE);
  if (topLevel === ErrorCode.NONE)
    io.out(`Request succeeded for deleting offsets from group ${groupId}.`);
  else printError(io, topLevelMessage(topLevel));

  const rows: { topic: string; partition: string; status: string }[] = [];
  for (const [topic, failure] of topicFailures)
    rows.push({
      topic,
      partition: MISSING_COLUMN_VALUE,
      status: `Error: ${new ExecutionException(failure).message}`,
    });
  for (const tp of partitions) {
    const code = response.errorCode !== ErrorCode.NONE ? response.errorCode : partitionError(tp);
    const status =
      code === ErrorCode.NONE
        ? "Successful"
        : `Error: ${new ExecutionException(kafkaException(code)).message}`;
    rows.push({ topic: tp.topic, partition: String(tp.partition), status });
  }
  // Kafka sorts by topic name and partition number run together as one string.
  rows.sort((a, b) => {
    const [x, y] = [
      a.topic + (a.partition === MISSING_COLUMN_VALUE ? "-1" : a.partition),
      b.topic + (b.partition === MISSING_COLUMN_VALUE ? "-1" : b.partition),
    ];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const topicWidth = Math.max(15, ...rows.map((row) => row.topic.length));
  const line = (topic: string, partition: string, status: string) =>
    `${topic.padEnd(topicWidth)} ${partition.padEnd(10)} ${status.padEnd(15)}`;
  io.out("");
  io.out(line("TOPIC", "PARTITION", "STATUS"));
  for (const row of rows) io.out(line(row.topic, row.partition, row.status));
}
