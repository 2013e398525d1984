/**
 * ElectLeaders (key 43): forwarded to the active controller, which runs the preferred or
 * unclean election; its answer comes back unchanged. If the controller cannot be reached
 * in time, every partition named gets REQUEST_TIMED_OUT, and so does the top-level error
 * (v1+), as Kafka's error answer has it. A request for all partitions (null) has none to
 * name: only the top-level error tells.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { ElectLeadersRequest } from "../../protocol/generated/messages/elect-leaders-request.ts";
import {
  defaultElectLeadersResponse,
  type ElectLeadersResponse,
} from "../../protocol/generated/messages/elect-leaders-response.ts";
import { defineForwardedHandler } from "./forwarding.ts";

export const electLeadersHandler = defineForwardedHandler<
  ElectLeadersRequest,
  ElectLeadersResponse
>({
  apiKey: ApiKey.ElectLeaders,
  minVersion: 0,
  maxVersion: 2,
  timeoutMs: (request) => request.timeoutMs,
  errorResponse: (request, _version, errorCode, errorMessage) => ({
    ...defaultElectLeadersResponse(),
    errorCode,
    replicaElectionResults: (request.topicPartitions ?? []).map(({ topic, partitions }) => ({
      topic,
      partitionResult: partitions.map((partitionId) => ({ partitionId, errorCode, errorMessage })),
    })),
  }),
});
