/**
 * Heartbeat (key 12): a member of a classic group says it is alive. NONE keeps its
 * session going; REBALANCE_IN_PROGRESS tells it to rejoin; UNKNOWN_MEMBER_ID,
 * ILLEGAL_GENERATION and FENCED_INSTANCE_ID tell it it is no longer the member it thinks
 * (see group/heartbeat-and-leave.ts). v3+ carry group.instance.id.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { HeartbeatRequest } from "../../protocol/generated/messages/heartbeat-request.ts";
import {
  defaultHeartbeatResponse,
  type HeartbeatResponse,
} from "../../protocol/generated/messages/heartbeat-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";

export const heartbeatHandler = defineHandler<HeartbeatRequest, HeartbeatResponse, BrokerServices>({
  apiKey: ApiKey.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  handle(request, { services }) {
    const errorCode =
      services.groups?.heartbeat({
        groupId: request.groupId,
        memberId: request.memberId,
        groupInstanceId: request.groupInstanceId,
        generationId: request.generationId,
      }) ?? ErrorCode.COORDINATOR_NOT_AVAILABLE;
    return { ...defaultHeartbeatResponse(), errorCode };
  },
});
