/**
 * The consumer's part of group management, as Kafka's ConsumerCoordinator plays it on top
 * of the protocol (GroupMembership): what goes into JoinGroup (the subscription, owned
 * partitions, generation, rack), the leader's assignment, and what happens around a
 * rebalance under the protocol the assignors agree on:
 *
 * - EAGER: before joining, commit (auto commit) and revoke every partition; consumption
 *   stops until SyncGroup brings the new assignment.
 * - COOPERATIVE (KIP-429): before joining, revoke nothing (only partitions whose topic left
 *   the subscription); keep consuming while the rebalance runs; after SyncGroup, revoke only
 *   the partitions that moved (committing them first) and rejoin at once, so a second
 *   rebalance gives them to their new owner.
 *
 * A member that lost its generation (session expired, poll timeout, fenced by a rebalance)
 * calls its partitions lost instead: they may already be someone else's, so nothing is
 * committed for them. The join itself runs in the background; the run loop applies its
 * result at its next poll, between batches, as Java applies onJoinComplete inside poll().
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { KafkaProtocolError } from "../kafka-error.ts";
import {
  decodeConsumerAssignment,
  encodeConsumerSubscription,
  type PartitionAssignor,
  type RebalanceProtocol,
  type TopicPartition,
} from "./assignors/index.ts";
import type { ConsumerConfig } from "./consumer-config.ts";
import { CONSUMER_EVENTS, type ConsumerEvents } from "./consumer-events.ts";
import type { CoordinatorChannel } from "./coordinator-channel.ts";
import { GroupMembership, MembershipClosedError, type JoinedGroup } from "./group-membership.ts";
import type { CommitIdentity } from "./group-offsets.ts";
import { HeartbeatTimer } from "./heartbeat.ts";
import { assignAsLeader } from "./leader-assignment.ts";
import type { OffsetCommitter } from "./offset-committer.ts";
import type { RebalanceCallbacks } from "./rebalance-callbacks.ts";
import type { MembershipDriver } from "./run-loop.ts";
import type { SubscriptionState } from "./subscription-state.ts";
import { SubscriptionWatch } from "./subscription-watch.ts";

export interface CoordinatorParts {
  cluster: ClientCluster;
  config: ConsumerConfig;
  subscriptions: SubscriptionState;
  channel: CoordinatorChannel;
  committer: OffsetCommitter;
  events: ConsumerEvents;
  callbacks: RebalanceCallbacks;
  assignors: readonly PartitionAssignor[];
  protocol: RebalanceProtocol;
  /** Wakes the run loop: an assignment arrived. */
  wake(): void;
}

export class ConsumerCoordinator implements MembershipDriver {
  readonly membership: GroupMembership;
  private readonly heartbeatTimer: HeartbeatTimer;
  private joinTask: Promise<void> | null = null;
  private joined: JoinedGroup | null = null;
  private failure: Error | null = null;
  private needsJoinPrepare = true;
  private readonly watch: SubscriptionWatch;

  constructor(private readonly parts: CoordinatorParts) {
    const { cluster, channel, config, events } = parts;
    this.watch = new SubscriptionWatch(cluster, parts.subscriptions, config.allowAutoCreateTopics);
    this.membership = new GroupMembership(cluster, channel, config, {
      protocols: () => this.protocols(),
      onLeaderElected: (protocolName, members, skip) =>
        this.onLeaderElected(protocolName, members, skip),
      onGenerationJoined: () => this.heartbeatTimer.enable(),
    });
    this.heartbeatTimer = new HeartbeatTimer(cluster.io, this.membership, channel, config, {
      onHeartbeat: () =>
        events.emit(CONSUMER_EVENTS.HEARTBEAT, {
          groupId: channel.groupId,
          memberId: this.membership.generation.memberId,
          groupGenerationId: this.membership.generation.generationId,
        }),
      onPollTimeout: () => this.leaveOnPollTimeout(),
      onFatal: (error) => (this.failure = error),
    });
  }

  /** Java's ConsumerCoordinator.poll, called by the run loop between batches. */
  async poll(): Promise<void> {
    this.throwFailure();
    await this.watch.refreshIfStale();
    if (this.joined !== null) {
      const joined = this.joined;
      this.joined = null;
      // A heartbeat may have dropped the generation since SyncGroup answered (Java checks too).
      if (this.membership.generation === joined.generation && this.membership.state === "stable") {
        await this.onJoinComplete(joined);
      } else {
        this.needsJoinPrepare = true;
        this.membership.requestRejoin("the generation changed before the assignment was taken");
      }
    }
    if (this.rejoinNeededOrPending() && this.joinTask === null) {
      if (this.needsJoinPrepare) {
        this.needsJoinPrepare = false;
        await this.onJoinPrepare();
      }
      this.startJoin();
    }
    this.parts.committer.maybeAutoCommitInBackground();
  }

  valid(): boolean {
    return !this.membership.generationLost;
  }

  markPolled(): void {
    this.heartbeatTimer.poll();
  }

  heartbeat(): Promise<void> {
    return this.heartbeatTimer.heartbeatIfDue();
  }

  pendingRebalance(): Promise<void> | null {
    if (this.joined !== null || this.failure !== null) return Promise.resolve();
    return this.joinTask;
  }

  /** Who commits offsets now: the stable generation (Java's generationIfStable), else why not. */
  identity(): CommitIdentity | KafkaProtocolError {
    const { state, generation } = this.membership;
    if (state !== "stable") {
      return state === "unjoined"
        ? new KafkaProtocolError(
            ErrorCode.UNKNOWN_MEMBER_ID,
            "the consumer is not part of an active group",
          )
        : new KafkaProtocolError(ErrorCode.REBALANCE_IN_PROGRESS, "the group is rebalancing");
    }
    return {
      generationId: generation.generationId,
      memberId: generation.memberId,
      groupInstanceId: this.parts.config.groupInstanceId,
    };
  }

  /** A commit was refused: this member's generation is gone, so rejoin (as Java does). */
  onCommitGenerationError(errorCode: number): void {
    if (errorCode === ErrorCode.REBALANCE_IN_PROGRESS) {
      this.membership.requestRejoin("offset commit failed: the group is rebalancing");
    } else if (errorCode === ErrorCode.FENCED_INSTANCE_ID) {
      this.failure = new KafkaProtocolError(
        errorCode,
        `group.instance.id ${this.parts.config.groupInstanceId}`,
      );
    } else {
      this.membership.resetStateAndRejoin(
        "offset commit failed",
        errorCode === ErrorCode.UNKNOWN_MEMBER_ID,
      );
    }
  }

  /** Java's close(): commit, revoke (or lose), and LeaveGroup unless static. */
  async leave(reason: string): Promise<void> {
    this.heartbeatTimer.disable();
    const { subscriptions, committer, callbacks } = this.parts;
    const owned = subscriptions.assignedPartitions;
    const rebalancing = this.membership.state !== "stable";
    if (committer.autoCommitEnabled && !rebalancing)
      await committer.commitProcessed().catch(() => {});
    await callbacks.invoke(this.valid() && !rebalancing ? "revoked" : "lost", owned);
    subscriptions.assignFromSubscribed([]);
    this.membership.close();
    const memberId = this.membership.generation.memberId;
    if (await this.membership.maybeLeaveGroup(reason)) {
      this.parts.events.emit(CONSUMER_EVENTS.GROUP_LEAVE, {
        groupId: this.parts.channel.groupId,
        memberId,
        reason,
      });
    }
  }

  private throwFailure(): void {
    if (this.failure === null) return;
    const failure = this.failure;
    this.failure = null;
    throw failure;
  }

  private rejoinNeededOrPending(): boolean {
    if (this.membership.rejoinNeeded || this.joinTask !== null) return true;
    const reason = this.watch.rejoinReason();
    if (reason === null) return false;
    this.membership.requestRejoin(reason);
    return true;
  }

  private startJoin(): void {
    this.joinTask = this.membership
      .joinGroup()
      .then(
        (joined) => void (this.joined = joined),
        (error: unknown) => {
          if (error instanceof MembershipClosedError) return;
          this.failure = error instanceof Error ? error : new Error(String(error));
        },
      )
      .finally(() => {
        this.joinTask = null;
        this.parts.wake();
      });
  }

  private protocols(): { name: string; metadata: Uint8Array }[] {
    const { subscriptions, config } = this.parts;
    const topics = subscriptions.matchedTopics;
    this.watch.joined();
    const owned = subscriptions.assignedPartitions.map(({ topic, partition }) => ({
      topic,
      partition,
    }));
    return this.parts.assignors.map((assignor) => ({
      name: assignor.name,
      metadata: encodeConsumerSubscription({
        topics,
        userData: assignor.subscriptionUserData?.(new Set(topics)) ?? null,
        ownedPartitions: owned,
        generationId: this.membership.generation.generationId,
        rackId: config.clientRack === "" ? null : config.clientRack,
      }),
    }));
  }

  private async onLeaderElected(
    protocolName: string,
    members: Parameters<typeof assignAsLeader>[4],
    skipAssignment: boolean,
  ): Promise<Map<string, Uint8Array>> {
    const { cluster, assignors, protocol } = this.parts;
    const result = await assignAsLeader(
      cluster,
      assignors,
      protocol,
      protocolName,
      members,
      skipAssignment,
    );
    this.watch.assigned(result.groupTopics);
    return result.assignments;
  }

  /** Java's onJoinPrepare: commit, then revoke (eager: everything) or lose. */
  private async onJoinPrepare(): Promise<void> {
    const { subscriptions, committer, callbacks, events, channel, protocol } = this.parts;
    const owned = subscriptions.assignedPartitions;
    const generation = this.membership.generation;
    if (generation.memberId !== "") {
      events.emit(CONSUMER_EVENTS.REBALANCING, {
        groupId: channel.groupId,
        memberId: generation.memberId,
      });
    }
    if (this.membership.generationLost || generation.memberId === "") {
      await callbacks.invoke("lost", owned);
      subscriptions.assignFromSubscribed([]);
    } else {
      if (committer.autoCommitEnabled) await committer.commitProcessed().catch(() => {});
      const subscribed = new Set(subscriptions.matchedTopics);
      const revoked =
        protocol === "eager" ? owned : owned.filter((state) => !subscribed.has(state.topic));
      await callbacks.invoke("revoked", revoked);
      const kept = new Set(revoked);
      subscriptions.assignFromSubscribed(owned.filter((state) => !kept.has(state)));
    }
    this.watch.notLeader();
  }

  /** Java's onJoinComplete: take the assignment, revoking what moved under cooperative. */
  private async onJoinComplete(joined: JoinedGroup): Promise<void> {
    const { subscriptions, committer, callbacks, events, channel, protocol, config } = this.parts;
    this.needsJoinPrepare = true;
    if (!joined.isLeader) this.watch.notLeader();
    const decoded = decodeConsumerAssignment(joined.assignment);
    if (!decoded.ok) {
      throw new KafkaProtocolError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, decoded.error.message);
    }
    const assigned = decoded.value.partitions;
    const subscribed = new Set(subscriptions.matchedTopics);
    const unsubscribed = [...new Set(assigned.map((tp) => tp.topic))].filter(
      (topic) => !subscribed.has(topic),
    );
    if (unsubscribed.length > 0) {
      events.emit(CONSUMER_EVENTS.RECEIVED_UNSUBSCRIBED_TOPICS, {
        groupId: channel.groupId,
        generationId: joined.generation.generationId,
        memberId: joined.generation.memberId,
        assignedTopics: [...new Set(assigned.map((tp) => tp.topic))],
        topicsSubscribed: [...subscribed],
        topicsNotSubscribed: unsubscribed,
      });
      this.membership.requestRejoin("received assignment does not match the current subscription");
      return;
    }
    const key = (tp: TopicPartition) => `${tp.topic}\u0000${tp.partition}`;
    const owned = subscriptions.assignedPartitions;
    const assignedKeys = new Set(assigned.map(key));
    const ownedKeys = new Set(owned.map(key));
    const added = assigned.filter((tp) => !ownedKeys.has(key(tp)));
    const revoked = owned.filter((state) => !assignedKeys.has(key(state)));
    if (protocol === "cooperative" && revoked.length > 0) {
      if (committer.autoCommitEnabled) await committer.commitProcessed(revoked).catch(() => {});
      await callbacks.invoke("revoked", revoked);
      this.membership.requestRejoin("need to revoke partitions and re-join");
    }
    subscriptions.assignFromSubscribed(assigned);
    const metadata = {
      groupId: channel.groupId,
      generationId: joined.generation.generationId,
      memberId: joined.generation.memberId,
      groupInstanceId: config.groupInstanceId,
    };
    for (const assignor of this.parts.assignors) {
      if (assignor.name === joined.generation.protocolName)
        assignor.onAssignment?.(assigned, metadata);
    }
    committer.resetAutoCommitTimer();
    await callbacks.invoke("assigned", added);
    const memberAssignment: Record<string, number[]> = {};
    for (const { topic, partition } of assigned) (memberAssignment[topic] ??= []).push(partition);
    events.emit(CONSUMER_EVENTS.GROUP_JOIN, {
      duration: joined.durationMs,
      groupId: channel.groupId,
      isLeader: joined.isLeader,
      leaderId: joined.leaderId,
      groupProtocol: joined.generation.protocolName ?? "",
      memberId: joined.generation.memberId,
      memberAssignment,
    });
  }

  private leaveOnPollTimeout(): void {
    const reason = "consumer poll timeout has expired.";
    const memberId = this.membership.generation.memberId;
    void this.membership.maybeLeaveGroup(reason).then((sent) => {
      if (sent) {
        this.parts.events.emit(CONSUMER_EVENTS.GROUP_LEAVE, {
          groupId: this.parts.channel.groupId,
          memberId,
          reason,
        });
      }
    });
  }
}
