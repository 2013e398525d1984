/**
 * The two Admin calls kafka-metadata-quorum makes: describeMetadataQuorum (DescribeQuorum
 * for `__cluster_metadata-0`, checked as KafkaAdminClient checks the answer) and
 * describeCluster's cluster id (DescribeCluster, asking brokers or, with
 * --bootstrap-controller, controllers).
 */
import { throwIfError, KafkaProtocolError } from "../../client/kafka-error.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeClusterRequest } from "../../protocol/generated/messages/describe-cluster-request.ts";
import type { DescribeClusterResponse } from "../../protocol/generated/messages/describe-cluster-response.ts";
import type { DescribeQuorumRequest } from "../../protocol/generated/messages/describe-quorum-request.ts";
import type { DescribeQuorumResponse } from "../../protocol/generated/messages/describe-quorum-response.ts";
import { JavaException } from "../framework/java-exception.ts";
import { adminCall, type AdminCallOptions } from "./admin-call.ts";
import { replicaState, type QuorumInfo } from "./quorum-info.ts";

export const METADATA_TOPIC = "__cluster_metadata";

/** DescribeCluster's endpoint types (KIP-919). */
const BROKER_ENDPOINTS = 1;
const CONTROLLER_ENDPOINTS = 2;

function unknownServerError(message: string): JavaException {
  return new JavaException("UnknownServerException", message);
}

export function describeMetadataQuorum(options: AdminCallOptions): Promise<QuorumInfo> {
  const request: DescribeQuorumRequest = {
    topics: [{ topicName: METADATA_TOPIC, partitions: [{ partitionIndex: 0 }] }],
  };
  return adminCall<DescribeQuorumResponse, QuorumInfo>(
    options,
    "describeMetadataQuorum",
    ApiKey.DescribeQuorum,
    request,
    (response) => {
      throwIfError(response.errorCode, response.errorMessage);
      if (response.topics.length !== 1) {
        throw unknownServerError(
          `DescribeMetadataQuorum received ${response.topics.length} topics when 1 was expected`,
        );
      }
      const topic = response.topics[0]!;
      if (topic.topicName !== METADATA_TOPIC) {
        throw unknownServerError(
          `DescribeMetadataQuorum received a topic with name ${topic.topicName} when ${METADATA_TOPIC} was expected`,
        );
      }
      if (topic.partitions.length !== 1) {
        throw unknownServerError(
          `DescribeMetadataQuorum received a topic ${topic.topicName} with ${topic.partitions.length} partitions when 1 was expected`,
        );
      }
      const partition = topic.partitions[0]!;
      if (partition.partitionIndex !== 0) {
        throw unknownServerError(
          `DescribeMetadataQuorum received a single partition with index ${partition.partitionIndex} when 0 was expected`,
        );
      }
      if (partition.errorCode !== ErrorCode.NONE)
        throw new KafkaProtocolError(partition.errorCode, partition.errorMessage);
      return {
        leaderId: partition.leaderId,
        leaderEpoch: partition.leaderEpoch,
        highWatermark: partition.highWatermark,
        voters: partition.currentVoters.map(replicaState),
        observers: partition.observers.map(replicaState),
      };
    },
  );
}

export function describeClusterId(
  options: AdminCallOptions,
  ofControllers: boolean,
): Promise<string> {
  const request: DescribeClusterRequest = {
    includeClusterAuthorizedOperations: false,
    endpointType: ofControllers ? CONTROLLER_ENDPOINTS : BROKER_ENDPOINTS,
  };
  return adminCall<DescribeClusterResponse, string>(
    options,
    "listNodes",
    ApiKey.DescribeCluster,
    request,
    (response) => {
      throwIfError(response.errorCode, response.errorMessage);
      return response.clusterId;
    },
  );
}
