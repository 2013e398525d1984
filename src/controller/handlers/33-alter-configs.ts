/** AlterConfigs (key 33), the legacy whole-resource API, on the controller listener; see ../alter-configs.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { AlterConfigsRequest } from "../../protocol/generated/messages/alter-configs-request.ts";
import {
  defaultAlterConfigsResponse,
  type AlterConfigsResponse,
} from "../../protocol/generated/messages/alter-configs-response.ts";
import { decideLegacyAlterConfigs } from "../alter-configs.ts";
import type { ControllerOperations } from "../controller-operation.ts";

export function alterConfigsHandler(controller: ControllerOperations) {
  return defineHandler<AlterConfigsRequest, AlterConfigsResponse>({
    apiKey: ApiKey.AlterConfigs,
    minVersion: 0,
    maxVersion: 2,
    handle: async (request) => {
      const decision = await controller.submit({
        decide: (state) => decideLegacyAlterConfigs(state, request.resources, request.validateOnly),
        fail: (error) =>
          request.resources.map(({ resourceType, resourceName }) => ({
            resourceType,
            resourceName,
            errorCode: error.code,
            errorMessage: error.message,
          })),
      });
      return { ...defaultAlterConfigsResponse(), responses: decision };
    },
  });
}
