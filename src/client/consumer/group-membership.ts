/**
 * A member's side of the classic group protocol, as Kafka's AbstractCoordinator runs it:
 * JoinGroup (retried with the member id the coordinator hands out on MEMBER_ID_REQUIRED),
 * then SyncGroup (the leader brings everyone's assignment, followers bring none), then
 * Heartbeat while stable, and LeaveGroup when a dynamic member goes. Errors are Kafka's:
 * UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION reset the generation (the member id survives
 * ILLEGAL_GENERATION), REBALANCE_IN_PROGRESS asks for a rejoin, NOT_COORDINATOR /
 * COORDINATOR_NOT_AVAILABLE find the coordinator again, FENCED_INSTANCE_ID is fatal.
 * What the consumer puts in the protocol (subscriptions, assignments) comes from its hooks.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { HeartbeatResponse } from "../../protocol/generated/messages/heartbeat-response.ts";
import type { JoinGroupRequestJoinGroupRequestProtocol } from "../../protocol/generated/messages/join-group-request.ts";
import type {
  JoinGroupResponse,
  JoinGroupResponseJoinGroupResponseMember,
} from "../../protocol/generated/messages/join-group-response.ts";
import type { LeaveGroupResponse } from "../../protocol/generated/messages/leave-group-response.ts";
import type { SyncGroupResponse } from "../../protocol/generated/messages/sync-group-response.ts";
import { backoffMs } from "../cluster/backoff.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { KafkaProtocolError, isRetriable } from "../kafka-error.ts";
import { CONSUMER_PROTOCOL_TYPE } from "./assignors/index.ts";
import type { ConsumerConfig } from "./consumer-config.ts";
import { COORDINATOR_MOVED, type CoordinatorChannel } from "./coordinator-channel.ts";

export type MemberState = "unjoined" | "preparing-rebalance" | "completing-rebalance" | "stable";

export interface Generation {
  readonly generationId: number;
  readonly memberId: string;
  readonly protocolName: string | null;
}

export const NO_GENERATION: Generation = { generationId: -1, memberId: "", protocolName: null };

/** AbstractCoordinator.JOIN_GROUP_TIMEOUT_LAPSE: a JoinGroup may wait the rebalance timeout, plus this. */
const JOIN_GROUP_TIMEOUT_LAPSE_MS = 5_000;

export interface JoinedGroup {
  generation: Generation;
  assignment: Uint8Array;
  isLeader: boolean;
  leaderId: string;
  /** From the first JoinGroup of this rebalance to the SyncGroup answer. */
  durationMs: number;
}

export interface MembershipHooks {
  /** The protocols this member offers, most preferred first, with its subscription in each. */
  protocols(): JoinGroupRequestJoinGroupRequestProtocol[];
  /** The leader's assignment for the group, by member id. */
  onLeaderElected(
    protocolName: string,
    members: JoinGroupResponseJoinGroupResponseMember[],
    skipAssignment: boolean,
  ): Promise<Map<string, Uint8Array>>;
  /** The member got a new generation (JoinGroup answered): heartbeats may start. */
  onGenerationJoined(): void;
}

export type HeartbeatOutcome = "ok" | "retry" | { fatal: KafkaProtocolError };

export class MembershipClosedError extends Error {
  override readonly name = "MembershipClosedError";
}

export class GroupMembership {
  state: MemberState = "unjoined";
  generation: Generation = NO_GENERATION;
  private rejoinRequested = true;
  private rejoinReason = "";
  private rebalanceStartMs = -1;
  private closed = false;

  constructor(
    private readonly cluster: ClientCluster,
    private readonly channel: CoordinatorChannel,
    private readonly config: ConsumerConfig,
    private readonly hooks: MembershipHooks,
  ) {}

  get rejoinNeeded(): boolean {
    return this.rejoinRequested;
  }

  /** Java's hasGenerationReset: the member has no generation (never joined, or dropped). */
  get generationLost(): boolean {
    return (
      this.generation.generationId === NO_GENERATION.generationId &&
      this.generation.protocolName === null
    );
  }

  get isStatic(): boolean {
    return this.config.groupInstanceId !== null;
  }

  requestRejoin(reason: string): void {
    this.rejoinReason = reason;
    this.rejoinRequested = true;
  }

  resetStateAndRejoin(reason: string, resetMemberId: boolean): void {
    this.state = "unjoined";
    this.generation = resetMemberId
      ? NO_GENERATION
      : { ...NO_GENERATION, memberId: this.generation.memberId };
    this.requestRejoin(reason);
  }

  close(): void {
    this.closed = true;
  }

  /** Java's joinGroupIfNeeded after onJoinPrepare: JoinGroup and SyncGroup until stable. */
  async joinGroup(): Promise<JoinedGroup> {
    if (this.rebalanceStartMs < 0) this.rebalanceStartMs = this.cluster.io.nowMs();
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new MembershipClosedError("the consumer left the group");
      try {
        const joined = await this.joinOnce();
        joined.durationMs = this.cluster.io.nowMs() - this.rebalanceStartMs;
        this.rebalanceStartMs = -1;
        return joined;
      } catch (error) {
        if (this.closed) throw new MembershipClosedError("the consumer left the group");
        if (
          !(error instanceof KafkaProtocolError) ||
          error.errorCode !== ErrorCode.MEMBER_ID_REQUIRED
        ) {
          this.requestRejoin(`rebalance failed due to ${describe(error)}`);
        }
        if (error instanceof KafkaProtocolError && RETRY_AT_ONCE.has(error.errorCode)) continue;
        if (!isRetriable(error)) throw error;
        await this.cluster.sleep(backoffMs(attempt, this.config, this.cluster.io.random));
      }
    }
  }

  private async joinOnce(): Promise<JoinedGroup> {
    this.state = "preparing-rebalance";
    const sent = this.generation;
    const { response: join } = await this.channel.request<JoinGroupResponse>(
      ApiKey.JoinGroup,
      {
        groupId: this.channel.groupId,
        sessionTimeoutMs: this.config.sessionTimeoutMs,
        rebalanceTimeoutMs: this.config.rebalanceTimeoutMs,
        memberId: sent.memberId,
        groupInstanceId: this.config.groupInstanceId,
        protocolType: CONSUMER_PROTOCOL_TYPE,
        protocols: this.hooks.protocols(),
        reason: this.rejoinReason === "" ? null : this.rejoinReason.slice(0, 255),
      },
      {
        timeoutMs: Math.max(
          this.cluster.requestTimeoutMs,
          this.config.rebalanceTimeoutMs + JOIN_GROUP_TIMEOUT_LAPSE_MS,
        ),
      },
    );
    if (this.closed) throw new MembershipClosedError("the consumer left the group");
    this.handleJoinError(join, sent);
    if (join.protocolType !== null && join.protocolType !== CONSUMER_PROTOCOL_TYPE) {
      throw new KafkaProtocolError(
        ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
        `protocol type ${join.protocolType}`,
      );
    }
    if (this.state !== "preparing-rebalance") {
      // Left the group (poll timeout) while the JoinGroup was out: join afresh.
      throw new KafkaProtocolError(ErrorCode.UNKNOWN_MEMBER_ID, "left the group during the join");
    }
    this.state = "completing-rebalance";
    this.generation = {
      generationId: join.generationId,
      memberId: join.memberId,
      protocolName: join.protocolName,
    };
    this.hooks.onGenerationJoined();
    const isLeader = join.leader === join.memberId;
    const assignments = isLeader
      ? await this.hooks.onLeaderElected(join.protocolName ?? "", join.members, join.skipAssignment)
      : new Map<string, Uint8Array>();
    const assignment = await this.syncGroup(assignments);
    return {
      generation: this.generation,
      assignment,
      isLeader,
      leaderId: join.leader,
      durationMs: 0,
    };
  }

  private handleJoinError(join: JoinGroupResponse, sent: Generation): void {
    const code = join.errorCode;
    if (code === ErrorCode.NONE) return;
    if (code === ErrorCode.UNKNOWN_MEMBER_ID && this.generation === sent) {
      this.resetStateAndRejoin("encountered UNKNOWN_MEMBER_ID from JOIN_GROUP response", true);
    } else if (COORDINATOR_MOVED.has(code)) {
      this.channel.markUnknown();
    } else if (code === ErrorCode.MEMBER_ID_REQUIRED) {
      // KIP-394: the coordinator names our member id; join again with it.
      this.generation = { ...NO_GENERATION, memberId: join.memberId };
      this.requestRejoin(`need to re-join with the given member-id: ${join.memberId}`);
    }
    throw new KafkaProtocolError(code, `JoinGroup of group ${this.channel.groupId}`);
  }

  private async syncGroup(assignments: Map<string, Uint8Array>): Promise<Uint8Array> {
    const sent = this.generation;
    const { response: sync } = await this.channel.request<SyncGroupResponse>(ApiKey.SyncGroup, {
      groupId: this.channel.groupId,
      generationId: sent.generationId,
      memberId: sent.memberId,
      groupInstanceId: this.config.groupInstanceId,
      protocolType: CONSUMER_PROTOCOL_TYPE,
      protocolName: sent.protocolName,
      assignments: [...assignments].map(([memberId, assignment]) => ({ memberId, assignment })),
    });
    const code = sync.errorCode;
    if (code === ErrorCode.NONE) {
      if (this.generationLost || this.state !== "completing-rebalance") {
        // Dropped (e.g. a heartbeat said so) while SyncGroup was out: retry at once.
        throw new KafkaProtocolError(
          ErrorCode.ILLEGAL_GENERATION,
          "generation reset during SyncGroup",
        );
      }
      if (sync.protocolName !== null && sync.protocolName !== sent.protocolName) {
        throw new KafkaProtocolError(
          ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
          `protocol ${sync.protocolName}`,
        );
      }
      this.state = "stable";
      this.rejoinReason = "";
      this.rejoinRequested = false;
      return sync.assignment;
    }
    if (
      (code === ErrorCode.UNKNOWN_MEMBER_ID || code === ErrorCode.ILLEGAL_GENERATION) &&
      this.generation === sent
    ) {
      // The member id may still be good after ILLEGAL_GENERATION.
      this.resetStateAndRejoin(
        `encountered ${errorName(code)} from SYNC_GROUP response`,
        code === ErrorCode.UNKNOWN_MEMBER_ID,
      );
    } else if (COORDINATOR_MOVED.has(code)) {
      this.channel.markUnknown();
    }
    throw new KafkaProtocolError(code, `SyncGroup of group ${this.channel.groupId}`);
  }

  /** One Heartbeat, its answer handled as Java's HeartbeatResponseHandler does. */
  async heartbeat(): Promise<HeartbeatOutcome> {
    const sent = this.generation;
    let response: HeartbeatResponse;
    try {
      ({ response } = await this.channel.request<HeartbeatResponse>(ApiKey.Heartbeat, {
        groupId: this.channel.groupId,
        generationId: sent.generationId,
        memberId: sent.memberId,
        groupInstanceId: this.config.groupInstanceId,
      }));
    } catch (error) {
      if (isRetriable(error)) return "retry";
      throw error;
    }
    const code = response.errorCode;
    if (code === ErrorCode.NONE) return "ok";
    if (COORDINATOR_MOVED.has(code)) {
      this.channel.markUnknown();
      return "retry";
    }
    if (code === ErrorCode.REBALANCE_IN_PROGRESS) {
      if (this.state === "stable") this.requestRejoin("group is already rebalancing");
      return "ok";
    }
    if (
      code === ErrorCode.ILLEGAL_GENERATION ||
      code === ErrorCode.UNKNOWN_MEMBER_ID ||
      code === ErrorCode.FENCED_INSTANCE_ID
    ) {
      if (this.generation !== sent) return "ok";
      if (code === ErrorCode.FENCED_INSTANCE_ID) {
        return {
          fatal: new KafkaProtocolError(code, `group.instance.id ${this.config.groupInstanceId}`),
        };
      }
      this.resetStateAndRejoin(
        `encountered ${errorName(code)} from HEARTBEAT response`,
        code === ErrorCode.UNKNOWN_MEMBER_ID,
      );
      return "retry";
    }
    return { fatal: new KafkaProtocolError(code, `Heartbeat of group ${this.channel.groupId}`) };
  }

  /**
   * Java's maybeLeaveGroup: a dynamic member that is in the group says LeaveGroup (best
   * effort, not retried); a static member never does, its session timeout decides. Either
   * way the generation is reset, so the next poll joins afresh.
   */
  async maybeLeaveGroup(reason: string): Promise<boolean> {
    const member = this.generation.memberId;
    const send =
      !this.isStatic && this.channel.nodeId !== null && this.state !== "unjoined" && member !== "";
    this.resetStateAndRejoin("consumer pro-actively leaving the group", true);
    if (!send) return false;
    try {
      await this.channel.request<LeaveGroupResponse>(ApiKey.LeaveGroup, {
        groupId: this.channel.groupId,
        memberId: member,
        members: [{ memberId: member, groupInstanceId: null, reason: reason.slice(0, 255) }],
      });
    } catch {
      // Best effort, as Kafka's: the session timeout removes us anyway.
    }
    return true;
  }
}

/** Join errors Java retries at once, without a back-off. */
const RETRY_AT_ONCE: ReadonlySet<number> = new Set([
  ErrorCode.UNKNOWN_MEMBER_ID,
  ErrorCode.ILLEGAL_GENERATION,
  ErrorCode.REBALANCE_IN_PROGRESS,
  ErrorCode.MEMBER_ID_REQUIRED,
]);

function describe(error: unknown): string {
  return error instanceof KafkaProtocolError
    ? error.type
    : error instanceof Error
      ? error.name
      : String(error);
}

function errorName(code: number): string {
  return new KafkaProtocolError(code).type;
}
