/** IncrementalAlterConfigs (key 44) on the controller listener; see ../alter-configs.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { IncrementalAlterConfigsRequest } from "../../protocol/generated/messages/incremental-alter-configs-request.ts";
import {
  defaultIncrementalAlterConfigsResponse,
  type IncrementalAlterConfigsResponse,
} from "../../protocol/generated/messages/incremental-alter-configs-response.ts";
import { decideIncrementalAlterConfigs } from "../alter-configs.ts";
import type { ControllerOperations } from "../controller-operation.ts";

export function incrementalAlterConfigsHandler(controller: ControllerOperations) {
  return defineHandler<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse>({
    apiKey: ApiKey.IncrementalAlterConfigs,
    minVersion: 0,
    maxVersion: 1,
    handle: async (request) => {
      const responses = await controller.submit({
        decide: (state) =>
          decideIncrementalAlterConfigs(state, request.resources, request.validateOnly),
        fail: (error) =>
          request.resources.map(({ resourceType, resourceName }) => ({
            resourceType,
            resourceName,
            errorCode: error.code,
            errorMessage: error.message,
          })),
      });
      return { ...defaultIncrementalAlterConfigsResponse(), responses };
    },
  });
}
