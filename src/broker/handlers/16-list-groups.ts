/**
 * ListGroups (key 16): the groups this broker coordinates. v4+ may filter by state
 * (case-insensitive), v5+ by type — every group here is "classic". While one of its
 * __consumer_offsets partitions is still loading the answer is
 * COORDINATOR_LOAD_IN_PROGRESS with the groups loaded so far, as Kafka answers.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ListGroupsRequest } from "../../protocol/generated/messages/list-groups-request.ts";
import {
  defaultListGroupsResponse,
  type ListGroupsResponse,
} from "../../protocol/generated/messages/list-groups-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";

export const listGroupsHandler = defineHandler<
  ListGroupsRequest,
  ListGroupsResponse,
  BrokerServices
>({
  apiKey: ApiKey.ListGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(request, { services }) {
    const listed = services.groups?.listGroups(request.statesFilter, request.typesFilter) ?? {
      errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
      groups: [],
    };
    return { ...defaultListGroupsResponse(), errorCode: listed.errorCode, groups: listed.groups };
  },
});
