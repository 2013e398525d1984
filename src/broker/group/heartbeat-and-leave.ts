/**
 * Heartbeat and LeaveGroup (Kafka's handleHeartbeat / handleLeaveGroup). A heartbeat from a
 * current member of the current generation pushes its session deadline back; during
 * PreparingRebalance it is answered REBALANCE_IN_PROGRESS so the member rejoins. LeaveGroup
 * removes members at once (v3+ a batch, by member id or — for an administrator removing a
 * static member — by group.instance.id alone), which starts a rebalance.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { UNKNOWN_MEMBER_ID } from "./classic-group-member.ts";
import type { ClassicGroup } from "./classic-group.ts";
import type { CoordinatorContext } from "./coordinator-context.ts";
import {
  removeMemberAndUpdateGroup,
  removePendingMemberAndUpdateGroup,
  scheduleHeartbeat,
} from "./rebalance.ts";

export interface HeartbeatParams {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  generationId: number;
}

export function heartbeat(ctx: CoordinatorContext, params: HeartbeatParams): number {
  const group = ctx.groups.get(params.groupId);
  if (group === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
  if (group.is("Dead")) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  const memberError = group.validateMember(params.memberId, params.groupInstanceId);
  if (memberError !== ErrorCode.NONE) return memberError;
  if (params.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
  const member = group.member(params.memberId)!;
  switch (group.state) {
    case "Empty":
      return ErrorCode.UNKNOWN_MEMBER_ID;
    case "PreparingRebalance":
      scheduleHeartbeat(ctx, group, member);
      return ErrorCode.REBALANCE_IN_PROGRESS;
    case "CompletingRebalance":
    case "Stable":
      // A member may heartbeat between its JoinGroup answer and its SyncGroup.
      scheduleHeartbeat(ctx, group, member);
      return ErrorCode.NONE;
    case "Dead":
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  }
}

export interface LeavingMember {
  memberId: string;
  groupInstanceId: string | null;
  reason: string | null;
}

export interface LeaveResult {
  errorCode: number;
  members: { memberId: string; groupInstanceId: string | null; errorCode: number }[];
}

export function leaveGroup(
  ctx: CoordinatorContext,
  groupId: string,
  leaving: readonly LeavingMember[],
): LeaveResult {
  const group = ctx.groups.get(groupId);
  const answer = (who: LeavingMember, errorCode: number) => ({
    memberId: who.memberId,
    groupInstanceId: who.groupInstanceId,
    errorCode,
  });
  if (group === undefined)
    return {
      errorCode: ErrorCode.NONE,
      members: leaving.map((who) => answer(who, ErrorCode.UNKNOWN_MEMBER_ID)),
    };
  if (group.is("Dead")) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] };
  return {
    errorCode: ErrorCode.NONE,
    members: leaving.map((who) => answer(who, leaveOne(ctx, group, who))),
  };
}

function leaveOne(ctx: CoordinatorContext, group: ClassicGroup, who: LeavingMember): number {
  const reason = `client reason: ${who.reason ?? "not provided"}`;
  if (who.memberId === UNKNOWN_MEMBER_ID) {
    // An administrator removing a static member by its instance id.
    const current = group.staticMemberId(who.groupInstanceId);
    if (current === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    removeCurrentMember(ctx, group, current, reason);
    return ErrorCode.NONE;
  }
  if (group.isPendingMember(who.memberId)) {
    removePendingMemberAndUpdateGroup(ctx, group, who.memberId);
    return ErrorCode.NONE;
  }
  const memberError = group.validateMember(who.memberId, who.groupInstanceId);
  if (memberError === ErrorCode.NONE) removeCurrentMember(ctx, group, who.memberId, reason);
  return memberError;
}

function removeCurrentMember(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  memberId: string,
  reason: string,
): void {
  const member = group.member(memberId)!;
  removeMemberAndUpdateGroup(
    ctx,
    group,
    member,
    `Removing member ${memberId} on LeaveGroup; ${reason}`,
  );
}
