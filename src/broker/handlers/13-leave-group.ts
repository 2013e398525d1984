/**
 * LeaveGroup (key 13): members leave a classic group at once instead of waiting for their
 * session to time out, which starts a rebalance. v0-v2 name one member; v3+ a batch, each
 * answered on its own, where a member may be named by group.instance.id alone (an
 * administrator removing a static member). For v0-v2 a member's error is the answer's
 * error, as Kafka's LeaveGroupResponse folds it.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { LeaveGroupRequest } from "../../protocol/generated/messages/leave-group-request.ts";
import {
  defaultLeaveGroupResponse,
  type LeaveGroupResponse,
} from "../../protocol/generated/messages/leave-group-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";

export const leaveGroupHandler = defineHandler<
  LeaveGroupRequest,
  LeaveGroupResponse,
  BrokerServices
>({
  apiKey: ApiKey.LeaveGroup,
  minVersion: 0,
  maxVersion: 5,
  handle(request, { services, meta }) {
    const batched = meta.apiVersion >= 3;
    const leaving = batched
      ? request.members.map(({ memberId, groupInstanceId, reason }) => ({
          memberId,
          groupInstanceId,
          reason,
        }))
      : [{ memberId: request.memberId, groupInstanceId: null, reason: null }];
    const result = services.groups?.leaveGroup(request.groupId, leaving) ?? {
      errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
      members: [],
    };
    const response = defaultLeaveGroupResponse();
    if (batched) return { ...response, errorCode: result.errorCode, members: result.members };
    const memberError = result.members.find((m) => m.errorCode !== ErrorCode.NONE)?.errorCode;
    return {
      ...response,
      errorCode:
        result.errorCode !== ErrorCode.NONE ? result.errorCode : (memberError ?? ErrorCode.NONE),
    };
  },
});
