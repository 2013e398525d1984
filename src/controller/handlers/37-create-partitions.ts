/** CreatePartitions (key 37) on the controller listener; the rules are in ../create-partitions.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { CreatePartitionsRequest } from "../../protocol/generated/messages/create-partitions-request.ts";
import type { CreatePartitionsResponse } from "../../protocol/generated/messages/create-partitions-response.ts";
import type { ControllerOperations } from "../controller-operation.ts";
import { createPartitionsFailure, decideCreatePartitions } from "../create-partitions.ts";

export function createPartitionsHandler(controller: ControllerOperations) {
  return defineHandler<CreatePartitionsRequest, CreatePartitionsResponse>({
    apiKey: ApiKey.CreatePartitions,
    minVersion: 0,
    maxVersion: 3,
    handle: (request) =>
      controller.submit({
        decide: (state) => decideCreatePartitions(state, request),
        fail: (error) => createPartitionsFailure(request, error),
      }),
  });
}
