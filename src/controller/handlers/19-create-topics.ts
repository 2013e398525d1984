/** CreateTopics (key 19) on the controller listener; the rules are in ../create-topics.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { CreateTopicsRequest } from "../../protocol/generated/messages/create-topics-request.ts";
import type { CreateTopicsResponse } from "../../protocol/generated/messages/create-topics-response.ts";
import type { ControllerOperations } from "../controller-operation.ts";
import { createTopicsFailure, decideCreateTopics } from "../create-topics.ts";

export function createTopicsHandler(controller: ControllerOperations) {
  return defineHandler<CreateTopicsRequest, CreateTopicsResponse>({
    apiKey: ApiKey.CreateTopics,
    minVersion: 0,
    maxVersion: 7,
    handle: (request) =>
      controller.submit({
        decide: (state) => decideCreateTopics(state, request),
        fail: (error) => createTopicsFailure(request, error),
      }),
  });
}
