/** AlterPartition (key 56), ISR changes from partition leaders; the rules are in ../alter-partition.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { AlterPartitionRequest } from "../../protocol/generated/messages/alter-partition-request.ts";
import type { AlterPartitionResponse } from "../../protocol/generated/messages/alter-partition-response.ts";
import { alterPartitionFailure, decideAlterPartition } from "../alter-partition.ts";
import type { ControllerOperations } from "../controller-operation.ts";

export function alterPartitionHandler(controller: ControllerOperations) {
  return defineHandler<AlterPartitionRequest, AlterPartitionResponse>({
    apiKey: ApiKey.AlterPartition,
    minVersion: 0,
    maxVersion: 3,
    handle: (request, context) =>
      controller.submit({
        decide: (state) => decideAlterPartition(state, request, context.meta.apiVersion),
        fail: (error) => alterPartitionFailure(error.code),
      }),
  });
}
