/**
 * DescribeProducers (key 61): the idempotent and transactional producers a partition
 * remembers (id, epoch, last sequence, last timestamp, coordinator epoch, open
 * transaction's first offset), as kafka-transactions.sh describe-producers shows them.
 * Like Kafka, any replica that hosts the partition answers from its own producer state —
 * the admin client asks the leader unless told a broker id — so a follower answers too.
 * A partition unknown to the cluster is UNKNOWN_TOPIC_OR_PARTITION, one this broker does
 * not host NOT_LEADER_OR_FOLLOWER, one whose log directory failed KAFKA_STORAGE_ERROR.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeProducersRequest } from "../../protocol/generated/messages/describe-producers-request.ts";
import {
  defaultDescribeProducersResponse,
  defaultDescribeProducersResponsePartitionResponse,
  type DescribeProducersResponse,
  type DescribeProducersResponsePartitionResponse,
} from "../../protocol/generated/messages/describe-producers-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";

export const describeProducersHandler = defineHandler<
  DescribeProducersRequest,
  DescribeProducersResponse,
  BrokerServices
>({
  apiKey: ApiKey.DescribeProducers,
  minVersion: 0,
  maxVersion: 0,
  handle(request, { services }) {
    return {
      ...defaultDescribeProducersResponse(),
      topics: request.topics.map((topic) => ({
        name: topic.name,
        partitions: topic.partitionIndexes.map((index) =>
          describePartition(services, topic.name, index),
        ),
      })),
    };
  },
});

function describePartition(
  services: BrokerServices,
  topic: string,
  index: number,
): DescribeProducersResponsePartitionResponse {
  const answer = { ...defaultDescribeProducersResponsePartitionResponse(), partitionIndex: index };
  if (services.image().partition(topic, index) === undefined)
    return { ...answer, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
  const partition = services.replicas.partition(topic, index);
  if (partition === undefined || partition.role === "none")
    return { ...answer, errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER };
  if (partition.log.isOffline) return { ...answer, errorCode: ErrorCode.KAFKA_STORAGE_ERROR };
  return {
    ...answer,
    errorCode: ErrorCode.NONE,
    activeProducers: partition.producers.activeProducers(),
  };
}
