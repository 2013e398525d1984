/**
 * ListOffsets (key 2): offsets by time. -2 is the earliest offset (log start), -1 the
 * latest a consumer may read (the HW; a follower asking gets the LEO), -3 the record with
 * the largest timestamp (v7+), -4 the earliest local offset (v8+, the log start here, as
 * nothing is tiered); a timestamp ≥ 0 finds the first record at or after it, below the
 * HW. Answered by the partition leader only. v0's list of old-style offsets is gone from
 * Kafka 4, so v1 is the oldest offered.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type {
  ListOffsetsRequest,
  ListOffsetsRequestListOffsetsPartition,
} from "../../protocol/generated/messages/list-offsets-request.ts";
import {
  defaultListOffsetsResponse,
  defaultListOffsetsResponseListOffsetsPartitionResponse,
  type ListOffsetsResponse,
  type ListOffsetsResponseListOffsetsPartitionResponse,
} from "../../protocol/generated/messages/list-offsets-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import { epochAtOffset } from "../replica/epoch-at-offset.ts";
import { ledPartition } from "../replica/leader-epoch-check.ts";

const EARLIEST = -2n;
const LATEST = -1n;
const MAX_TIMESTAMP = -3n;
const EARLIEST_LOCAL = -4n;

export const listOffsetsHandler = defineHandler<
  ListOffsetsRequest,
  ListOffsetsResponse,
  BrokerServices
>({
  apiKey: ApiKey.ListOffsets,
  minVersion: 1,
  maxVersion: 10,
  handle(request, { services, meta }) {
    const response = defaultListOffsetsResponse();
    for (const topic of request.topics) {
      response.topics.push({
        name: topic.name,
        partitions: topic.partitions.map((p) =>
          listOffset(services, meta.apiVersion, request.replicaId, topic.name, p),
        ),
      });
    }
    return response;
  },
});

function listOffset(
  services: BrokerServices,
  version: number,
  replicaId: number,
  topic: string,
  wanted: ListOffsetsRequestListOffsetsPartition,
): ListOffsetsResponseListOffsetsPartitionResponse {
  const answer = {
    ...defaultListOffsetsResponseListOffsetsPartitionResponse(),
    partitionIndex: wanted.partitionIndex,
  };
  const led = ledPartition(
    services,
    topic,
    wanted.partitionIndex,
    version >= 4 ? wanted.currentLeaderEpoch : -1,
  );
  if ("errorCode" in led) return { ...answer, errorCode: led.errorCode };
  const partition = led.partition;
  const log = partition.log;
  const found = (offset: bigint, timestamp = -1n) => ({
    ...answer,
    offset,
    timestamp,
    leaderEpoch:
      offset >= 0n ? epochAtOffset(log, offset === log.logEndOffset ? offset - 1n : offset) : -1,
  });
  const readableEnd = replicaId >= 0 ? log.logEndOffset : partition.highWatermark;
  const timestamp = wanted.timestamp;
  if (timestamp === EARLIEST || (timestamp === EARLIEST_LOCAL && version >= 8))
    return found(log.logStartOffset);
  if (timestamp === LATEST) return found(readableEnd);
  if (timestamp === MAX_TIMESTAMP && version >= 7) {
    const max = log.maxTimestampOffset();
    return max === null || max.offset >= readableEnd
      ? { ...answer, offset: -1n, timestamp: -1n }
      : found(max.offset, max.timestamp);
  }
  if (timestamp < 0n) return { ...answer, errorCode: ErrorCode.UNSUPPORTED_VERSION };
  const match = log.offsetForTimestamp(timestamp);
  if (match === null || match.offset >= readableEnd)
    return { ...answer, offset: -1n, timestamp: -1n };
  return found(match.offset, match.timestamp);
}
