/**
 * DescribeCluster (key 60): the cluster id, the live (unfenced) brokers with their
 * PLAINTEXT endpoints, and a "controller" id. As KRaft brokers do, the id named is a
 * random live broker: clients never talk to the controller quorum, so a broker stands in
 * for it. KIP-919 (v1): this is a broker endpoint, so a request for the controllers
 * (endpointType 2) gets MISMATCHED_ENDPOINT_TYPE and an unknown type
 * UNSUPPORTED_ENDPOINT_TYPE (INVALID_REQUEST in v0), each with Kafka's message and
 * nothing else filled in.
 */
import { BROKER_LISTENER } from "../../client/node-requester.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeClusterRequest } from "../../protocol/generated/messages/describe-cluster-request.ts";
import {
  defaultDescribeClusterResponse,
  type DescribeClusterResponse,
} from "../../protocol/generated/messages/describe-cluster-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import { authorizedOperations } from "./authorized-operations.ts";

/** KIP-919's endpoint types, by the names Kafka prints in its messages. */
const ENDPOINT_TYPES: ReadonlyMap<number, string> = new Map([
  [1, "BROKER"],
  [2, "CONTROLLER"],
]);
const BROKER_ENDPOINT = 1;

export const describeClusterHandler = defineHandler<
  DescribeClusterRequest,
  DescribeClusterResponse,
  BrokerServices
>({
  apiKey: ApiKey.DescribeCluster,
  minVersion: 0,
  maxVersion: 1,
  handle(request, { services, meta }) {
    const refusal = endpointTypeRefusal(request.endpointType, meta.apiVersion);
    if (refusal !== null) return { ...defaultDescribeClusterResponse(), ...refusal };
    const brokers = services
      .image()
      .liveEndpoints(BROKER_LISTENER)
      .map(({ id, host, port, rack }) => ({ brokerId: id, host, port, rack }));
    const controllerId =
      brokers.length === 0 ? -1 : brokers[Math.floor(services.random() * brokers.length)]!.brokerId;
    return {
      ...defaultDescribeClusterResponse(),
      endpointType: BROKER_ENDPOINT,
      clusterId: services.clusterId,
      controllerId,
      brokers,
      clusterAuthorizedOperations: authorizedOperations(
        "cluster",
        request.includeClusterAuthorizedOperations,
      ),
    };
  },
});

function endpointTypeRefusal(
  endpointType: number,
  version: number,
): { errorCode: number; errorMessage: string } | null {
  const wanted = ENDPOINT_TYPES.get(endpointType);
  if (wanted === undefined) {
    return {
      errorCode: version === 0 ? ErrorCode.INVALID_REQUEST : ErrorCode.UNSUPPORTED_ENDPOINT_TYPE,
      errorMessage: `Unsupported endpoint type ${endpointType}`,
    };
  }
  if (endpointType === BROKER_ENDPOINT) return null;
  return {
    errorCode: version === 0 ? ErrorCode.INVALID_REQUEST : ErrorCode.MISMATCHED_ENDPOINT_TYPE,
    errorMessage: `The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type ${wanted}`,
  };
}

/** Unfenced brokers that have a client listener, by id. */
