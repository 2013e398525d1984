/**
 * DeleteGroups (key 42): delete groups with no members, their offsets with them (tombstones
 * in __consumer_offsets). Each group is answered on its own: NON_EMPTY_GROUP while it has
 * members, GROUP_ID_NOT_FOUND when there is no such group, NOT_COORDINATOR when another
 * broker coordinates it (see group/group-admin.ts).
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DeleteGroupsRequest } from "../../protocol/generated/messages/delete-groups-request.ts";
import {
  defaultDeleteGroupsResponse,
  type DeleteGroupsResponse,
} from "../../protocol/generated/messages/delete-groups-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";

export const deleteGroupsHandler = defineHandler<
  DeleteGroupsRequest,
  DeleteGroupsResponse,
  BrokerServices
>({
  apiKey: ApiKey.DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  async handle(request, { services }) {
    const coordinator = services.groups;
    const results =
      coordinator === undefined
        ? [...new Set(request.groupsNames)].map((groupId) => ({
            groupId,
            errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
          }))
        : await coordinator.deleteGroups(request.groupsNames);
    return { ...defaultDeleteGroupsResponse(), results };
  },
});
