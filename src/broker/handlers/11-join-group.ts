/**
 * JoinGroup (key 11): a member asks to join a classic group, and the answer waits until
 * the group's join phase completes (see group/join-group.ts). v0 has no rebalance timeout
 * (the session timeout stands in), v4+ dynamic members first get MEMBER_ID_REQUIRED with
 * their new id (KIP-394), v5+ carry group.instance.id (static membership, KIP-345), v7+
 * answer the protocol type, v8+ carry the client's reason, v9 lets a static leader skip
 * the assignment.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { JoinGroupRequest } from "../../protocol/generated/messages/join-group-request.ts";
import {
  defaultJoinGroupResponse,
  type JoinGroupResponse,
} from "../../protocol/generated/messages/join-group-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import { joinError, type JoinResult } from "../group/classic-group-member.ts";

export const joinGroupHandler = defineHandler<JoinGroupRequest, JoinGroupResponse, BrokerServices>({
  apiKey: ApiKey.JoinGroup,
  minVersion: 0,
  maxVersion: 9,
  async handle(request, { services, meta }) {
    const version = meta.apiVersion;
    const coordinator = services.groups;
    const result =
      coordinator === undefined
        ? joinError(request.memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE)
        : await coordinator.joinGroup({
            groupId: request.groupId,
            memberId: request.memberId,
            groupInstanceId: request.groupInstanceId,
            requireKnownMemberId: version >= 4 && request.groupInstanceId === null,
            supportSkippingAssignment: version >= 9,
            clientId: meta.clientId ?? "",
            // Kafka records the socket's peer ("/127.0.0.1"); the request context carries none.
            clientHost: "",
            rebalanceTimeoutMs:
              version === 0 ? request.sessionTimeoutMs : request.rebalanceTimeoutMs,
            sessionTimeoutMs: request.sessionTimeoutMs,
            protocolType: request.protocolType,
            protocols: request.protocols.map(({ name, metadata }) => ({ name, metadata })),
            reason: request.reason ?? "not provided",
          });
    return joinResponse(result, version);
  },
});

function joinResponse(result: JoinResult, version: number): JoinGroupResponse {
  return {
    ...defaultJoinGroupResponse(),
    errorCode: result.errorCode,
    generationId: result.generationId,
    protocolType: result.protocolType,
    // Before v7 the protocol name cannot be null.
    protocolName: result.protocolName ?? (version < 7 ? "" : null),
    leader: result.leader,
    skipAssignment: result.skipAssignment,
    memberId: result.memberId,
    members: result.members.map((member) => ({ ...member })),
  };
}
