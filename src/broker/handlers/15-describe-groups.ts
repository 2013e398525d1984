/**
 * DescribeGroups (key 15): each group's state, protocol, and members — with each member's
 * metadata and assignment while the group is Stable (see group/group-admin.ts). A group
 * this coordinator does not have is answered as "Dead" with no error, as Kafka does before
 * v6. v3+ may ask for the authorized operations: without an authorizer, every operation a
 * group supports (READ, DESCRIBE, DELETE); v4+ show group.instance.id.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeGroupsRequest } from "../../protocol/generated/messages/describe-groups-request.ts";
import {
  defaultDescribeGroupsResponse,
  type DescribeGroupsResponse,
} from "../../protocol/generated/messages/describe-groups-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import { AclOperation, AUTHORIZED_OPERATIONS_OMITTED } from "./authorized-operations.ts";

/** Kafka's AclEntry.supportedOperations for the GROUP resource. */
const GROUP_OPERATIONS = [AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE];

export const describeGroupsHandler = defineHandler<
  DescribeGroupsRequest,
  DescribeGroupsResponse,
  BrokerServices
>({
  apiKey: ApiKey.DescribeGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(request, { services }) {
    const operations = request.includeAuthorizedOperations
      ? GROUP_OPERATIONS.reduce((bits, operation) => bits | (1 << operation), 0)
      : AUTHORIZED_OPERATIONS_OMITTED;
    const response = defaultDescribeGroupsResponse();
    response.groups = request.groups.map((groupId) => {
      const described = services.groups?.describeGroup(groupId) ?? {
        errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
        groupId,
        state: "",
        protocolType: "",
        protocolData: "",
        members: [],
      };
      const failed = described.errorCode !== ErrorCode.NONE;
      return {
        errorCode: described.errorCode,
        groupId,
        groupState: described.state,
        protocolType: described.protocolType,
        protocolData: described.protocolData,
        members: described.members.map((member) => ({
          memberId: member.memberId,
          groupInstanceId: member.groupInstanceId,
          clientId: member.clientId,
          clientHost: member.clientHost,
          memberMetadata: member.metadata,
          memberAssignment: member.assignment,
        })),
        authorizedOperations: failed ? AUTHORIZED_OPERATIONS_OMITTED : operations,
      };
    });
    return response;
  },
});
