/**
 * Commits processed offsets: on demand (commitOffsets, commitOffsetsIfNecessary), before
 * partitions are revoked, on stop, and automatically every auto.commit.interval.ms (or
 * after autoCommitThreshold resolved offsets, KafkaJS's extra). A periodic auto commit does
 * not hold the run loop up (Java's maybeAutoCommitOffsetsAsync): it goes out in the
 * background, one at a time. A commit the coordinator refuses because this member's
 * generation is gone (UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS) is
 * reported to the membership, which rejoins; the records are then processed again by
 * whoever owns them next, which at-least-once allows.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { backoffMs, type BackoffConfig } from "../cluster/backoff.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { KafkaProtocolError, isRetriable } from "../kafka-error.ts";
import { CONSUMER_EVENTS, type ConsumerEvents } from "./consumer-events.ts";
import type { CoordinatorChannel } from "./coordinator-channel.ts";
import { commitOffsetsAt, type CommitIdentity, type OffsetToCommit } from "./group-offsets.ts";
import type { PartitionState, SubscriptionState } from "./subscription-state.ts";

/** Who commits: the member's generation, or why it cannot commit now. */
export type CommitIdentitySource = () => CommitIdentity | KafkaProtocolError;

export interface AutoCommitSettings {
  enabled: boolean;
  intervalMs: number;
  threshold: number | null;
}

const GENERATION_ERRORS: ReadonlySet<number> = new Set([
  ErrorCode.UNKNOWN_MEMBER_ID,
  ErrorCode.ILLEGAL_GENERATION,
  ErrorCode.REBALANCE_IN_PROGRESS,
  ErrorCode.FENCED_INSTANCE_ID,
]);

export class OffsetCommitter {
  private auto: AutoCommitSettings = { enabled: false, intervalMs: 5_000, threshold: null };
  private nextAutoCommitMs = 0;
  private resolvedSinceCommit = 0;
  private background: Promise<void> | null = null;

  constructor(
    private readonly cluster: ClientCluster,
    private readonly channel: CoordinatorChannel | null,
    private readonly subscriptions: SubscriptionState,
    private readonly identity: CommitIdentitySource,
    /** Told when the coordinator says this member's generation is gone. */
    private readonly onGenerationError: (errorCode: number) => void,
    private readonly events: ConsumerEvents,
    private readonly retry: BackoffConfig & { timeoutMs: number },
  ) {}

  configure(settings: AutoCommitSettings): void {
    this.auto = settings;
    this.resetAutoCommitTimer();
  }

  get autoCommitEnabled(): boolean {
    return this.auto.enabled && this.channel !== null;
  }

  /** Starts the auto-commit interval afresh (after a rebalance, as Java does). */
  resetAutoCommitTimer(): void {
    this.nextAutoCommitMs = this.cluster.io.nowMs() + this.auto.intervalMs;
  }

  noteResolved(count: number): void {
    this.resolvedSinceCommit += count;
  }

  /** Whether interval or threshold says an auto commit is due. */
  autoCommitDue(): boolean {
    if (!this.autoCommitEnabled) return false;
    if (this.auto.threshold !== null && this.resolvedSinceCommit >= this.auto.threshold)
      return true;
    return this.cluster.io.nowMs() >= this.nextAutoCommitMs;
  }

  /** Java's maybeAutoCommitOffsetsAsync: a background commit when due, one at a time. */
  maybeAutoCommitInBackground(): void {
    if (this.background !== null || !this.autoCommitDue()) return;
    this.resetAutoCommitTimer();
    this.background = this.commitProcessed()
      .catch(() => {
        // The next interval tries again; a generation error has already been reported.
      })
      .finally(() => (this.background = null));
  }

  /** A commit now if auto commit is due (KafkaJS's commitOffsetsIfNecessary). */
  async maybeCommit(): Promise<void> {
    if (!this.autoCommitDue()) return;
    this.resetAutoCommitTimer();
    await this.commitProcessed();
  }

  /** Waits for a background commit in flight. */
  async settle(): Promise<void> {
    await this.background;
  }

  /** Commits the processed offsets of `states` (default: every assigned partition) not yet committed. */
  async commitProcessed(states?: readonly PartitionState[]): Promise<void> {
    const pending = (states ?? this.subscriptions.assignedPartitions).filter(
      (state) => state.processed !== null && state.processed !== state.committed,
    );
    if (pending.length === 0) return;
    const offsets = pending.map((state) => ({
      topic: state.topic,
      partition: state.partition,
      offset: state.processed!,
    }));
    await this.commit(offsets);
  }

  /** Commits exactly `offsets`, retrying retriable errors until default.api.timeout.ms. */
  async commit(offsets: readonly OffsetToCommit[]): Promise<void> {
    if (this.channel === null) {
      throw new KafkaProtocolError(
        ErrorCode.INVALID_GROUP_ID,
        "To use the group management or offset commit APIs, you must provide a valid group.id in the consumer configuration.",
      );
    }
    if (offsets.length === 0) return;
    const deadline = this.cluster.io.nowMs() + this.retry.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const identity = this.identity();
      if (identity instanceof KafkaProtocolError) throw identity;
      try {
        await commitOffsetsAt(this.channel, identity, offsets);
        this.committed(identity, offsets);
        return;
      } catch (error) {
        if (error instanceof KafkaProtocolError && GENERATION_ERRORS.has(error.errorCode)) {
          this.onGenerationError(error.errorCode);
          throw error;
        }
        const wait = backoffMs(attempt, this.retry, this.cluster.io.random);
        if (!isRetriable(error) || this.cluster.io.nowMs() + wait > deadline) throw error;
        await this.cluster.sleep(wait);
      }
    }
  }

  private committed(identity: CommitIdentity, offsets: readonly OffsetToCommit[]): void {
    this.resolvedSinceCommit = 0;
    for (const entry of offsets) {
      const state = this.subscriptions.state(entry.topic, entry.partition);
      if (state !== undefined) state.committed = entry.offset;
    }
    const topics = new Map<string, { partition: number; offset: string }[]>();
    for (const entry of offsets) {
      const list = topics.get(entry.topic) ?? [];
      list.push({ partition: entry.partition, offset: entry.offset.toString() });
      topics.set(entry.topic, list);
    }
    this.events.emit(CONSUMER_EVENTS.COMMIT_OFFSETS, {
      groupId: this.channel!.groupId,
      memberId: identity.memberId,
      groupGenerationId: identity.generationId,
      topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
    });
  }
}
