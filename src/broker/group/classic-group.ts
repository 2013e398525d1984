/**
 * A classic group's membership and generation (Kafka's ClassicGroup): members in join
 * order, static members by group.instance.id, members that were handed an id but have not
 * joined yet (KIP-394's pending members), members the coordinator still waits on for
 * SyncGroup, and how many members support each protocol. The leader is the first member
 * to join; when it leaves, the next member in join order takes over. Protocol selection:
 * only a protocol every member supports is a candidate, each member votes for its most
 * preferred candidate, and the most votes win.
 *
 * This class keeps the bookkeeping consistent; the rebalance rules that drive it live in
 * rebalance.ts and the membership API files.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  ClassicGroupMember,
  joinError,
  syncError,
  type JoinResult,
  type MemberProtocol,
} from "./classic-group-member.ts";
import { canRebalanceFrom, canTransition, type ClassicGroupState } from "./classic-group-state.ts";
import { CONSUMER_PROTOCOL_TYPE, subscribedTopicsOf } from "./consumer-protocol.ts";

/** What a group's GroupMetadata record restores. */
export interface StoredGroup {
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leaderId: string | null;
  currentStateTimestampMs: number | null;
}

export class ClassicGroup {
  state: ClassicGroupState;
  previousState: ClassicGroupState = "Dead";
  /** When the group entered its current state (null: loaded from a record without it). */
  currentStateTimestampMs: number | null;
  protocolType: string | null = null;
  protocolName: string | null = null;
  generationId = 0;
  leaderId: string | null = null;
  /** Set when a member joins a new group's first rebalance: the initial delay may grow. */
  newMemberAdded = false;
  /** The consumer group's topics, when known (protocol "consumer" and parseable metadata). */
  subscribedTopics: ReadonlySet<string> | null = null;
  private readonly members = new Map<string, ClassicGroupMember>();
  private readonly staticMembers = new Map<string, string>();
  private readonly pendingJoinMembers = new Set<string>();
  private readonly pendingSyncMembers = new Set<string>();
  private readonly protocolSupport = new Map<string, number>();

  constructor(
    readonly groupId: string,
    state: ClassicGroupState,
    nowMs: number,
    stored?: StoredGroup,
  ) {
    this.state = state;
    this.currentStateTimestampMs = nowMs;
    if (stored !== undefined) {
      this.generationId = stored.generationId;
      this.protocolType = stored.protocolType;
      this.protocolName = stored.protocolName;
      this.leaderId = stored.leaderId;
      this.currentStateTimestampMs = stored.currentStateTimestampMs;
    }
  }

  get size(): number {
    return this.members.size;
  }

  allMembers(): ClassicGroupMember[] {
    return [...this.members.values()];
  }

  has(memberId: string): boolean {
    return this.members.has(memberId);
  }

  member(memberId: string): ClassicGroupMember | undefined {
    return this.members.get(memberId);
  }

  is(state: ClassicGroupState): boolean {
    return this.state === state;
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  get usesConsumerProtocol(): boolean {
    return this.protocolType === CONSUMER_PROTOCOL_TYPE;
  }

  /** Programmer errors throw: every caller checks the state first. */
  transitionTo(state: ClassicGroupState, nowMs: number): void {
    if (!canTransition(this.state, state))
      throw new Error(`group ${this.groupId} cannot go from ${this.state} to ${state}`);
    this.previousState = this.state;
    this.state = state;
    this.currentStateTimestampMs = nowMs;
  }

  canRebalance(): boolean {
    return canRebalanceFrom(this.state);
  }

  add(member: ClassicGroupMember, answer: ((result: JoinResult) => void) | null = null): void {
    if (member.groupInstanceId !== null) {
      if (this.staticMembers.has(member.groupInstanceId))
        throw new Error(`static member ${member.groupInstanceId} is already in ${this.groupId}`);
      this.staticMembers.set(member.groupInstanceId, member.memberId);
    }
    if (this.members.size === 0) this.protocolType = member.protocolType;
    this.leaderId ??= member.memberId;
    this.members.set(member.memberId, member);
    this.countProtocols(member.protocols, 1);
    member.awaitJoin(answer);
    this.pendingJoinMembers.delete(member.memberId);
  }

  remove(memberId: string): void {
    const removed = this.members.get(memberId);
    if (removed !== undefined) {
      this.members.delete(memberId);
      this.countProtocols(removed.protocols, -1);
      if (removed.groupInstanceId !== null) this.staticMembers.delete(removed.groupInstanceId);
    }
    if (this.isLeader(memberId)) this.leaderId = this.members.keys().next().value ?? null;
    this.pendingJoinMembers.delete(memberId);
    this.pendingSyncMembers.delete(memberId);
  }

  /**
   * A static member rejoined with a new member id: the old id is fenced (a parked request of
   * the old instance gets FENCED_INSTANCE_ID), everything else carries over.
   */
  replaceStaticMember(
    instanceId: string,
    oldMemberId: string,
    newMemberId: string,
  ): ClassicGroupMember {
    const old = this.members.get(oldMemberId);
    if (old === undefined)
      throw new Error(`no member ${oldMemberId} to replace in ${this.groupId}`);
    this.members.delete(oldMemberId);
    old.completeJoin(joinError(oldMemberId, ErrorCode.FENCED_INSTANCE_ID));
    old.completeSync(syncError(ErrorCode.FENCED_INSTANCE_ID));
    const replacement = old.withMemberId(newMemberId);
    this.members.set(newMemberId, replacement);
    if (this.isLeader(oldMemberId)) this.leaderId = newMemberId;
    this.staticMembers.set(instanceId, newMemberId);
    this.pendingSyncMembers.delete(oldMemberId);
    return replacement;
  }

  updateMember(
    member: ClassicGroupMember,
    protocols: readonly MemberProtocol[],
    rebalanceTimeoutMs: number,
    sessionTimeoutMs: number,
    answer: ((result: JoinResult) => void) | null,
  ): void {
    this.countProtocols(member.protocols, -1);
    member.protocols = protocols;
    this.countProtocols(protocols, 1);
    member.rebalanceTimeoutMs = rebalanceTimeoutMs;
    member.sessionTimeoutMs = sessionTimeoutMs;
    member.awaitJoin(answer);
  }

  /** If the leader has not rejoined, the first member that has takes over; false if none did. */
  maybeElectNewJoinedLeader(): boolean {
    if (this.leaderId === null) return false;
    if (this.members.get(this.leaderId)?.isAwaitingJoin === true) return true;
    const joined = this.allMembers().find((member) => member.isAwaitingJoin);
    if (joined === undefined) return false;
    this.leaderId = joined.memberId;
    return true;
  }

  isPendingMember(memberId: string): boolean {
    return this.pendingJoinMembers.has(memberId);
  }

  addPendingMember(memberId: string): void {
    if (this.members.has(memberId))
      throw new Error(`${memberId} is already a member of ${this.groupId}, not pending`);
    this.pendingJoinMembers.add(memberId);
  }

  get pendingMemberCount(): number {
    return this.pendingJoinMembers.size;
  }

  addPendingSyncMember(memberId: string): void {
    this.pendingSyncMembers.add(memberId);
  }

  removePendingSyncMember(memberId: string): void {
    this.pendingSyncMembers.delete(memberId);
  }

  hasReceivedSyncFromAllMembers(): boolean {
    return this.pendingSyncMembers.size === 0;
  }

  allPendingSyncMembers(): string[] {
    return [...this.pendingSyncMembers];
  }

  clearPendingSyncMembers(): void {
    this.pendingSyncMembers.clear();
  }

  staticMemberId(instanceId: string | null): string | undefined {
    return instanceId === null ? undefined : this.staticMembers.get(instanceId);
  }

  staticMemberCount(): number {
    return this.staticMembers.size;
  }

  /** The instance id belongs to a member other than `memberId`. */
  isStaticMemberFenced(instanceId: string | null, memberId: string): boolean {
    const current = this.staticMemberId(instanceId);
    return current !== undefined && current !== memberId;
  }

  /**
   * Kafka's validateMember: an instance id must be known and mapped to this member id
   * (else UNKNOWN_MEMBER_ID / FENCED_INSTANCE_ID), and the member id must be in the group.
   */
  validateMember(memberId: string, instanceId: string | null): number {
    if (instanceId !== null) {
      const current = this.staticMembers.get(instanceId);
      if (current === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
      if (current !== memberId) return ErrorCode.FENCED_INSTANCE_ID;
    }
    return this.members.has(memberId) ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
  }

  notYetRejoinedMembers(): ClassicGroupMember[] {
    return this.allMembers().filter((member) => !member.isAwaitingJoin);
  }

  awaitingJoinCount(): number {
    return this.allMembers().filter((member) => member.isAwaitingJoin).length;
  }

  hasAllMembersJoined(): boolean {
    return this.awaitingJoinCount() === this.members.size && this.pendingJoinMembers.size === 0;
  }

  /** The longest rebalance timeout any member asked for. */
  rebalanceTimeoutMs(): number {
    return this.allMembers().reduce((longest, m) => Math.max(longest, m.rebalanceTimeoutMs), 0);
  }

  /**
   * Whether a member offering these protocols can join: an Empty group takes any non-empty
   * protocol type and list; otherwise the type must match and one of the protocols must be
   * supported by every current member.
   */
  supportsProtocols(protocolType: string, protocolNames: readonly string[]): boolean {
    if (this.is("Empty")) return protocolType !== "" && protocolNames.length > 0;
    return (
      this.protocolType === protocolType &&
      protocolNames.some((name) => (this.protocolSupport.get(name) ?? 0) === this.members.size)
    );
  }

  selectProtocol(): string {
    if (this.members.size === 0)
      throw new Error(`cannot select a protocol for empty ${this.groupId}`);
    const candidates = new Set(
      [...this.protocolSupport].filter(([, count]) => count === this.members.size).map(([n]) => n),
    );
    const votes = new Map<string, number>();
    for (const member of this.members.values()) {
      const vote = member.vote(candidates);
      if (vote !== null) votes.set(vote, (votes.get(vote) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [name, count] of votes) if (best === null || count > votes.get(best)!) best = name;
    if (best === null) throw new Error(`no protocol every member of ${this.groupId} supports`);
    return best;
  }

  /** Next generation: Completing the rebalance with the members who joined, or Empty. */
  initNextGeneration(nowMs: number): void {
    this.generationId++;
    this.protocolName = this.members.size > 0 ? this.selectProtocol() : null;
    this.subscribedTopics = this.computeSubscribedTopics();
    this.transitionTo(this.members.size > 0 ? "CompletingRebalance" : "Empty", nowMs);
    this.pendingSyncMembers.clear();
  }

  /** Each member's metadata for the chosen protocol: what the leader assigns from. */
  currentMemberMetadata(): JoinResult["members"] {
    return this.allMembers().map((member) => ({
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      metadata: member.metadata(this.protocolName),
    }));
  }

  computeSubscribedTopics(): ReadonlySet<string> | null {
    if (!this.usesConsumerProtocol) return null;
    if (this.members.size === 0) return new Set();
    if (this.protocolName === null) return null;
    const topics = new Set<string>();
    for (const member of this.members.values()) {
      const subscribed = subscribedTopicsOf(member.metadata(this.protocolName));
      if (subscribed === null) return null;
      for (const topic of subscribed) topics.add(topic);
    }
    return topics;
  }

  /** When the topics are unknown, a consumer group counts as subscribed to every topic. */
  isSubscribedToTopic(topic: string): boolean {
    return this.subscribedTopics === null
      ? this.usesConsumerProtocol
      : this.subscribedTopics.has(topic);
  }

  /**
   * Each protocol name counts once per member: a JoinGroup that lists a name twice must not
   * look like two members' support (a fuzzed request did, and left no protocol to select).
   */
  private countProtocols(protocols: readonly MemberProtocol[], change: 1 | -1): void {
    for (const name of new Set(protocols.map((protocol) => protocol.name)))
      this.protocolSupport.set(name, (this.protocolSupport.get(name) ?? 0) + change);
  }
}
