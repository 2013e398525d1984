/**
 * The consumer's run loop, Java's poll() turned into KafkaJS's run(): each pass lets the
 * group membership do its work (join, rejoin, finish a rebalance, auto commit), gives new
 * partitions their positions, then fetches from every leader at once and hands each
 * partition's records to the user's handler (at most partitionsConsumedConcurrently at a
 * time) before the next pass. While nothing can be fetched (no assignment yet, everything
 * paused, an eager rebalance in progress) it waits for the rebalance or fetch.max.wait.ms,
 * whichever is first; a seek, resume or new assignment wakes it early.
 *
 * Retriable errors (a broker gone, a leader moved) are retried forever with back-off, as
 * Java's poll does. A handler that throws gets its unresolved records again, up to
 * HANDLER_RETRIES times in a row; then, like any fatal error, the consumer crashes.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { backoffMs } from "../cluster/backoff.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { KafkaProtocolError, isRetriable } from "../kafka-error.ts";
import { ConcurrencyLimit } from "./concurrency-limit.ts";
import type { ConsumerConfig } from "./consumer-config.ts";
import { CONSUMER_EVENTS, type ConsumerEvents } from "./consumer-events.ts";
import type { RunOptions } from "./consumer-types.ts";
import type { CoordinatorChannel } from "./coordinator-channel.ts";
import { updateFetchPositions } from "./fetch-positions.ts";
import { FetchPipeline } from "./fetch-pipeline.ts";
import { fetchFromLeader, type FetchTarget, type PartitionFetchResult } from "./fetcher.ts";
import type { OffsetCommitter } from "./offset-committer.ts";
import { ensureLeaders, groupByLeader } from "./partition-leaders.ts";
import {
  processPartition,
  type FetchedPartition,
  type ProcessorContext,
} from "./partition-processor.ts";
import type { SubscriptionState } from "./subscription-state.ts";

/** What the run loop needs from group membership (or from a standalone assignment). */
export interface MembershipDriver {
  /** Java's ConsumerCoordinator.poll: (re)join when needed, finish a rebalance, auto commit. */
  poll(): Promise<void>;
  /** False once the generation is gone and owned partitions may be someone else's. */
  valid(): boolean;
  /** The run loop is handing out records: max.poll.interval.ms starts again. */
  markPolled(): void;
  heartbeat(): Promise<void>;
  /** A rebalance in flight to wait for while nothing can be fetched, or null. */
  pendingRebalance(): Promise<void> | null;
}

/** KafkaJS's default retries before a handler's error crashes the consumer. */
const HANDLER_RETRIES = 5;

/** Java's OffsetOutOfRangeException: out of range and auto.offset.reset=none. */
export class OffsetOutOfRangeError extends Error {
  override readonly name = "OffsetOutOfRangeError";
}

export interface RunLoopParts {
  cluster: ClientCluster;
  config: ConsumerConfig;
  subscriptions: SubscriptionState;
  channel: CoordinatorChannel | null;
  committer: OffsetCommitter;
  events: ConsumerEvents;
  membership: MembershipDriver;
  apiTimeoutMs: number;
  /** Called once when a fatal error stops the loop. */
  onCrash(error: Error): void;
}

export class RunLoop {
  private running = false;
  private done: Promise<void> = Promise.resolve();
  private wakeup: (() => void) | null = null;
  private metadataRefreshNeeded = false;
  private handlerFailures = 0;
  private retriableFailures = 0;
  /** Errors thrown by the user's handler (Kafka errors out of processing come from commits). */
  private readonly handlerErrors = new WeakSet<Error>();
  private readonly pipeline = new FetchPipeline();

  constructor(private readonly parts: RunLoopParts) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(run: RunOptions): void {
    if (this.running) throw new Error("the consumer is already running");
    if (run.eachMessage === undefined && run.eachBatch === undefined) {
      throw new Error("run() needs eachMessage or eachBatch");
    }
    const limit = new ConcurrencyLimit(run.partitionsConsumedConcurrently ?? 1);
    this.running = true;
    this.done = this.loop(run, limit);
  }

  /** Stops after the handler calls in progress return. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.done;
  }

  /** Cuts a wait short: something changed that may make partitions fetchable. */
  wake(): void {
    this.wakeup?.();
  }

  private async loop(run: RunOptions, limit: ConcurrencyLimit): Promise<void> {
    const context = this.processorContext(run);
    try {
      await this.passes(context, limit);
    } finally {
      this.pipeline.clear();
    }
  }

  private async passes(context: ProcessorContext, limit: ConcurrencyLimit): Promise<void> {
    while (this.running) {
      try {
        await this.pass(context, limit);
        this.retriableFailures = 0;
      } catch (error) {
        if (!this.running) break;
        const failure = error instanceof Error ? error : new Error(String(error));
        const fromHandler = this.handlerErrors.has(failure);
        if (isRejoinError(failure)) continue;
        if (isRetriable(failure) || (fromHandler && ++this.handlerFailures <= HANDLER_RETRIES)) {
          const attempt = fromHandler ? this.handlerFailures : ++this.retriableFailures;
          await this.sleep(backoffMs(attempt, this.parts.config, this.parts.cluster.io.random));
          continue;
        }
        this.running = false;
        this.parts.events.emit(CONSUMER_EVENTS.CRASH, {
          error: failure,
          groupId: this.parts.config.groupId,
          restart: false,
        });
        this.parts.onCrash(failure);
      }
    }
  }

  private async pass(context: ProcessorContext, limit: ConcurrencyLimit): Promise<void> {
    const { membership, subscriptions, cluster } = this.parts;
    this.pipeline.beginPass();
    membership.markPolled();
    await membership.poll();
    if (!this.running) return;
    if (this.metadataRefreshNeeded) {
      this.metadataRefreshNeeded = false;
      const topics = [...new Set(subscriptions.assignedPartitions.map((state) => state.topic))];
      await cluster.refreshMetadata(topics);
    }
    await updateFetchPositions(cluster, subscriptions, this.parts.channel, {
      ...this.parts.config,
      apiTimeoutMs: this.parts.apiTimeoutMs,
    });
    const fetchable = subscriptions.fetchable();
    if (fetchable.length === 0) {
      const rebalance = membership.pendingRebalance();
      await (rebalance === null
        ? this.sleep(this.parts.config.fetchMaxWaitMs)
        : this.wakeable(rebalance));
      return;
    }
    const targets = fetchable.map((state) => ({
      state,
      fetchOffset: state.position!,
      epoch: state.epoch,
    }));
    await ensureLeaders(cluster, [...new Set(targets.map((target) => target.state.topic))]);
    const { groups, leaderless } = groupByLeader(cluster, targets, (target) => target.state);
    if (leaderless.length > 0) this.metadataRefreshNeeded = true;
    const progress = await Promise.all(
      groups.map((group) => this.fetchAndProcess(group.nodeId, group.items, context, limit)),
    );
    if (!progress.some(Boolean)) await this.sleep(this.parts.config.retryBackoffMs);
    this.handlerFailures = 0;
    this.parts.committer.maybeAutoCommitInBackground();
  }

  /** One leader's fetch and its records processed; true if any partition moved on. */
  private async fetchAndProcess(
    nodeId: number,
    targets: FetchTarget[],
    context: ProcessorContext,
    limit: ConcurrencyLimit,
  ): Promise<boolean> {
    const results = await (this.pipeline.take(nodeId, targets) ?? this.fetch(nodeId, targets));
    for (const result of results) this.handleFailure(result);
    const current: Extract<PartitionFetchResult, { kind: "records" }>[] = [];
    for (const result of results) {
      if (result.kind !== "records") continue;
      const state = result.target.state;
      if (state.epoch !== result.target.epoch || state.position !== result.target.fetchOffset)
        continue;
      state.highWatermark = result.highWatermark;
      state.logStartOffset = result.logStartOffset;
      current.push(result);
    }
    if (this.running && current.length === targets.length) {
      // Every partition answered with records (or none yet): fetch what follows them now.
      const next = current.map((result) => ({
        state: result.target.state,
        fetchOffset: result.nextOffset,
        epoch: result.target.epoch,
      }));
      this.pipeline.start(nodeId, next, () => this.fetch(nodeId, next));
    }
    const settled = await Promise.allSettled(
      current.map((result) =>
        limit.run(() => processPartition(context, result as FetchedPartition)),
      ),
    );
    const failed = settled.find((entry) => entry.status === "rejected");
    if (failed !== undefined) throw this.asHandlerError(failed.reason);
    return current.length > 0;
  }

  /** One Fetch to `nodeId`, told as KafkaJS's FETCH_START and FETCH events. */
  private async fetch(nodeId: number, targets: FetchTarget[]): Promise<PartitionFetchResult[]> {
    const { cluster, events, config } = this.parts;
    events.emit(CONSUMER_EVENTS.FETCH_START, { nodeId });
    const startedMs = cluster.io.nowMs();
    const results = await fetchFromLeader(cluster, nodeId, targets, config);
    let numberOfBatches = 0;
    for (const result of results) {
      if (result.kind === "records" && result.messages.length > 0) numberOfBatches++;
    }
    events.emit(CONSUMER_EVENTS.FETCH, {
      numberOfBatches,
      duration: cluster.io.nowMs() - startedMs,
      nodeId,
    });
    return results;
  }

  private handleFailure(result: PartitionFetchResult): void {
    if (result.kind === "stale-leader") {
      this.metadataRefreshNeeded = true;
    } else if (result.kind === "error") {
      throw result.error;
    } else if (result.kind === "out-of-range") {
      const { state, fetchOffset, epoch } = result.target;
      if (state.epoch !== epoch || state.position !== fetchOffset) return;
      const strategy = this.parts.subscriptions.resetStrategyFor(state.topic);
      if (strategy === "none") {
        throw new OffsetOutOfRangeError(
          `Offsets out of range with no configured reset policy for partitions: {${state.topic}-${state.partition}=${fetchOffset}}`,
        );
      }
      this.parts.subscriptions.requestReset(state, strategy);
    }
  }

  private processorContext(run: RunOptions): ProcessorContext {
    const { membership, cluster } = this.parts;
    return {
      subscriptions: this.parts.subscriptions,
      committer: this.parts.committer,
      events: this.parts.events,
      run: {
        eachMessage: run.eachMessage,
        eachBatch: run.eachBatch,
        eachBatchAutoResolve: run.eachBatchAutoResolve ?? true,
      },
      maxPollRecords: this.parts.config.maxPollRecords,
      nowMs: () => cluster.io.nowMs(),
      isRunning: () => this.running,
      membershipValid: () => membership.valid(),
      markPolled: () => membership.markPolled(),
      heartbeat: () => membership.heartbeat(),
      wake: () => this.wake(),
    };
  }

  private asHandlerError(reason: unknown): Error {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    if (!(error instanceof KafkaProtocolError) && !isRetriable(error))
      this.handlerErrors.add(error);
    return error;
  }

  private sleep(ms: number): Promise<void> {
    return this.wakeable(new Promise((resolve) => this.parts.cluster.io.after(ms, resolve)));
  }

  /** Waits for `work`, or less if wake() is called (a stop must not wait out a rebalance). */
  private wakeable(work: Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (this.wakeup === done) this.wakeup = null;
        resolve();
      };
      this.wakeup = done;
      work.then(done, done);
    });
  }
}

/** A commit refused because the generation moved on: the membership rejoins, nothing crashes. */
function isRejoinError(error: Error): boolean {
  return (
    error instanceof KafkaProtocolError &&
    (error.errorCode === ErrorCode.UNKNOWN_MEMBER_ID ||
      error.errorCode === ErrorCode.ILLEGAL_GENERATION ||
      error.errorCode === ErrorCode.REBALANCE_IN_PROGRESS)
  );
}
