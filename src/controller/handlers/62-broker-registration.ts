/** BrokerRegistration (key 62): a broker joins the cluster at startup; see ../broker-registration.ts. */
import { defineHandler } from "../../server/handler.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import type { BrokerRegistrationRequest } from "../../protocol/generated/messages/broker-registration-request.ts";
import {
  defaultBrokerRegistrationResponse,
  type BrokerRegistrationResponse,
} from "../../protocol/generated/messages/broker-registration-response.ts";
import { decideBrokerRegistration } from "../broker-registration.ts";
import type { ControllerOperations } from "../controller-operation.ts";

export function brokerRegistrationHandler(controller: ControllerOperations) {
  return defineHandler<BrokerRegistrationRequest, BrokerRegistrationResponse>({
    apiKey: ApiKey.BrokerRegistration,
    minVersion: 0,
    maxVersion: 4,
    handle: (request) =>
      controller.submit({
        decide: (state) => decideBrokerRegistration(state, request),
        fail: (error) => ({
          ...defaultBrokerRegistrationResponse(),
          errorCode: error.code,
          brokerEpoch: -1n,
        }),
      }),
  });
}
