/**
 * DeleteRecords (key 21): move a partition's log start offset forward, on its leader, as
 * kafka-delete-records does. Offset -1 means "up to the HW"; an offset past the HW (or any
 * other negative one) is OFFSET_OUT_OF_RANGE, since records not yet committed cannot be
 * deleted. A topic whose cleanup.policy lacks "delete" refuses with POLICY_VIOLATION, and
 * Kafka's internal topics with INVALID_TOPIC_EXCEPTION. Whole segments below the new start
 * are removed; the rest of the records below it simply become unreadable.
 *
 * The low watermark answered is the leader's new log start offset. Kafka instead waits
 * (up to timeoutMs) until every live follower has moved its log start too, and answers the
 * smallest; here the leader's move is the answer and followers catch up through their
 * fetches (the leader sends its log start offset in every Fetch response).
 */
import { StorageError } from "../../log/fs/file-system.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DeleteRecordsRequest } from "../../protocol/generated/messages/delete-records-request.ts";
import {
  defaultDeleteRecordsResponse,
  type DeleteRecordsResponse,
  type DeleteRecordsResponseDeleteRecordsPartitionResult,
} from "../../protocol/generated/messages/delete-records-response.ts";
import { INTERNAL_TOPICS } from "../../metadata/topic-name.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import { notLeaderError } from "../replica/leader-epoch-check.ts";
import type { Partition } from "../replica/partition.ts";

/** DeleteRecordsRequest.HIGH_WATERMARK: delete everything below the HW. */
export const DELETE_UP_TO_HIGH_WATERMARK = -1n;
/** Kafka's Topic.isInternal: records of these may never be deleted by a client. */

type PartitionResult = DeleteRecordsResponseDeleteRecordsPartitionResult;

export const deleteRecordsHandler = defineHandler<
  DeleteRecordsRequest,
  DeleteRecordsResponse,
  BrokerServices
>({
  apiKey: ApiKey.DeleteRecords,
  minVersion: 0,
  maxVersion: 2,
  async handle(request, { services }) {
    const topics = await Promise.all(
      request.topics.map(async (topic) => ({
        name: topic.name,
        partitions: await Promise.all(
          topic.partitions.map((partition) =>
            deleteRecords(services, topic.name, partition.partitionIndex, partition.offset),
          ),
        ),
      })),
    );
    return { ...defaultDeleteRecordsResponse(), topics };
  },
});

async function deleteRecords(
  services: BrokerServices,
  topic: string,
  index: number,
  requestedOffset: bigint,
): Promise<PartitionResult> {
  const failed = (errorCode: number): PartitionResult => ({
    partitionIndex: index,
    lowWatermark: -1n,
    errorCode,
  });
  const known = services.image().partition(topic, index) !== undefined;
  if (!known) return failed(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (INTERNAL_TOPICS.has(topic)) return failed(ErrorCode.INVALID_TOPIC_EXCEPTION);
  const partition = services.replicas.partition(topic, index);
  if (partition === undefined || partition.role !== "leader")
    return failed(notLeaderError(partition, known));
  if (partition.log.isOffline) return failed(ErrorCode.KAFKA_STORAGE_ERROR);
  const policy = services.replicas.topicConfig(topic).get("cleanup.policy") ?? "delete";
  if (!policy.split(",").some((item) => item.trim() === "delete"))
    return failed(ErrorCode.POLICY_VIOLATION);
  const offset =
    requestedOffset === DELETE_UP_TO_HIGH_WATERMARK ? partition.highWatermark : requestedOffset;
  if (offset < 0n || offset > partition.highWatermark) return failed(ErrorCode.OFFSET_OUT_OF_RANGE);

  const startBefore = partition.log.logStartOffset;
  const segmentsBefore = partition.log.segmentInfos().map((segment) => segment.baseOffset);
  const moved = await partition.log.deleteRecordsBefore(offset);
  if (!moved.ok) return failed(moved.errorCode);
  if (moved.logStartOffset !== startBefore) {
    const problem = await forgetDeletedProducerState(services, partition);
    if (problem !== null) return failed(problem);
    reportDeletedSegments(services, partition, segmentsBefore);
    services.replicas.emitOffsets(partition);
    // Fetches and ListOffsets waiting on this partition see the new log start.
    services.replicas.partitionChanged(partition);
  }
  return { partitionIndex: index, lowWatermark: moved.logStartOffset, errorCode: ErrorCode.NONE };
}

/** The producer state follows the log start (snapshots below it go); a storage failure takes the log dir offline. */
async function forgetDeletedProducerState(
  services: BrokerServices,
  partition: Partition,
): Promise<number | null> {
  try {
    await partition.producers.truncateAndReload(partition.log, services.clock.nowMs());
    return null;
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    services.replicas.failLogDir(error.message);
    return ErrorCode.KAFKA_STORAGE_ERROR;
  }
}

function reportDeletedSegments(
  services: BrokerServices,
  partition: Partition,
  segmentsBefore: readonly bigint[],
): void {
  const remaining = new Set(partition.log.segmentInfos().map((segment) => segment.baseOffset));
  for (const baseOffset of segmentsBefore) {
    if (remaining.has(baseOffset)) continue;
    services.telemetry.emit({
      kind: "segment",
      node: services.nodeId,
      topic: partition.topic,
      partition: partition.partition,
      action: "deleted",
      baseOffset,
    });
  }
}
