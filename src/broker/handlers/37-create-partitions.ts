/**
 * CreatePartitions (key 37): forwarded to the active controller, which places the new
 * partitions; its answer comes back unchanged. If the controller cannot be reached in
 * time, every topic gets REQUEST_TIMED_OUT (see forwarding.ts).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { CreatePartitionsRequest } from "../../protocol/generated/messages/create-partitions-request.ts";
import {
  defaultCreatePartitionsResponse,
  type CreatePartitionsResponse,
} from "../../protocol/generated/messages/create-partitions-response.ts";
import { defineForwardedHandler } from "./forwarding.ts";

export const createPartitionsHandler = defineForwardedHandler<
  CreatePartitionsRequest,
  CreatePartitionsResponse
>({
  apiKey: ApiKey.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  timeoutMs: (request) => request.timeoutMs,
  errorResponse: (request, _version, errorCode, errorMessage) => ({
    ...defaultCreatePartitionsResponse(),
    results: request.topics.map((topic) => ({ name: topic.name, errorCode, errorMessage })),
  }),
});
