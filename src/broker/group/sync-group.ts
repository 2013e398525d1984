/**
 * SyncGroup's rules (Kafka's GroupCoordinator.handleSyncGroup). In CompletingRebalance every
 * member's SyncGroup waits; the leader's carries the assignment, which is written to
 * __consumer_offsets (members it left out get an empty one) — once the write is below the
 * HW every waiting member gets its part and the group is Stable. In Stable a member gets
 * its current assignment at once. v5 requests name the protocol type and name, which must
 * match the group's.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { syncError, type SyncResult } from "./classic-group-member.ts";
import type { ClassicGroup } from "./classic-group.ts";
import type { CoordinatorContext } from "./coordinator-context.ts";
import { storeGroup } from "./group-store.ts";
import {
  maybePrepareRebalance,
  removePendingSyncMember,
  resetAndPropagateAssignmentError,
  scheduleHeartbeat,
  setAndPropagateAssignment,
  transition,
} from "./rebalance.ts";

export interface SyncGroupParams {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string | null;
  protocolName: string | null;
  assignments: readonly { memberId: string; assignment: Uint8Array }[];
}

export function syncGroup(ctx: CoordinatorContext, params: SyncGroupParams): Promise<SyncResult> {
  const group = ctx.groups.get(params.groupId);
  if (group === undefined) return Promise.resolve(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
  const invalid = validateSync(group, params);
  if (invalid !== ErrorCode.NONE) return Promise.resolve(syncError(invalid));
  const member = group.member(params.memberId)!;
  switch (group.state) {
    case "Empty":
      return Promise.resolve(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    case "PreparingRebalance":
      return Promise.resolve(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
    case "Stable":
      removePendingSyncMember(ctx, group, member.memberId);
      scheduleHeartbeat(ctx, group, member);
      return Promise.resolve({
        errorCode: ErrorCode.NONE,
        protocolType: group.protocolType,
        protocolName: group.protocolName,
        assignment: member.assignment,
      });
    case "CompletingRebalance":
      return new Promise<SyncResult>((answer) => {
        member.awaitSync(answer);
        removePendingSyncMember(ctx, group, member.memberId);
        if (group.isLeader(member.memberId)) storeAssignment(ctx, group, params);
      });
    case "Dead":
      throw new Error(`validateSync let a Dead group ${group.groupId} through`);
  }
}

function validateSync(group: ClassicGroup, params: SyncGroupParams): number {
  if (group.is("Dead")) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  const memberError = group.validateMember(params.memberId, params.groupInstanceId);
  if (memberError !== ErrorCode.NONE) return memberError;
  if (params.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
  if (params.protocolType !== null && params.protocolType !== group.protocolType)
    return ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
  if (params.protocolName !== null && params.protocolName !== group.protocolName)
    return ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
  return ErrorCode.NONE;
}

function storeAssignment(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  params: SyncGroupParams,
): void {
  const assignment = new Map<string, Uint8Array>();
  for (const member of group.allMembers()) assignment.set(member.memberId, new Uint8Array(0));
  for (const { memberId, assignment: bytes } of params.assignments)
    if (assignment.has(memberId)) assignment.set(memberId, bytes);
  const generation = group.generationId;
  void storeGroup(ctx, group, assignment).then((error) => {
    // A member may have joined meanwhile and started another rebalance: then this one is moot.
    if (!group.is("CompletingRebalance") || group.generationId !== generation) return;
    if (error !== ErrorCode.NONE) {
      resetAndPropagateAssignmentError(ctx, group, error);
      maybePrepareRebalance(
        ctx,
        group,
        `Error ${error} when storing group assignment during SyncGroup (member: ${params.memberId})`,
      );
      return;
    }
    setAndPropagateAssignment(ctx, group, assignment);
    transition(
      ctx,
      group,
      "Stable",
      `Assignment received from leader ${params.memberId} for generation ${generation}`,
    );
  });
}
