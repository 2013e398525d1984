/**
 * JoinGroup's rules (Kafka's GroupCoordinator.handleJoinGroup, classic protocol). The answer
 * waits until the join phase completes, except for errors and for a member that can be
 * answered from the current generation (a follower rejoining a Stable group unchanged).
 *
 *   - An unknown member id ("") creates the group if needed. A dynamic member on v4+ first
 *     gets an id with MEMBER_ID_REQUIRED and must join again with it (KIP-394); a static
 *     member (group.instance.id, KIP-345) is added at once, or — when its instance id is
 *     already in the group — takes over the old member id: in a Stable group whose chosen
 *     protocol would not change this needs no rebalance, only a write of the group.
 *   - A known member rejoining starts a rebalance when its metadata changed or it is the
 *     leader; otherwise it gets the current generation.
 *   - group.max.size caps the members; session.timeout.ms must lie within
 *     [group.min.session.timeout.ms, group.max.session.timeout.ms].
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { ClassicGroup } from "./classic-group.ts";
import {
  joinError,
  UNKNOWN_MEMBER_ID,
  type JoinResult,
  type MemberIdentity,
  type MemberProtocol,
} from "./classic-group-member.ts";
import { nowMs, type CoordinatorContext } from "./coordinator-context.ts";
import { currentAssignment, storeGroup } from "./group-store.ts";
import { generateMemberId } from "./member-id.ts";
import {
  addMemberAndRebalance,
  cancelHeartbeat,
  maybePrepareRebalance,
  prepareRebalance,
  scheduleHeartbeat,
  schedulePendingMemberExpiration,
  tryCompleteJoin,
  updateMemberAndRebalance,
} from "./rebalance.ts";

export interface JoinGroupParams {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  /** v4+ dynamic members must first get an id (MEMBER_ID_REQUIRED). */
  requireKnownMemberId: boolean;
  /** v9+: a static leader rejoining a Stable group is told to skip the assignment. */
  supportSkippingAssignment: boolean;
  clientId: string;
  clientHost: string;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  protocolType: string;
  protocols: readonly MemberProtocol[];
  reason: string;
}

type Answer = (result: JoinResult) => void;

export function joinGroup(ctx: CoordinatorContext, params: JoinGroupParams): Promise<JoinResult> {
  const { config } = ctx;
  if (
    params.sessionTimeoutMs < config.minSessionTimeoutMs ||
    params.sessionTimeoutMs > config.maxSessionTimeoutMs
  )
    return Promise.resolve(joinError(params.memberId, ErrorCode.INVALID_SESSION_TIMEOUT));
  const isUnknownMember = params.memberId === UNKNOWN_MEMBER_ID;
  let group = ctx.groups.get(params.groupId);
  if (group === undefined) {
    if (!isUnknownMember)
      return Promise.resolve(joinError(params.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    group = new ClassicGroup(params.groupId, "Empty", nowMs(ctx));
    ctx.groups.set(params.groupId, group);
  }
  const joined = group;
  return new Promise<JoinResult>((answer) => {
    if (!acceptJoiningMember(ctx, joined, params.memberId)) {
      joined.remove(params.memberId);
      cancelHeartbeat(ctx, joined, params.memberId);
      answer(joinError(UNKNOWN_MEMBER_ID, ErrorCode.GROUP_MAX_SIZE_REACHED));
    } else if (isUnknownMember) newMemberJoin(ctx, joined, params, answer);
    else currentMemberJoin(ctx, joined, params, answer);
    if (joined.is("PreparingRebalance")) tryCompleteJoin(ctx, joined);
  });
}

/**
 * Room for the member under group.max.size. While preparing a rebalance, members that
 * already rejoined are counted (the group may be over a lowered limit: the last to
 * rejoin are the ones turned away).
 */
function acceptJoiningMember(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  memberId: string,
): boolean {
  const max = ctx.config.maxGroupSize;
  switch (group.state) {
    case "Empty":
    case "Dead":
      return true;
    case "PreparingRebalance":
      return group.member(memberId)?.isAwaitingJoin === true || group.awaitingJoinCount() < max;
    case "CompletingRebalance":
    case "Stable":
      return group.has(memberId) || group.size < max;
  }
}

function identityOf(params: JoinGroupParams, memberId: string): MemberIdentity {
  return {
    memberId,
    groupInstanceId: params.groupInstanceId,
    clientId: params.clientId,
    clientHost: params.clientHost,
    rebalanceTimeoutMs: params.rebalanceTimeoutMs,
    sessionTimeoutMs: params.sessionTimeoutMs,
    protocolType: params.protocolType,
    protocols: params.protocols,
  };
}

function newMemberJoin(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  params: JoinGroupParams,
  answer: Answer,
): void {
  if (group.is("Dead"))
    return answer(joinError(UNKNOWN_MEMBER_ID, ErrorCode.COORDINATOR_NOT_AVAILABLE));
  if (
    !group.supportsProtocols(
      params.protocolType,
      params.protocols.map((p) => p.name),
    )
  )
    return answer(joinError(UNKNOWN_MEMBER_ID, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
  const newMemberId = generateMemberId(params.clientId, params.groupInstanceId, ctx.random);
  const reason = `Adding new member ${newMemberId} with group instance id ${params.groupInstanceId ?? "None"}; client reason: ${params.reason}`;
  if (params.groupInstanceId !== null) {
    const oldMemberId = group.staticMemberId(params.groupInstanceId);
    if (oldMemberId !== undefined)
      return replaceStaticMember(ctx, group, params, oldMemberId, newMemberId, answer);
    return addMemberAndRebalance(ctx, group, identityOf(params, newMemberId), answer, reason);
  }
  if (params.requireKnownMemberId) {
    group.addPendingMember(newMemberId);
    schedulePendingMemberExpiration(ctx, group, newMemberId, params.sessionTimeoutMs);
    return answer(joinError(newMemberId, ErrorCode.MEMBER_ID_REQUIRED));
  }
  addMemberAndRebalance(ctx, group, identityOf(params, newMemberId), answer, reason);
}

function currentMemberJoin(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  params: JoinGroupParams,
  answer: Answer,
): void {
  const { memberId } = params;
  if (group.is("Dead")) return answer(joinError(memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
  if (
    !group.supportsProtocols(
      params.protocolType,
      params.protocols.map((p) => p.name),
    )
  )
    return answer(joinError(memberId, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
  if (group.isPendingMember(memberId)) {
    // Pending ids are only handed to dynamic members; Kafka fails such a request internally.
    if (params.groupInstanceId !== null)
      return answer(joinError(memberId, ErrorCode.UNKNOWN_SERVER_ERROR));
    const reason = `Pending member ${memberId} joins group ${group.groupId} in ${group.state} state; client reason: ${params.reason}`;
    return addMemberAndRebalance(ctx, group, identityOf(params, memberId), answer, reason);
  }
  const memberError = group.validateMember(memberId, params.groupInstanceId);
  if (memberError !== ErrorCode.NONE) return answer(joinError(memberId, memberError));
  const member = group.member(memberId)!;
  const timeouts = params;
  const rebalance = (why: string) =>
    updateMemberAndRebalance(
      ctx,
      group,
      member,
      params.protocols,
      timeouts,
      answer,
      `${why}; client reason: ${params.reason}`,
    );
  switch (group.state) {
    case "PreparingRebalance":
      return rebalance(`Member ${memberId} joining group during PreparingRebalance`);
    case "CompletingRebalance":
      // Same metadata: it probably missed the JoinGroup answer; give it the generation again.
      if (member.matches(params.protocols))
        return answer(currentGeneration(group, memberId, group.isLeader(memberId)));
      return rebalance(`Updating metadata for member ${memberId} during CompletingRebalance`);
    case "Stable":
      // The leader rejoining asks for a new assignment (e.g. the topics' partitions changed).
      if (group.isLeader(memberId))
        return rebalance(`Leader ${memberId} re-joining group during Stable`);
      if (!member.matches(params.protocols))
        return rebalance(`Updating metadata for member ${memberId} during Stable`);
      return answer(currentGeneration(group, memberId, false));
    case "Empty":
    case "Dead":
      return answer(joinError(memberId, ErrorCode.UNKNOWN_MEMBER_ID));
  }
}

function currentGeneration(
  group: ClassicGroup,
  memberId: string,
  withMembers: boolean,
): JoinResult {
  return {
    errorCode: ErrorCode.NONE,
    memberId,
    generationId: group.generationId,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    leader: group.leaderId ?? "",
    skipAssignment: false,
    members: withMembers ? group.currentMemberMetadata() : [],
  };
}

/**
 * A static member came back with an unknown member id: it takes over its instance's old id.
 * The old id is fenced. In a Stable group whose protocol choice stays the same there is no
 * rebalance — the group is written with the new id and the member gets the current
 * generation (the old leader's id, so a returning leader does not run a pointless
 * assignment; from v9 it is told it leads but should skip the assignment).
 */
function replaceStaticMember(
  ctx: CoordinatorContext,
  group: ClassicGroup,
  params: JoinGroupParams,
  oldMemberId: string,
  newMemberId: string,
  answer: Answer,
): void {
  const instanceId = params.groupInstanceId!;
  const currentLeader = group.leaderId ?? "";
  const member = group.replaceStaticMember(instanceId, oldMemberId, newMemberId);
  cancelHeartbeat(ctx, group, oldMemberId);
  scheduleHeartbeat(ctx, group, member);
  const old = {
    protocols: member.protocols,
    rebalanceTimeoutMs: member.rebalanceTimeoutMs,
    sessionTimeoutMs: member.sessionTimeoutMs,
  };
  group.updateMember(
    member,
    params.protocols,
    params.rebalanceTimeoutMs,
    params.sessionTimeoutMs,
    answer,
  );
  const reason = `Static member ${newMemberId} with instance id ${instanceId} rejoined; client reason: ${params.reason}`;
  switch (group.state) {
    case "Stable":
      if (group.protocolName !== group.selectProtocol())
        return maybePrepareRebalance(
          ctx,
          group,
          `Group's selectedProtocol will change because ${reason}`,
        );
      ctx.events.changed(group, reason);
      void storeGroup(ctx, group, currentAssignment(group)).then((error) => {
        if (error !== ErrorCode.NONE) {
          // Undo: the old member id stays, and the new instance is told why.
          group.updateMember(
            member,
            old.protocols,
            old.rebalanceTimeoutMs,
            old.sessionTimeoutMs,
            null,
          );
          const restored = group.replaceStaticMember(instanceId, newMemberId, oldMemberId);
          cancelHeartbeat(ctx, group, newMemberId);
          scheduleHeartbeat(ctx, group, restored);
          answer({
            ...currentGeneration(group, UNKNOWN_MEMBER_ID, false),
            leader: currentLeader,
            errorCode: error,
          });
          return;
        }
        const isLeader = group.isLeader(newMemberId);
        const skip = params.supportSkippingAssignment && isLeader;
        member.completeJoin({
          ...currentGeneration(group, newMemberId, skip),
          leader: params.supportSkippingAssignment ? (group.leaderId ?? "") : currentLeader,
          skipAssignment: skip,
        });
      });
      return;
    case "CompletingRebalance":
      // The leader may already be assigning for the old id: start over with the new one.
      return prepareRebalance(ctx, group, reason);
    case "PreparingRebalance":
      return; // The member is waiting in the join phase like everyone else.
    case "Empty":
    case "Dead":
      throw new Error(`group ${group.groupId} has a static member while ${group.state}`);
  }
}
