/** BrokerHeartbeat (key 63): sessions, fencing and controlled shutdown; see ../broker-heartbeat.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { BrokerHeartbeatRequest } from "../../protocol/generated/messages/broker-heartbeat-request.ts";
import {
  defaultBrokerHeartbeatResponse,
  type BrokerHeartbeatResponse,
} from "../../protocol/generated/messages/broker-heartbeat-response.ts";
import { decideBrokerHeartbeat } from "../broker-heartbeat.ts";
import type { ControllerOperations } from "../controller-operation.ts";

export function brokerHeartbeatHandler(controller: ControllerOperations) {
  return defineHandler<BrokerHeartbeatRequest, BrokerHeartbeatResponse>({
    apiKey: ApiKey.BrokerHeartbeat,
    minVersion: 0,
    maxVersion: 1,
    handle: (request) =>
      controller.submit({
        decide: (state) => decideBrokerHeartbeat(state, request),
        fail: (error) => ({ ...defaultBrokerHeartbeatResponse(), errorCode: error.code }),
      }),
  });
}
