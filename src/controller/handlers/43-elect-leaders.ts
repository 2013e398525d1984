/** ElectLeaders (key 43) on the controller listener; the rules are in ../elect-leaders.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { ElectLeadersRequest } from "../../protocol/generated/messages/elect-leaders-request.ts";
import type { ElectLeadersResponse } from "../../protocol/generated/messages/elect-leaders-response.ts";
import type { ControllerOperations } from "../controller-operation.ts";
import { decideElectLeaders, electLeadersFailure } from "../elect-leaders.ts";

export function electLeadersHandler(controller: ControllerOperations) {
  return defineHandler<ElectLeadersRequest, ElectLeadersResponse>({
    apiKey: ApiKey.ElectLeaders,
    minVersion: 0,
    maxVersion: 2,
    handle: (request) =>
      controller.submit({
        decide: (state) => decideElectLeaders(state, request),
        fail: (error) => electLeadersFailure(request, error),
      }),
  });
}
