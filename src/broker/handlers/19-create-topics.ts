/**
 * CreateTopics (key 19): forwarded to the active controller, which places the partitions
 * and commits the topic; its answer comes back unchanged. If the controller cannot be
 * reached in time, every topic gets REQUEST_TIMED_OUT (see forwarding.ts).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { CreateTopicsRequest } from "../../protocol/generated/messages/create-topics-request.ts";
import {
  defaultCreateTopicsResponse,
  defaultCreateTopicsResponseCreatableTopicResult,
  type CreateTopicsResponse,
} from "../../protocol/generated/messages/create-topics-response.ts";
import { defineForwardedHandler } from "./forwarding.ts";

export const createTopicsHandler = defineForwardedHandler<
  CreateTopicsRequest,
  CreateTopicsResponse
>({
  apiKey: ApiKey.CreateTopics,
  minVersion: 0,
  maxVersion: 7,
  timeoutMs: (request) => request.timeoutMs,
  errorResponse: (request, _version, errorCode, errorMessage) => ({
    ...defaultCreateTopicsResponse(),
    topics: request.topics.map((topic) => ({
      ...defaultCreateTopicsResponseCreatableTopicResult(),
      name: topic.name,
      errorCode,
      errorMessage,
    })),
  }),
});
