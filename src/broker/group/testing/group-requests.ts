/**
 * Test support: group API requests with sensible defaults, and a driver that takes a set
 * of consumers through JoinGroup (with the MEMBER_ID_REQUIRED round) and SyncGroup, the
 * way the Java consumer does.
 */
import { expect } from "vitest";
import { ErrorCode } from "../../../protocol/generated/error-codes.ts";
import {
  defaultJoinGroupRequest,
  type JoinGroupRequest,
} from "../../../protocol/generated/messages/join-group-request.ts";
import type { JoinGroupResponse } from "../../../protocol/generated/messages/join-group-response.ts";
import {
  defaultSyncGroupRequest,
  type SyncGroupRequest,
} from "../../../protocol/generated/messages/sync-group-request.ts";
import {
  defaultHeartbeatRequest,
  type HeartbeatRequest,
} from "../../../protocol/generated/messages/heartbeat-request.ts";
import {
  defaultOffsetCommitRequest,
  type OffsetCommitRequest,
} from "../../../protocol/generated/messages/offset-commit-request.ts";
import { joinGroupHandler } from "../../handlers/11-join-group.ts";
import { syncGroupHandler } from "../../handlers/14-sync-group.ts";
import { CONSUMER_PROTOCOL_TYPE } from "../consumer-protocol.ts";
import { assignment, subscription, type CoordinatorTestBed } from "./coordinator-test-bed.ts";

export const GROUP = "payments";

export function joinRequest(fields: Partial<JoinGroupRequest> = {}): JoinGroupRequest {
  return {
    ...defaultJoinGroupRequest(),
    groupId: GROUP,
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000,
    memberId: "",
    groupInstanceId: null,
    protocolType: CONSUMER_PROTOCOL_TYPE,
    protocols: [{ name: "range", metadata: subscription(["orders"]) }],
    reason: null,
    ...fields,
  };
}

export function syncRequest(fields: Partial<SyncGroupRequest> = {}): SyncGroupRequest {
  return { ...defaultSyncGroupRequest(), groupId: GROUP, groupInstanceId: null, ...fields };
}

export function heartbeatRequest(fields: Partial<HeartbeatRequest> = {}): HeartbeatRequest {
  return { ...defaultHeartbeatRequest(), groupId: GROUP, groupInstanceId: null, ...fields };
}

export function commitRequest(
  offsets: Record<string, Record<number, bigint>>,
  fields: Partial<OffsetCommitRequest> = {},
): OffsetCommitRequest {
  return {
    ...defaultOffsetCommitRequest(),
    groupId: GROUP,
    generationIdOrMemberEpoch: -1,
    memberId: "",
    groupInstanceId: null,
    topics: Object.entries(offsets).map(([name, partitions]) => ({
      name,
      partitions: Object.entries(partitions).map(([index, offset]) => ({
        partitionIndex: Number(index),
        committedOffset: offset,
        committedLeaderEpoch: -1,
        commitTimestamp: -1n,
        committedMetadata: "",
      })),
    })),
    ...fields,
  };
}

export interface JoinedMember {
  groupId: string;
  memberId: string;
  generationId: number;
  leader: string;
  join: JoinGroupResponse;
}

/**
 * Each client joins (v5: first MEMBER_ID_REQUIRED, then with its id); resolves once every
 * JoinGroup is answered, which takes the initial rebalance delay plus the join phase.
 */
export async function joinAll(
  bed: CoordinatorTestBed,
  clientIds: string[],
  fields: Partial<JoinGroupRequest> = {},
  version = 5,
): Promise<JoinedMember[]> {
  const ids: string[] = [];
  for (const clientId of clientIds) {
    const first = await bed.exchange(joinGroupHandler, joinRequest(fields), version);
    expect(first.errorCode, `${clientId} is asked to come back with its id`).toBe(
      ErrorCode.MEMBER_ID_REQUIRED,
    );
    expect(first.memberId.startsWith("test-")).toBe(true);
    ids.push(first.memberId);
  }
  const pending = ids.map((memberId) =>
    bed.send(joinGroupHandler, joinRequest({ ...fields, memberId }), version),
  );
  for (let i = 0; i < 100 && pending.some((p) => !p.settled); i++) await bed.advance(100);
  const answers = await Promise.all(pending.map((p) => p.promise));
  return answers.map((join) => ({
    groupId: fields.groupId ?? GROUP,
    memberId: join.memberId,
    generationId: join.generationId,
    leader: join.leader,
    join,
  }));
}

/** The leader assigns orders' partitions round-robin; everyone syncs; returns each member's bytes. */
export async function syncAll(
  bed: CoordinatorTestBed,
  members: JoinedMember[],
  partitionsOf: (index: number) => number[] = (index) => [index],
): Promise<Uint8Array[]> {
  const assignments = members.map((member, index) => ({
    memberId: member.memberId,
    assignment: assignment({ orders: partitionsOf(index) }),
  }));
  const pending = members.map((member) =>
    bed.send(
      syncGroupHandler,
      syncRequest({
        groupId: member.groupId,
        generationId: member.generationId,
        memberId: member.memberId,
        assignments: member.memberId === member.leader ? assignments : [],
      }),
      3,
    ),
  );
  for (let i = 0; i < 20 && pending.some((p) => !p.settled); i++) await bed.advance(10);
  const answers = await Promise.all(pending.map((p) => p.promise));
  for (const answer of answers) expect(answer.errorCode).toBe(ErrorCode.NONE);
  return answers.map((answer) => answer.assignment);
}
