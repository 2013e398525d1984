/**
 * The rebalance engine of a classic group (Kafka's GroupCoordinator, classic protocol):
 *
 *   PreparingRebalance — wait until every known member has rejoined (or the longest
 *     rebalance.timeout.ms passes; dynamic members that did not rejoin are removed). A new
 *     group's first rebalance waits group.initial.rebalance.delay.ms instead, extended by
 *     the same delay while new members keep arriving, up to the rebalance timeout.
 *   CompletingRebalance — the next generation: the leader got every member's metadata in
 *     its JoinGroup answer and must send the assignment in SyncGroup; members that do not
 *     send SyncGroup within the rebalance timeout are removed and the rebalance restarts.
 *   Stable — every member heartbeats within its session.timeout.ms or is removed.
 *
 * Session deadlines and the join/sync deadlines are coordinator timers.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ClassicGroup } from "./classic-group.ts";
import {
  ClassicGroupMember,
  joinError,
  UNKNOWN_MEMBER_ID,
  type JoinResult,
  type MemberIdentity,
  type MemberProtocol,
} from "./classic-group-member.ts";
import type { ClassicGroupState } from "./classic-group-state.ts";
import { nowMs, type CoordinatorContext } from "./coordinator-context.ts";
import { timerKeys } from "./coordinator-timers.ts";
import { NEW_MEMBER_JOIN_TIMEOUT_MS } from "./group-coordinator-config.ts";
import { storeGroup } from "./group-store.ts";

/** Kafka's InitialDelayedJoin state: the delay in force and what is left of the rebalance timeout. */
interface InitialDelay {
  configuredDelayMs: number;
  delayMs: number;
  remainingMs: number;
}

const initialDelays = new WeakMap<ClassicGroup, InitialDelay>();

export function transition(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  state: ClassicGroupState,
  reason: string,
): void {
  group.transitionTo(state, nowMs(ctx));
  ctx.events.changed(group, reason);
}

// Sessions ---------------------------------------------------------------------------

/** The member showed it is alive: its session deadline moves to now + the timeout. */
export function scheduleHeartbeat(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  member: ClassicGroupMember,
  timeoutMs = member.sessionTimeoutMs,
): void {
  const memberId = member.memberId;
  ctx.timers.schedule(timerKeys.heartbeat(group.groupId, memberId), nowMs(ctx) + timeoutMs, () =>
    onSessionExpired(ctx, group, memberId),
  );
}

export function cancelHeartbeat(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  memberId: string,
): void {
  ctx.timers.cancel(timerKeys.heartbeat(group.groupId, memberId));
}

function onSessionExpired(ctx: CoordinatorContext, group: ClassicGroup, memberId: string): void {
  const member = group.member(memberId);
  if (group.is("Dead") || member === undefined || member.sessionSatisfiedWhileWaiting) return;
  removeMemberAndUpdateGroup(
    ctx,
    group,
    member,
    `removing member ${memberId} on heartbeat expiration`,
  );
}

/** A member id handed out with MEMBER_ID_REQUIRED is forgotten if it does not join in time. */
export function schedulePendingMemberExpiration(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  memberId: string,
  timeoutMs: number,
): void {
  ctx.timers.schedule(
    timerKeys.pendingMember(group.groupId, memberId),
    nowMs(ctx) + timeoutMs,
    () => {
      if (group.isPendingMember(memberId)) removePendingMemberAndUpdateGroup(ctx, group, memberId);
    },
  );
}

export function removePendingMemberAndUpdateGroup(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  memberId: string,
): void {
  group.remove(memberId);
  ctx.timers.cancel(timerKeys.pendingMember(group.groupId, memberId));
  if (group.is("PreparingRebalance")) tryCompleteJoin(ctx, group);
}

// Membership changes ------------------------------------------------------------------

export function addMemberAndRebalance(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  identity: MemberIdentity,
  answer: (result: JoinResult) => void,
  reason: string,
): void {
  const member = new ClassicGroupMember(identity);
  member.isNew = true;
  // A new group's first rebalance may wait longer for more members to arrive.
  if (group.is("PreparingRebalance") && group.generationId === 0) group.newMemberAdded = true;
  group.add(member, answer);
  ctx.timers.cancel(timerKeys.pendingMember(group.groupId, member.memberId));
  // A new member cannot heartbeat until it has joined: its JoinGroup may wait this long.
  scheduleHeartbeat(ctx, group, member, NEW_MEMBER_JOIN_TIMEOUT_MS);
  maybePrepareRebalance(ctx, group, reason);
}

export function updateMemberAndRebalance(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  member: ClassicGroupMember,
  protocols: readonly MemberProtocol[],
  timeouts: { rebalanceTimeoutMs: number; sessionTimeoutMs: number },
  answer: (result: JoinResult) => void,
  reason: string,
): void {
  group.updateMember(
    member,
    protocols,
    timeouts.rebalanceTimeoutMs,
    timeouts.sessionTimeoutMs,
    answer,
  );
  maybePrepareRebalance(ctx, group, reason);
}

export function removeMemberAndUpdateGroup(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  member: ClassicGroupMember,
  reason: string,
): void {
  // A member removed while its JoinGroup waits (e.g. a new member timing out) learns it.
  member.completeJoin(joinError(UNKNOWN_MEMBER_ID, ErrorCode.UNKNOWN_MEMBER_ID));
  group.remove(member.memberId);
  cancelHeartbeat(ctx, group, member.memberId);
  if (group.is("Stable") || group.is("CompletingRebalance"))
    maybePrepareRebalance(ctx, group, reason);
  else if (group.is("PreparingRebalance")) tryCompleteJoin(ctx, group);
}

// The join phase ----------------------------------------------------------------------

export function maybePrepareRebalance(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  reason: string,
): void {
  if (group.canRebalance()) prepareRebalance(ctx, group, reason);
}

export function prepareRebalance(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  reason: string,
): void {
  // Members waiting for an assignment are sent back to JoinGroup.
  if (group.is("CompletingRebalance"))
    resetAndPropagateAssignmentError(ctx, group, ErrorCode.REBALANCE_IN_PROGRESS);
  removeSyncExpiration(ctx, group);
  const wasEmpty = group.is("Empty");
  transition(ctx, group, "PreparingRebalance", reason);
  if (wasEmpty) {
    const delayMs = ctx.config.initialRebalanceDelayMs;
    scheduleInitialJoin(ctx, group, {
      configuredDelayMs: delayMs,
      delayMs,
      remainingMs: Math.max(group.rebalanceTimeoutMs() - delayMs, 0),
    });
  } else {
    scheduleJoin(ctx, group, group.rebalanceTimeoutMs());
    tryCompleteJoin(ctx, group);
  }
}

function scheduleJoin(ctx: CoordinatorContext, group: ClassicGroup, timeoutMs: number): void {
  initialDelays.delete(group);
  ctx.timers.schedule(timerKeys.join(group.groupId), nowMs(ctx) + timeoutMs, () =>
    completeJoin(ctx, group),
  );
}

function scheduleInitialJoin(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  delay: InitialDelay,
): void {
  initialDelays.set(group, delay);
  ctx.timers.schedule(timerKeys.join(group.groupId), nowMs(ctx) + delay.delayMs, () => {
    if (group.newMemberAdded && delay.remainingMs !== 0) {
      group.newMemberAdded = false;
      scheduleInitialJoin(ctx, group, {
        configuredDelayMs: delay.configuredDelayMs,
        delayMs: Math.min(delay.configuredDelayMs, delay.remainingMs),
        remainingMs: Math.max(delay.remainingMs - delay.delayMs, 0),
      });
    } else {
      initialDelays.delete(group);
      completeJoin(ctx, group);
    }
  });
}

/** Finish the join phase early once every member has rejoined (never during the initial delay). */
export function tryCompleteJoin(ctx: CoordinatorContext, group: ClassicGroup): void {
  const key = timerKeys.join(group.groupId);
  if (!ctx.timers.has(key) || initialDelays.has(group) || !group.hasAllMembersJoined()) return;
  ctx.timers.cancel(key);
  completeJoin(ctx, group);
}

function completeJoin(ctx: CoordinatorContext, group: ClassicGroup): void {
  for (const member of group.notYetRejoinedMembers()) {
    if (member.isStatic) continue;
    group.remove(member.memberId);
    cancelHeartbeat(ctx, group, member.memberId);
  }
  if (group.is("Dead")) return;
  if (!group.maybeElectNewJoinedLeader() && group.size > 0) {
    // Nobody rejoined (only static members that are away): wait another rebalance timeout
    // while their sessions run out.
    scheduleJoin(ctx, group, group.rebalanceTimeoutMs());
    return;
  }
  group.initNextGeneration(nowMs(ctx));
  if (group.is("Empty")) {
    ctx.events.changed(group, "the rebalance ended with no members");
    void storeGroup(ctx, group, new Map()).then((error) => {
      if (error !== ErrorCode.NONE)
        ctx.events.error(`group ${group.groupId}`, "failed to write the empty group", error);
    });
    return;
  }
  ctx.events.changed(group, `the join phase of generation ${group.generationId} completed`);
  for (const member of group.allMembers()) {
    const isLeader = group.isLeader(member.memberId);
    member.completeJoin({
      errorCode: ErrorCode.NONE,
      memberId: member.memberId,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leader: group.leaderId ?? "",
      skipAssignment: false,
      members: isLeader ? group.currentMemberMetadata() : [],
    });
    scheduleHeartbeat(ctx, group, member);
    member.isNew = false;
    group.addPendingSyncMember(member.memberId);
  }
  schedulePendingSync(ctx, group);
}

// The sync phase ----------------------------------------------------------------------

function schedulePendingSync(ctx: CoordinatorContext, group: ClassicGroup): void {
  const generation = group.generationId;
  ctx.timers.schedule(
    timerKeys.sync(group.groupId),
    nowMs(ctx) + group.rebalanceTimeoutMs(),
    () => {
      if (generation !== group.generationId) return;
      if (!group.is("CompletingRebalance") && !group.is("Stable")) return;
      if (group.hasReceivedSyncFromAllMembers()) return;
      const missing = group.allPendingSyncMembers();
      for (const memberId of missing) {
        group.remove(memberId);
        cancelHeartbeat(ctx, group, memberId);
      }
      prepareRebalance(
        ctx,
        group,
        `Removing [${missing.join(", ")}] on pending sync request expiration`,
      );
    },
  );
}

/** A member sent SyncGroup: stop waiting for it, and for the group once all have. */
export function removePendingSyncMember(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  memberId: string,
): void {
  group.removePendingSyncMember(memberId);
  if (group.hasReceivedSyncFromAllMembers()) ctx.timers.cancel(timerKeys.sync(group.groupId));
}

function removeSyncExpiration(ctx: CoordinatorContext, group: ClassicGroup): void {
  group.clearPendingSyncMembers();
  ctx.timers.cancel(timerKeys.sync(group.groupId));
}

export function setAndPropagateAssignment(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  assignment: ReadonlyMap<string, Uint8Array>,
): void {
  for (const member of group.allMembers())
    member.assignment = assignment.get(member.memberId) ?? new Uint8Array(0);
  propagateAssignment(ctx, group, ErrorCode.NONE);
}

export function resetAndPropagateAssignmentError(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  errorCode: number,
): void {
  for (const member of group.allMembers()) member.assignment = new Uint8Array(0);
  propagateAssignment(ctx, group, errorCode);
}

function propagateAssignment(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  errorCode: number,
): void {
  const ok = errorCode === ErrorCode.NONE;
  for (const member of group.allMembers()) {
    const answered = member.completeSync({
      errorCode,
      protocolType: ok ? group.protocolType : null,
      protocolName: ok ? group.protocolName : null,
      assignment: member.assignment,
    });
    // The session restarts once the member has its answer: it could not heartbeat while waiting.
    if (answered) scheduleHeartbeat(ctx, group, member);
  }
}
