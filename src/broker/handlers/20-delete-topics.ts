/**
 * DeleteTopics (key 20): forwarded to the active controller, which removes the topics
 * from the metadata; its answer comes back unchanged. If the controller cannot be reached
 * in time, every topic named (by name, or from v6 by name or id) gets REQUEST_TIMED_OUT.
 */
import { ZERO_UUID } from "../../protocol/codec-runtime.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { DeleteTopicsRequest } from "../../protocol/generated/messages/delete-topics-request.ts";
import {
  defaultDeleteTopicsResponse,
  defaultDeleteTopicsResponseDeletableTopicResult,
  type DeleteTopicsResponse,
} from "../../protocol/generated/messages/delete-topics-response.ts";
import { defineForwardedHandler } from "./forwarding.ts";

export const deleteTopicsHandler = defineForwardedHandler<
  DeleteTopicsRequest,
  DeleteTopicsResponse
>({
  apiKey: ApiKey.DeleteTopics,
  minVersion: 0,
  maxVersion: 6,
  timeoutMs: (request) => request.timeoutMs,
  errorResponse: (request, version, errorCode, errorMessage) => {
    // v0-v5 name topics in topicNames; v6 moved them to topics, each by name or id.
    const named =
      version >= 6
        ? request.topics
        : request.topicNames.map((name) => ({ name, topicId: ZERO_UUID }));
    return {
      ...defaultDeleteTopicsResponse(),
      responses: named.map(({ name, topicId }) => ({
        ...defaultDeleteTopicsResponseDeletableTopicResult(),
        name,
        topicId,
        errorCode,
        errorMessage,
      })),
    };
  },
});
