/**
 * IncrementalAlterConfigs (key 44): forwarded to the active controller, which applies the
 * SET/DELETE/APPEND/SUBTRACT operations and commits ConfigRecords; its answer comes back
 * unchanged. It has no timeout of its own, so the broker waits request.timeout.ms for the
 * controller, then answers REQUEST_TIMED_OUT for every resource (see forwarding.ts).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { IncrementalAlterConfigsRequest } from "../../protocol/generated/messages/incremental-alter-configs-request.ts";
import {
  defaultIncrementalAlterConfigsResponse,
  type IncrementalAlterConfigsResponse,
} from "../../protocol/generated/messages/incremental-alter-configs-response.ts";
import { defineForwardedHandler } from "./forwarding.ts";

export const incrementalAlterConfigsHandler = defineForwardedHandler<
  IncrementalAlterConfigsRequest,
  IncrementalAlterConfigsResponse
>({
  apiKey: ApiKey.IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  timeoutMs: () => null,
  errorResponse: (request, _version, errorCode, errorMessage) => ({
    ...defaultIncrementalAlterConfigsResponse(),
    responses: request.resources.map(({ resourceType, resourceName }) => ({
      errorCode,
      errorMessage,
      resourceType,
      resourceName,
    })),
  }),
});
