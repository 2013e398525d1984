/**
 * FindCoordinator (key 10): which broker coordinates a group — the leader of the group's
 * __consumer_offsets partition, which any broker can tell from its metadata (the topic is
 * created on first use). v0-v3 ask for one key, v4+ for a batch (coordinatorKeys), each
 * answered on its own. Key type GROUP (0) only: the playground has no transaction
 * coordinator, so TRANSACTION (1) is answered UNSUPPORTED_VERSION with a message saying so,
 * as InitProducerId does for transactional ids; SHARE (2) likewise; any other type is
 * INVALID_REQUEST, as Kafka's CoordinatorType.forId refuses it.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { FindCoordinatorRequest } from "../../protocol/generated/messages/find-coordinator-request.ts";
import {
  defaultFindCoordinatorResponse,
  type FindCoordinatorResponse,
} from "../../protocol/generated/messages/find-coordinator-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import { noCoordinator, type CoordinatorLocation } from "../group/coordinator-lookup.ts";

export const CoordinatorType = { GROUP: 0, TRANSACTION: 1, SHARE: 2 } as const;

export const findCoordinatorHandler = defineHandler<
  FindCoordinatorRequest,
  FindCoordinatorResponse,
  BrokerServices
>({
  apiKey: ApiKey.FindCoordinator,
  minVersion: 0,
  maxVersion: 6,
  handle(request, { services, meta }) {
    const response = defaultFindCoordinatorResponse();
    if (meta.apiVersion >= 4) {
      response.coordinators = request.coordinatorKeys.map((key) => ({
        key,
        ...locate(services, request.keyType, key),
      }));
      return response;
    }
    const { errorCode, errorMessage, nodeId, host, port } = locate(
      services,
      request.keyType,
      request.key,
    );
    return { ...response, errorCode, errorMessage, nodeId, host, port };
  },
});

function locate(services: BrokerServices, keyType: number, key: string): CoordinatorLocation {
  switch (keyType) {
    case CoordinatorType.GROUP:
      return (
        services.groups?.findCoordinator(key) ?? noCoordinator(ErrorCode.COORDINATOR_NOT_AVAILABLE)
      );
    case CoordinatorType.TRANSACTION:
      return noCoordinator(
        ErrorCode.UNSUPPORTED_VERSION,
        "transactions are not supported by this playground: there is no transaction coordinator",
      );
    case CoordinatorType.SHARE:
      return noCoordinator(
        ErrorCode.UNSUPPORTED_VERSION,
        "share groups are not supported by this playground: there is no share coordinator",
      );
    default:
      return noCoordinator(
        ErrorCode.INVALID_REQUEST,
        `Unknown coordinator type received: ${keyType}`,
      );
  }
}
