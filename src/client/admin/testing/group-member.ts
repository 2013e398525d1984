/**
 * A consumer group member made of plain protocol requests (FindCoordinator, JoinGroup,
 * SyncGroup, LeaveGroup), so the admin tests can see a group with a running member
 * before the consumer client exists.
 */
import { ApiKey } from "../../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../../protocol/generated/error-codes.ts";
import type { JoinGroupResponse } from "../../../protocol/generated/messages/join-group-response.ts";
import type { LeaveGroupResponse } from "../../../protocol/generated/messages/leave-group-response.ts";
import type { SyncGroupResponse } from "../../../protocol/generated/messages/sync-group-response.ts";
import { ConsumerProtocolSubscriptionSpec } from "../../../protocol/generated/messages/consumer-protocol-subscription.ts";
import { encodeMessage } from "../../../protocol/message-codec.ts";
import type { SimCluster } from "../../../runtime/sim/sim-cluster.ts";
import type { ClientCluster } from "../../cluster/client-cluster.ts";
import { findCoordinator } from "../../cluster/find-coordinator.ts";

export interface GroupMember {
  memberId: string;
  coordinator: number;
  leave(): Promise<void>;
}

/** The consumer protocol's subscription bytes: a version (0) then the struct. */
function subscription(topics: string[]): Uint8Array {
  const body = encodeMessage(
    ConsumerProtocolSubscriptionSpec,
    { topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null },
    0,
  );
  const bytes = new Uint8Array(2 + body.length);
  bytes.set(body, 2);
  return bytes;
}

/** Joins `groupId` as its only member and completes the rebalance (the member leads it). */
export async function joinGroupMember(
  sim: SimCluster,
  cluster: ClientCluster,
  groupId: string,
  topics: string[],
): Promise<GroupMember> {
  const { nodeId: coordinator } = await sim.runWhile(findCoordinator(cluster, groupId));
  const join = (memberId: string) =>
    sim.runWhile(
      cluster.request<JoinGroupResponse>(coordinator, ApiKey.JoinGroup, {
        groupId,
        sessionTimeoutMs: 30_000,
        rebalanceTimeoutMs: 30_000,
        memberId,
        groupInstanceId: null,
        protocolType: "consumer",
        protocols: [{ name: "range", metadata: subscription(topics) }],
        reason: null,
      }),
    );
  let { response: joined } = await join("");
  // JoinGroup v4+: the first join only hands out a member id.
  if (joined.errorCode === ErrorCode.MEMBER_ID_REQUIRED)
    ({ response: joined } = await join(joined.memberId));
  if (joined.errorCode !== ErrorCode.NONE) throw new Error(`JoinGroup failed: ${joined.errorCode}`);
  const { memberId, generationId } = joined;
  const { response: synced } = await sim.runWhile(
    cluster.request<SyncGroupResponse>(coordinator, ApiKey.SyncGroup, {
      groupId,
      generationId,
      memberId,
      groupInstanceId: null,
      protocolType: "consumer",
      protocolName: "range",
      assignments: [{ memberId, assignment: new Uint8Array(0) }],
    }),
  );
  if (synced.errorCode !== ErrorCode.NONE) throw new Error(`SyncGroup failed: ${synced.errorCode}`);
  return {
    memberId,
    coordinator,
    async leave() {
      const { response } = await sim.runWhile(
        cluster.request<LeaveGroupResponse>(coordinator, ApiKey.LeaveGroup, {
          groupId,
          memberId,
          members: [{ memberId, groupInstanceId: null, reason: null }],
        }),
      );
      if (response.errorCode !== ErrorCode.NONE)
        throw new Error(`LeaveGroup failed: ${response.errorCode}`);
    },
  };
}
