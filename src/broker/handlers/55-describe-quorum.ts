/**
 * DescribeQuorum (key 55): a broker does not know the KRaft quorum's state, so it forwards
 * the request to the active controller and returns its answer, as Kafka's brokers do, so
 * `kafka-metadata-quorum --bootstrap-server` works. If the controller cannot be reached in
 * time, the top-level error and every partition named carry REQUEST_TIMED_OUT.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { DescribeQuorumRequest } from "../../protocol/generated/messages/describe-quorum-request.ts";
import {
  defaultDescribeQuorumResponse,
  defaultDescribeQuorumResponsePartitionData,
  type DescribeQuorumResponse,
} from "../../protocol/generated/messages/describe-quorum-response.ts";
import { defineForwardedHandler } from "./forwarding.ts";

export const describeQuorumHandler = defineForwardedHandler<
  DescribeQuorumRequest,
  DescribeQuorumResponse
>({
  apiKey: ApiKey.DescribeQuorum,
  minVersion: 0,
  maxVersion: 2,
  timeoutMs: () => null,
  errorResponse: (request, _version, errorCode, errorMessage) => ({
    ...defaultDescribeQuorumResponse(),
    errorCode,
    errorMessage,
    topics: request.topics.map(({ topicName, partitions }) => ({
      topicName,
      partitions: partitions.map(({ partitionIndex }) => ({
        ...defaultDescribeQuorumResponsePartitionData(),
        partitionIndex,
        errorCode,
        errorMessage,
      })),
    })),
  }),
});
