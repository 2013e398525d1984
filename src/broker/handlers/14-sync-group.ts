/**
 * SyncGroup (key 14): after JoinGroup, every member asks for its assignment; the leader's
 * request carries everyone's. The answers wait until the leader's assignment is written
 * to __consumer_offsets (see group/sync-group.ts). v3+ carry group.instance.id; v5 names
 * the protocol type and name, which must match the group's (INCONSISTENT_GROUP_PROTOCOL),
 * and answers them.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { SyncGroupRequest } from "../../protocol/generated/messages/sync-group-request.ts";
import {
  defaultSyncGroupResponse,
  type SyncGroupResponse,
} from "../../protocol/generated/messages/sync-group-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import { syncError } from "../group/classic-group-member.ts";

export const syncGroupHandler = defineHandler<SyncGroupRequest, SyncGroupResponse, BrokerServices>({
  apiKey: ApiKey.SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  async handle(request, { services }) {
    const coordinator = services.groups;
    const result =
      coordinator === undefined
        ? syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE)
        : await coordinator.syncGroup({
            groupId: request.groupId,
            generationId: request.generationId,
            memberId: request.memberId,
            groupInstanceId: request.groupInstanceId,
            protocolType: request.protocolType,
            protocolName: request.protocolName,
            assignments: request.assignments.map(({ memberId, assignment }) => ({
              memberId,
              assignment,
            })),
          });
    return {
      ...defaultSyncGroupResponse(),
      errorCode: result.errorCode,
      protocolType: result.protocolType,
      protocolName: result.protocolName,
      assignment: result.assignment,
    };
  },
});
