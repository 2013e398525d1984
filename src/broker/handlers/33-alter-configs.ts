/**
 * AlterConfigs (key 33): forwarded to the active controller, which checks the new
 * configs and commits them as ConfigRecords; its answer comes back unchanged. AlterConfigs
 * has no timeout of its own, so the broker waits request.timeout.ms for the controller,
 * then answers REQUEST_TIMED_OUT for every resource (see forwarding.ts).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { AlterConfigsRequest } from "../../protocol/generated/messages/alter-configs-request.ts";
import {
  defaultAlterConfigsResponse,
  type AlterConfigsResponse,
} from "../../protocol/generated/messages/alter-configs-response.ts";
import { defineForwardedHandler } from "./forwarding.ts";

export const alterConfigsHandler = defineForwardedHandler<
  AlterConfigsRequest,
  AlterConfigsResponse
>({
  apiKey: ApiKey.AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
  timeoutMs: () => null,
  errorResponse: (request, _version, errorCode, errorMessage) => ({
    ...defaultAlterConfigsResponse(),
    responses: request.resources.map(({ resourceType, resourceName }) => ({
      errorCode,
      errorMessage,
      resourceType,
      resourceName,
    })),
  }),
});
