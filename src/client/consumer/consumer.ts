/**
 * The consumer, shaped like KafkaJS's (connect, subscribe, run with eachMessage or
 * eachBatch, seek, pause/resume, commitOffsets, describeGroup, stop, disconnect, and
 * instrumentation events), working inside as Kafka's Java consumer does: group membership
 * with the classic protocol (eager or cooperative, as the assignors agree), a fetcher per
 * leader, committed offsets at the group coordinator, auto.offset.reset through ListOffsets.
 *
 * What KafkaJS lacks and Java has is here too: `assign([{ topic, partition }])` consumes
 * chosen partitions with no group membership (KafkaConsumer.assign: no rebalances, no
 * heartbeats; with a group.id, committed offsets are still read and written, with
 * generation -1), `offsetsForTimes` / `seekToTimestamp`, `seekToBeginning` / `seekToEnd`,
 * `position`, `committed`, and a ConsumerRebalanceListener (options.rebalanceListener)
 * told of partitions revoked, assigned and lost.
 */
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { ConfigError } from "../cluster/client-cluster.ts";
import { resolveAssignors, selectRebalanceProtocol } from "./assignors/index.ts";
import {
  resolveConsumerConfig,
  type ConsumerConfig,
  type ConsumerOptions,
} from "./consumer-config.ts";
import { ConsumerCoordinator } from "./consumer-coordinator.ts";
import { CONSUMER_EVENTS, ConsumerEvents } from "./consumer-events.ts";
import type {
  GroupDescription,
  OffsetForTime,
  RunOptions,
  SubscribeOptions,
  TopicPartition,
  TopicPartitionOffset,
  TopicPartitions,
} from "./consumer-types.ts";
import { CoordinatorChannel } from "./coordinator-channel.ts";
import { describeGroup } from "./describe-group.ts";
import { fetchCommittedOffsets } from "./group-offsets.ts";
import { lookupOffsets } from "./offset-lookup.ts";
import { OffsetCommitter } from "./offset-committer.ts";
import { RebalanceCallbacks } from "./rebalance-callbacks.ts";
import { RunLoop, type MembershipDriver } from "./run-loop.ts";
import { partitionKey, SubscriptionState } from "./subscription-state.ts";

export type { ConsumerOptions } from "./consumer-config.ts";

/** default.api.timeout.ms: how long a blocking call (commit, offsets lookup) keeps retrying. */
const DEFAULT_API_TIMEOUT_MS = 60_000;

export interface Consumer {
  readonly events: typeof CONSUMER_EVENTS;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  subscribe(subscription: SubscribeOptions): Promise<void>;
  /** Consume exactly these partitions, without group membership (Java's KafkaConsumer.assign). */
  assign(partitions: TopicPartition[]): void;
  assignment(): TopicPartition[];
  run(options: RunOptions): Promise<void>;
  stop(): Promise<void>;
  seek(target: TopicPartitionOffset): void;
  seekToBeginning(partitions: TopicPartition[]): void;
  seekToEnd(partitions: TopicPartition[]): void;
  /** The first offset at or after `timestamp` (ms); the end of the log when there is none. */
  seekToTimestamp(target: TopicPartition & { timestamp: string | number }): void;
  offsetsForTimes(
    queries: (TopicPartition & { timestamp: string | number })[],
  ): Promise<OffsetForTime[]>;
  /** The next offset this consumer will fetch, or null while it is not known yet. */
  position(partition: TopicPartition): string | null;
  /** The group's committed offsets ("-1" where none). */
  committed(partitions: TopicPartition[]): Promise<TopicPartitionOffset[]>;
  pause(topics: { topic: string; partitions?: number[] }[]): void;
  resume(topics: { topic: string; partitions?: number[] }[]): void;
  paused(): TopicPartitions[];
  commitOffsets(offsets: TopicPartitionOffset[]): Promise<void>;
  describeGroup(): Promise<GroupDescription>;
  on: ConsumerEvents["on"];
}

export function createConsumer(cluster: ClientCluster, options: ConsumerOptions): Consumer {
  const config = resolveConsumerConfig(options);
  const assignors = resolveAssignors(config.assignmentStrategy);
  if (!assignors.ok) throw new ConfigError(assignors.error);
  const selection = selectRebalanceProtocol(assignors.assignors);
  if (!selection.ok) throw new ConfigError(selection.error);
  return new KafkaConsumer(cluster, config, selection.protocol ?? "eager", assignors.assignors);
}

class KafkaConsumer implements Consumer {
  readonly events = CONSUMER_EVENTS;
  private readonly emitter: ConsumerEvents;
  private readonly subscriptions: SubscriptionState;
  private readonly channel: CoordinatorChannel | null;
  private readonly committer: OffsetCommitter;
  private readonly runLoop: RunLoop;
  private readonly callbacks: RebalanceCallbacks;
  private coordinator: ConsumerCoordinator | null = null;
  private leaving: Promise<void> | null = null;

  constructor(
    private readonly cluster: ClientCluster,
    private readonly config: ConsumerConfig,
    private readonly protocol: "eager" | "cooperative",
    private readonly assignors: ConstructorParameters<typeof ConsumerCoordinator>[0]["assignors"],
  ) {
    this.emitter = new ConsumerEvents(() => cluster.io.nowMs());
    this.subscriptions = new SubscriptionState(config.autoOffsetReset);
    const retry = { ...config, timeoutMs: DEFAULT_API_TIMEOUT_MS };
    this.channel =
      config.groupId === null ? null : new CoordinatorChannel(cluster, config.groupId, retry);
    this.callbacks = new RebalanceCallbacks(config.rebalanceListener, this.emitter, config.groupId);
    this.committer = new OffsetCommitter(
      cluster,
      this.channel,
      this.subscriptions,
      () =>
        this.coordinator?.identity() ?? { generationId: -1, memberId: "", groupInstanceId: null },
      (errorCode) => this.coordinator?.onCommitGenerationError(errorCode),
      this.emitter,
      retry,
    );
    this.runLoop = new RunLoop({
      cluster,
      config,
      subscriptions: this.subscriptions,
      channel: this.channel,
      committer: this.committer,
      events: this.emitter,
      membership: this.membershipDriver(),
      apiTimeoutMs: DEFAULT_API_TIMEOUT_MS,
      onCrash: () => void this.afterCrash(),
    });
  }

  on: ConsumerEvents["on"] = (name, listener) => this.emitter.on(name, listener);

  async connect(): Promise<void> {
    await this.cluster.refreshMetadata([]);
    this.emitter.emit(CONSUMER_EVENTS.CONNECT, null);
  }

  async disconnect(): Promise<void> {
    await this.stop();
    this.channel?.close();
    this.cluster.close();
    this.emitter.emit(CONSUMER_EVENTS.DISCONNECT, null);
  }

  async subscribe(subscription: SubscribeOptions): Promise<void> {
    if (this.config.groupId === null) {
      throw new ConfigError(
        "To use the group management or offset commit APIs, you must provide a valid group.id in the consumer configuration.",
      );
    }
    const all = [
      ...(subscription.topics ?? []),
      ...(subscription.topic === undefined ? [] : [subscription.topic]),
    ];
    if (all.length === 0) throw new Error("subscribe() needs a topic or topics");
    const names = all.filter((entry): entry is string => typeof entry === "string");
    const patterns = all.filter((entry): entry is RegExp => entry instanceof RegExp);
    this.subscriptions.subscribe(names, patterns, subscription.fromBeginning);
    if (names.length > 0) {
      await this.cluster.refreshMetadata(names, {
        allowAutoTopicCreation: this.config.allowAutoCreateTopics,
      });
    }
    this.runLoop.wake();
  }

  assign(partitions: TopicPartition[]): void {
    this.subscriptions.assignFromUser(partitions);
    this.runLoop.wake();
  }

  assignment(): TopicPartition[] {
    return this.subscriptions.assignedPartitions.map(({ topic, partition }) => ({
      topic,
      partition,
    }));
  }

  async run(options: RunOptions): Promise<void> {
    const autoCommit =
      this.channel !== null && (this.config.enableAutoCommit ?? options.autoCommit ?? true);
    this.committer.configure({
      enabled: autoCommit,
      intervalMs: this.config.autoCommitIntervalMs ?? options.autoCommitInterval ?? 5_000,
      threshold: options.autoCommitThreshold ?? null,
    });
    this.runLoop.start(options);
  }

  async stop(): Promise<void> {
    const wasRunning = this.runLoop.isRunning || this.coordinator !== null;
    await this.runLoop.stop();
    await this.leaveOrCommit();
    if (wasRunning) this.emitter.emit(CONSUMER_EVENTS.STOP, null);
  }

  seek({ topic, partition, offset }: TopicPartitionOffset): void {
    const target = parseOffset(offset, "offset");
    const state = this.subscriptions.state(topic, partition);
    if (state === undefined) this.subscriptions.seekWhenAssigned(topic, partition, target);
    else this.subscriptions.seek(state, target);
    this.runLoop.wake();
  }

  seekToBeginning(partitions: TopicPartition[]): void {
    for (const state of this.assignedStates(partitions))
      this.subscriptions.requestReset(state, "earliest");
    this.runLoop.wake();
  }

  seekToEnd(partitions: TopicPartition[]): void {
    for (const state of this.assignedStates(partitions))
      this.subscriptions.requestReset(state, "latest");
    this.runLoop.wake();
  }

  seekToTimestamp(target: TopicPartition & { timestamp: string | number }): void {
    const timestamp = parseOffset(target.timestamp, "timestamp");
    for (const state of this.assignedStates([target]))
      this.subscriptions.requestTimestampSeek(state, timestamp);
    this.runLoop.wake();
  }

  async offsetsForTimes(
    queries: (TopicPartition & { timestamp: string | number })[],
  ): Promise<OffsetForTime[]> {
    const answers = await lookupOffsets(
      this.cluster,
      queries.map(({ topic, partition, timestamp }) => ({
        topic,
        partition,
        timestamp: parseOffset(timestamp, "timestamp"),
      })),
      { ...this.config, timeoutMs: DEFAULT_API_TIMEOUT_MS },
    );
    const keyOf = (topic: string, partition: number, timestamp: bigint) =>
      `${partitionKey(topic, partition)}@${timestamp}`;
    const byKey = new Map(answers.map((a) => [keyOf(a.topic, a.partition, a.timestamp), a]));
    return queries.map(({ topic, partition, timestamp }) => {
      const answer = byKey.get(keyOf(topic, partition, parseOffset(timestamp, "timestamp")));
      const found = answer !== undefined && answer.offset >= 0n;
      return {
        topic,
        partition,
        offset: found ? answer.offset.toString() : null,
        timestamp: found ? answer.foundTimestamp.toString() : null,
      };
    });
  }

  position({ topic, partition }: TopicPartition): string | null {
    return this.subscriptions.state(topic, partition)?.position?.toString() ?? null;
  }

  async committed(partitions: TopicPartition[]): Promise<TopicPartitionOffset[]> {
    const offsets = await fetchCommittedOffsets(this.requireChannel(), partitions);
    return partitions.map(({ topic, partition }) => ({
      topic,
      partition,
      offset: (offsets.get(partitionKey(topic, partition)) ?? -1n).toString(),
    }));
  }

  pause(topics: { topic: string; partitions?: number[] }[]): void {
    this.subscriptions.pause(topics);
  }

  resume(topics: { topic: string; partitions?: number[] }[]): void {
    this.subscriptions.resume(topics);
    this.runLoop.wake();
  }

  paused(): TopicPartitions[] {
    return this.subscriptions.paused();
  }

  async commitOffsets(offsets: TopicPartitionOffset[]): Promise<void> {
    this.requireChannel();
    await this.committer.commit(
      offsets.map(({ topic, partition, offset }) => ({
        topic,
        partition,
        offset: parseOffset(offset, "offset"),
      })),
    );
  }

  describeGroup(): Promise<GroupDescription> {
    return describeGroup(this.requireChannel());
  }

  /** Group membership while subscribed, nothing to manage for a standalone assignment. */
  private membershipDriver(): MembershipDriver {
    const group = (): ConsumerCoordinator | null => {
      if (this.subscriptions.mode !== "subscribed") return null;
      this.coordinator ??= new ConsumerCoordinator({
        cluster: this.cluster,
        config: this.config,
        subscriptions: this.subscriptions,
        channel: this.requireChannel(),
        committer: this.committer,
        events: this.emitter,
        callbacks: this.callbacks,
        assignors: this.assignors,
        protocol: this.protocol,
        wake: () => this.runLoop.wake(),
      });
      return this.coordinator;
    };
    return {
      poll: async () => {
        const coordinator = group();
        if (coordinator === null) this.committer.maybeAutoCommitInBackground();
        else await coordinator.poll();
      },
      valid: () => group()?.valid() ?? true,
      markPolled: () => group()?.markPolled(),
      heartbeat: async () => group()?.heartbeat(),
      pendingRebalance: () => group()?.pendingRebalance() ?? null,
    };
  }

  /** On stop: a group member commits, revokes and leaves; a standalone consumer commits. */
  private leaveOrCommit(): Promise<void> {
    // A crash and a disconnect may both ask: leave once.
    this.leaving ??= this.leaveOnce().finally(() => (this.leaving = null));
    return this.leaving;
  }

  private async leaveOnce(): Promise<void> {
    const coordinator = this.coordinator;
    if (coordinator !== null) {
      // Still this consumer's coordinator while it leaves: the last commit needs its generation.
      await coordinator.leave("the consumer is being closed");
      this.coordinator = null;
    } else if (this.committer.autoCommitEnabled) {
      await this.committer.commitProcessed().catch(() => {});
    }
    await this.committer.settle();
  }

  private async afterCrash(): Promise<void> {
    await this.leaveOrCommit().catch(() => {});
  }

  private assignedStates(partitions: readonly TopicPartition[]) {
    return partitions.map(({ topic, partition }) => {
      const state = this.subscriptions.state(topic, partition);
      if (state === undefined)
        throw new Error(`No current assignment for partition ${topic}-${partition}`);
      return state;
    });
  }

  private requireChannel(): CoordinatorChannel {
    if (this.channel === null) {
      throw new ConfigError(
        "To use the group management or offset commit APIs, you must provide a valid group.id in the consumer configuration.",
      );
    }
    return this.channel;
  }
}

function parseOffset(value: string | number, what: string): bigint {
  const text = String(value).trim();
  if (!/^\d+$/.test(text))
    throw new Error(`Invalid ${what} ${String(value)}: must be a non-negative integer`);
  return BigInt(text);
}
