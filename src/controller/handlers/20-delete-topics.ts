/** DeleteTopics (key 20) on the controller listener; the rules are in ../delete-topics.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { DeleteTopicsRequest } from "../../protocol/generated/messages/delete-topics-request.ts";
import type { DeleteTopicsResponse } from "../../protocol/generated/messages/delete-topics-response.ts";
import type { ControllerOperations } from "../controller-operation.ts";
import { decideDeleteTopics, deleteTopicsFailure } from "../delete-topics.ts";

export function deleteTopicsHandler(controller: ControllerOperations) {
  return defineHandler<DeleteTopicsRequest, DeleteTopicsResponse>({
    apiKey: ApiKey.DeleteTopics,
    minVersion: 0,
    maxVersion: 6,
    handle: (request, context) =>
      controller.submit({
        decide: (state) => decideDeleteTopics(state, request, context.meta.apiVersion),
        fail: (error) => deleteTopicsFailure(request, error),
      }),
  });
}
