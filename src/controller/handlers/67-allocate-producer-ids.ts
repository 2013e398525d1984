/** AllocateProducerIds (key 67): blocks of producer ids for brokers; see ../producer-ids.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { AllocateProducerIdsRequest } from "../../protocol/generated/messages/allocate-producer-ids-request.ts";
import type { AllocateProducerIdsResponse } from "../../protocol/generated/messages/allocate-producer-ids-response.ts";
import type { ControllerOperations } from "../controller-operation.ts";
import { allocateProducerIdsFailure, decideAllocateProducerIds } from "../producer-ids.ts";

export function allocateProducerIdsHandler(controller: ControllerOperations) {
  return defineHandler<AllocateProducerIdsRequest, AllocateProducerIdsResponse>({
    apiKey: ApiKey.AllocateProducerIds,
    minVersion: 0,
    maxVersion: 0,
    handle: (request) =>
      controller.submit({
        decide: (state) => decideAllocateProducerIds(state, request),
        fail: (error) => allocateProducerIdsFailure(error.code),
      }),
  });
}
