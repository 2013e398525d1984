/**
 * The broker's classic group coordinator (JoinGroup/SyncGroup protocol, not KIP-848): the
 * entry point request handlers and the node use. Each API first checks, as Kafka's
 * validateGroupStatus does, that the group id is not empty (INVALID_GROUP_ID), that this
 * broker leads the group's __consumer_offsets partition (NOT_COORDINATOR) and has loaded
 * it (COORDINATOR_LOAD_IN_PROGRESS), then applies the API's rules (join-group.ts,
 * sync-group.ts, heartbeat-and-leave.ts, offset-commit.ts, offset-fetch.ts,
 * group-admin.ts). Time moves only through tick(): the node calls it every 10 ms.
 */
import type { Clock } from "../../client/clock.ts";
import type { BrokerConfig } from "../../metadata/configs/broker-configs.ts";
import type { MetadataImage } from "../../metadata/metadata-image.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { TelemetrySink } from "../../telemetry/telemetry-event.ts";
import type { ControllerChannel } from "../controller-channel.ts";
import type { Partition } from "../replica/partition.ts";
import type { ReplicaManager } from "../replica/replica-manager.ts";
import type { ClassicGroup } from "./classic-group.ts";
import { joinError, syncError, type JoinResult, type SyncResult } from "./classic-group-member.ts";
import type { CoordinatorContext } from "./coordinator-context.ts";
import { CoordinatorLocator, type CoordinatorLocation } from "./coordinator-lookup.ts";
import { CoordinatorPartitions } from "./coordinator-partitions.ts";
import { CoordinatorTimers } from "./coordinator-timers.ts";
import { CoordinatorWriter } from "./coordinator-writer.ts";
import * as admin from "./group-admin.ts";
import { GroupCoordinatorConfig } from "./group-coordinator-config.ts";
import { GroupEvents } from "./group-events.ts";
import * as membership from "./heartbeat-and-leave.ts";
import { joinGroup, type JoinGroupParams } from "./join-group.ts";
import { commitOffsets, type OffsetCommitParams } from "./offset-commit.ts";
import { expireOffsets } from "./offset-expiration.ts";
import { fetchOffsets, type FetchedOffset, type RequestedTopic } from "./offset-fetch.ts";
import { OffsetStore } from "./offset-store.ts";
import { OFFSETS_TOPIC, offsetsPartitionFor } from "./offsets-topic.ts";
import { syncGroup, type SyncGroupParams } from "./sync-group.ts";

export interface GroupCoordinatorOptions {
  nodeId: number;
  clock: Clock;
  config: BrokerConfig;
  replicas: ReplicaManager;
  /** The broker's committed metadata image. */
  image(): MetadataImage;
  controller: ControllerChannel;
  telemetry: TelemetrySink;
  random(): number;
}

export class GroupCoordinator {
  readonly config: GroupCoordinatorConfig;
  private readonly ctx: CoordinatorContext;
  private readonly partitions: CoordinatorPartitions;
  private readonly locator: CoordinatorLocator;
  private lastExpirationMs: number;
  private expiring = false;

  constructor(private readonly options: GroupCoordinatorOptions) {
    this.config = new GroupCoordinatorConfig(options.config);
    const events = new GroupEvents(options.nodeId, options.telemetry, (id) =>
      this.partitionFor(id),
    );
    const writer = new CoordinatorWriter(options.replicas, options.clock, this.config);
    this.ctx = {
      clock: options.clock,
      config: this.config,
      random: options.random,
      timers: new CoordinatorTimers(),
      groups: new Map(),
      offsets: new OffsetStore(),
      events,
      write: (groupId, records) => {
        const index = this.partitionFor(groupId);
        return writer.write(index, this.partitions.loadedEpoch(index) ?? -1, records);
      },
    };
    this.partitions = new CoordinatorPartitions(this.ctx, options.replicas, options.image, (id) =>
      this.partitionFor(id),
    );
    this.locator = new CoordinatorLocator(
      options.image,
      options.controller,
      this.config,
      () => options.config.number("request.timeout.ms"),
      events,
    );
    this.lastExpirationMs = options.clock.nowMs();
  }

  /** The __consumer_offsets partition of a group: the topic's partition count, else the config's. */
  partitionFor(groupId: string): number {
    const count = this.options.image().topicsByName.get(OFFSETS_TOPIC)?.partitions.size ?? 0;
    return offsetsPartitionFor(groupId, count > 0 ? count : this.config.offsetsTopicPartitions);
  }

  /** NONE, INVALID_GROUP_ID, NOT_COORDINATOR or COORDINATOR_LOAD_IN_PROGRESS for a group's request. */
  groupStatus(groupId: string): number {
    if (groupId === "") return ErrorCode.INVALID_GROUP_ID;
    switch (this.partitions.status(this.partitionFor(groupId))) {
      case "not-coordinator":
        return ErrorCode.NOT_COORDINATOR;
      case "loading":
        return ErrorCode.COORDINATOR_LOAD_IN_PROGRESS;
      case "loaded":
        return ErrorCode.NONE;
    }
  }

  /** A group this coordinator holds, for inspection (debug views, tests). */
  group(groupId: string): ClassicGroup | undefined {
    return this.ctx.groups.get(groupId);
  }

  /** Partitions changed role: follow at once rather than at the next tick. */
  onPartitionRoleChange(partition: Partition): void {
    if (partition.topic === OFFSETS_TOPIC) this.partitions.reconcileOne(partition.partition);
  }

  tick(): void {
    this.partitions.reconcile();
    const now = this.options.clock.nowMs();
    this.ctx.timers.fireDue(now);
    if (
      !this.expiring &&
      now - this.lastExpirationMs >= this.config.offsetsRetentionCheckIntervalMs
    ) {
      this.lastExpirationMs = now;
      this.expiring = true;
      const loaded = (groupId: string) => this.groupStatus(groupId) === ErrorCode.NONE;
      void expireOffsets(this.ctx, loaded).finally(() => (this.expiring = false));
    }
  }

  /** The broker is stopping: members waiting in a rebalance hear NOT_COORDINATOR. */
  shutdown(): void {
    this.partitions.unloadAll();
  }

  findCoordinator(groupId: string): CoordinatorLocation {
    return this.locator.locate(groupId);
  }

  joinGroup(params: JoinGroupParams): Promise<JoinResult> {
    const status = this.groupStatus(params.groupId);
    if (status !== ErrorCode.NONE) return Promise.resolve(joinError(params.memberId, status));
    return joinGroup(this.ctx, params);
  }

  syncGroup(params: SyncGroupParams): Promise<SyncResult> {
    const status = this.groupStatus(params.groupId);
    // A loading coordinator lost the rebalance in progress: the member must rejoin.
    if (status === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS)
      return Promise.resolve(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
    if (status !== ErrorCode.NONE) return Promise.resolve(syncError(status));
    return syncGroup(this.ctx, params);
  }

  heartbeat(params: membership.HeartbeatParams): number {
    const status = this.groupStatus(params.groupId);
    // While loading, answer blindly: the member's session starts once the group is loaded.
    if (status === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS) return ErrorCode.NONE;
    if (status !== ErrorCode.NONE) return status;
    return membership.heartbeat(this.ctx, params);
  }

  leaveGroup(
    groupId: string,
    members: readonly membership.LeavingMember[],
  ): membership.LeaveResult {
    const status = this.groupStatus(groupId);
    if (status !== ErrorCode.NONE) return { errorCode: status, members: [] };
    return membership.leaveGroup(this.ctx, groupId, members);
  }

  /** The error of each partition, in the order given. */
  async commitOffsets(params: OffsetCommitParams): Promise<number[]> {
    const status = this.groupStatus(params.groupId);
    if (status !== ErrorCode.NONE) return params.partitions.map(() => status);
    return commitOffsets(this.ctx, params);
  }

  fetchOffsets(
    groupId: string,
    topics: readonly RequestedTopic[] | null,
  ): { errorCode: number; offsets: FetchedOffset[] } {
    const status = this.groupStatus(groupId);
    if (status !== ErrorCode.NONE) return { errorCode: status, offsets: [] };
    return { errorCode: ErrorCode.NONE, offsets: fetchOffsets(this.ctx, groupId, topics) };
  }

  describeGroup(groupId: string): admin.DescribedGroup {
    const status = this.groupStatus(groupId);
    if (status !== ErrorCode.NONE)
      return {
        errorCode: status,
        groupId,
        state: "",
        protocolType: "",
        protocolData: "",
        members: [],
      };
    return admin.describeGroup(this.ctx, groupId);
  }

  /** Every group of the partitions loaded here; COORDINATOR_LOAD_IN_PROGRESS while one loads. */
  listGroups(
    statesFilter: readonly string[],
    typesFilter: readonly string[],
  ): { errorCode: number; groups: admin.ListedGroup[] } {
    return {
      errorCode: this.partitions.anyLoading
        ? ErrorCode.COORDINATOR_LOAD_IN_PROGRESS
        : ErrorCode.NONE,
      groups: admin.listGroups(this.ctx, statesFilter, typesFilter),
    };
  }

  async deleteGroups(
    groupIds: readonly string[],
  ): Promise<{ groupId: string; errorCode: number }[]> {
    const unique = [...new Set(groupIds)];
    return Promise.all(
      unique.map(async (groupId) => {
        const status = this.groupStatus(groupId);
        const errorCode =
          status !== ErrorCode.NONE ? status : await admin.deleteGroup(this.ctx, groupId);
        return { groupId, errorCode };
      }),
    );
  }

  deleteOffsets(
    groupId: string,
    topics: readonly { name: string; partitions: readonly number[] }[],
  ): Promise<admin.OffsetDeleteResult> {
    const status = this.groupStatus(groupId);
    if (status !== ErrorCode.NONE) return Promise.resolve({ errorCode: status, partitions: [] });
    return admin.deleteOffsets(this.ctx, groupId, topics);
  }
}
