/**
 * OffsetDelete (key 47): delete a group's committed offsets for some partitions. An Empty
 * group loses them; a consumer group with members keeps the offsets of topics it is
 * subscribed to (GROUP_SUBSCRIBED_TO_TOPIC on those partitions); a non-empty group of
 * another protocol refuses with NON_EMPTY_GROUP. A group-level error leaves the partition
 * list empty, as Kafka answers. A topic the cluster does not have is
 * UNKNOWN_TOPIC_OR_PARTITION.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { OffsetDeleteRequest } from "../../protocol/generated/messages/offset-delete-request.ts";
import {
  defaultOffsetDeleteResponse,
  type OffsetDeleteResponse,
} from "../../protocol/generated/messages/offset-delete-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";

export const offsetDeleteHandler = defineHandler<
  OffsetDeleteRequest,
  OffsetDeleteResponse,
  BrokerServices
>({
  apiKey: ApiKey.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  async handle(request, { services }) {
    const image = services.image();
    const known = request.topics.filter((topic) => image.topicsByName.has(topic.name));
    const coordinator = services.groups;
    const result =
      coordinator === undefined
        ? { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, partitions: [] }
        : await coordinator.deleteOffsets(
            request.groupId,
            known.map((topic) => ({
              name: topic.name,
              partitions: topic.partitions.map((p) => p.partitionIndex),
            })),
          );
    const response = defaultOffsetDeleteResponse();
    if (result.errorCode !== ErrorCode.NONE) return { ...response, errorCode: result.errorCode };
    for (const topic of request.topics) {
      const errorFor = (partition: number) =>
        image.topicsByName.has(topic.name)
          ? (result.partitions.find((p) => p.topic === topic.name && p.partition === partition)
              ?.errorCode ?? ErrorCode.NONE)
          : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      response.topics.push({
        name: topic.name,
        partitions: topic.partitions.map(({ partitionIndex }) => ({
          partitionIndex,
          errorCode: errorFor(partitionIndex),
        })),
      });
    }
    return response;
  },
});
