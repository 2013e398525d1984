/**
 * What this consumer reads and where it stands, as Java's SubscriptionState keeps it: the
 * subscription (topic names and patterns) or a user's own assignment (assign()), the
 * partitions assigned now, and for each one its fetch position, a pending offset reset,
 * whether it is paused, its HW, and the processed offset that a commit would store.
 *
 * Every change that makes a batch being processed moot (a seek, a reset, losing the
 * partition) bumps the partition's `epoch`, so the run loop can tell a batch has gone stale.
 */
import type { OffsetResetStrategy } from "./consumer-config.ts";
import type { TopicPartition, TopicPartitions } from "./consumer-types.ts";

export interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  /** The next offset to fetch, or null until the committed offset or a reset says. */
  position: bigint | null;
  /** Set when the position must come from ListOffsets (auto.offset.reset, seekToBeginning...). */
  pendingReset: OffsetResetStrategy | null;
  /** A seek by timestamp waiting for its ListOffsets answer. */
  pendingTimestamp: bigint | null;
  highWatermark: bigint;
  logStartOffset: bigint;
  /** The offset a commit would store: one past the last processed record. */
  processed: bigint | null;
  /** The offset last committed (or fetched from the coordinator), null if none. */
  committed: bigint | null;
  /** Bumped by seeks, resets and revocations: batches fetched under an older epoch are stale. */
  epoch: number;
}

const MAX_PENDING_SEEKS = 10_000;

export type SubscriptionMode = "none" | "subscribed" | "assigned";

export const partitionKey = (topic: string, partition: number): string =>
  `${topic}\u0000${partition}`;

export class SubscriptionState {
  private modeNow: SubscriptionMode = "none";
  private readonly topics = new Set<string>();
  private readonly patterns: RegExp[] = [];
  /** fromBeginning per subscribed topic or pattern source. */
  private readonly resetOverrides = new Map<string, OffsetResetStrategy>();
  /** Topics the subscription matched at the last metadata update. */
  private matched: string[] = [];
  /** The subscription changed since it was last matched against the cluster's topics. */
  private matchOutdated = false;
  private readonly assigned = new Map<string, PartitionState>();
  private readonly pausedTopics = new Set<string>();
  private readonly pausedPartitions = new Set<string>();
  /** Seeks asked for partitions not assigned yet (KafkaJS allows them right after run()). */
  private readonly pendingSeeks = new Map<string, bigint>();

  constructor(private readonly defaultReset: OffsetResetStrategy) {}

  get mode(): SubscriptionMode {
    return this.modeNow;
  }

  /** Adds topics and patterns to the subscription (KafkaJS's subscribe adds, it does not replace). */
  subscribe(names: readonly string[], patterns: readonly RegExp[], fromBeginning?: boolean): void {
    if (this.modeNow === "assigned") {
      throw new Error("Subscription to topics, partitions and pattern are mutually exclusive");
    }
    this.modeNow = "subscribed";
    this.matchOutdated = true;
    const reset = fromBeginning === true ? "earliest" : fromBeginning === false ? "latest" : null;
    for (const name of names) {
      this.topics.add(name);
      if (reset !== null) this.resetOverrides.set(name, reset);
    }
    for (const pattern of patterns) {
      this.patterns.push(pattern);
      if (reset !== null) this.resetOverrides.set(`/${pattern.source}/`, reset);
    }
  }

  get hasPatterns(): boolean {
    return this.patterns.length > 0;
  }

  get subscribedNames(): readonly string[] {
    return [...this.topics];
  }

  /** Matches the subscription against the cluster's topics; true when the match changed. */
  updateMatchedTopics(clusterTopics: Iterable<{ name: string; isInternal: boolean }>): boolean {
    const matched = new Set(this.topics);
    for (const topic of clusterTopics) {
      if (topic.isInternal) continue;
      if (this.patterns.some((pattern) => patternMatches(pattern, topic.name)))
        matched.add(topic.name);
    }
    this.matchOutdated = false;
    const next = [...matched].sort();
    const changed = next.join("\u0000") !== this.matched.join("\u0000");
    this.matched = next;
    return changed;
  }

  get needsMatching(): boolean {
    return this.matchOutdated;
  }

  /** The topics this member subscribes to (what goes into its JoinGroup metadata). */
  get matchedTopics(): readonly string[] {
    return this.matched;
  }

  /** Replaces the assignment with the user's own partitions (Java's KafkaConsumer.assign). */
  assignFromUser(partitions: readonly TopicPartition[]): void {
    if (this.modeNow === "subscribed") {
      throw new Error("Subscription to topics, partitions and pattern are mutually exclusive");
    }
    this.modeNow = partitions.length === 0 ? "none" : "assigned";
    this.replaceAssignment(partitions);
  }

  /** Replaces the assignment with what the group gave (keeping state of partitions kept). */
  assignFromSubscribed(partitions: readonly TopicPartition[]): void {
    this.replaceAssignment(partitions);
  }

  unsubscribe(): void {
    this.modeNow = "none";
    this.topics.clear();
    this.patterns.length = 0;
    this.resetOverrides.clear();
    this.matched = [];
    this.pendingSeeks.clear();
    this.replaceAssignment([]);
  }

  private replaceAssignment(partitions: readonly TopicPartition[]): void {
    const keep = new Set(partitions.map(({ topic, partition }) => partitionKey(topic, partition)));
    for (const [key, state] of this.assigned) {
      if (!keep.has(key)) {
        state.epoch++;
        this.assigned.delete(key);
        this.pausedPartitions.delete(key);
      }
    }
    for (const { topic, partition } of partitions) {
      const key = partitionKey(topic, partition);
      if (this.assigned.has(key)) continue;
      const sought = this.pendingSeeks.get(key) ?? null;
      this.pendingSeeks.delete(key);
      this.assigned.set(key, {
        topic,
        partition,
        position: sought,
        pendingReset: null,
        pendingTimestamp: null,
        highWatermark: -1n,
        logStartOffset: -1n,
        processed: sought,
        committed: null,
        epoch: 0,
      });
    }
  }

  get assignedPartitions(): PartitionState[] {
    return [...this.assigned.values()];
  }

  state(topic: string, partition: number): PartitionState | undefined {
    return this.assigned.get(partitionKey(topic, partition));
  }

  isAssigned(topic: string, partition: number): boolean {
    return this.assigned.has(partitionKey(topic, partition));
  }

  /** The reset strategy for a topic: fromBeginning of its subscription, else auto.offset.reset. */
  resetStrategyFor(topic: string): OffsetResetStrategy {
    const direct = this.resetOverrides.get(topic);
    if (direct !== undefined) return direct;
    for (const pattern of this.patterns) {
      const override = this.resetOverrides.get(`/${pattern.source}/`);
      if (override !== undefined && patternMatches(pattern, topic)) return override;
    }
    return this.defaultReset;
  }

  /** Sets the fetch position (a seek): a batch in flight for the partition goes stale. */
  seek(state: PartitionState, offset: bigint): void {
    state.position = offset;
    state.pendingReset = null;
    state.pendingTimestamp = null;
    state.processed = offset;
    state.epoch++;
  }

  /** A seek for a partition that is not assigned yet: applied when it is. */
  seekWhenAssigned(topic: string, partition: number, offset: bigint): void {
    if (this.pendingSeeks.size >= MAX_PENDING_SEEKS) {
      throw new Error(`more than ${MAX_PENDING_SEEKS} seeks wait for partitions not assigned`);
    }
    this.pendingSeeks.set(partitionKey(topic, partition), offset);
  }

  requestReset(state: PartitionState, strategy: OffsetResetStrategy): void {
    state.position = null;
    state.pendingReset = strategy;
    state.pendingTimestamp = null;
    state.epoch++;
  }

  requestTimestampSeek(state: PartitionState, timestamp: bigint): void {
    state.position = null;
    state.pendingReset = null;
    state.pendingTimestamp = timestamp;
    state.epoch++;
  }

  pause(topicPartitions: readonly { topic: string; partitions?: number[] }[]): void {
    for (const { topic, partitions } of topicPartitions) {
      if (partitions === undefined) this.pausedTopics.add(topic);
      else
        for (const partition of partitions)
          this.pausedPartitions.add(partitionKey(topic, partition));
    }
  }

  resume(topicPartitions: readonly { topic: string; partitions?: number[] }[]): void {
    for (const { topic, partitions } of topicPartitions) {
      if (partitions === undefined) {
        this.pausedTopics.delete(topic);
        for (const key of [...this.pausedPartitions]) {
          if (key.startsWith(`${topic}\u0000`)) this.pausedPartitions.delete(key);
        }
      } else {
        for (const partition of partitions)
          this.pausedPartitions.delete(partitionKey(topic, partition));
      }
    }
  }

  isPaused(state: { topic: string; partition: number }): boolean {
    return (
      this.pausedTopics.has(state.topic) ||
      this.pausedPartitions.has(partitionKey(state.topic, state.partition))
    );
  }

  paused(): TopicPartitions[] {
    const byTopic = new Map<string, number[]>();
    for (const topic of this.pausedTopics) byTopic.set(topic, []);
    for (const state of this.assigned.values()) {
      if (this.isPaused(state)) {
        const list = byTopic.get(state.topic) ?? [];
        if (!list.includes(state.partition)) list.push(state.partition);
        byTopic.set(state.topic, list);
      }
    }
    for (const key of this.pausedPartitions) {
      const [topic, partition] = key.split("\u0000") as [string, string];
      const list = byTopic.get(topic) ?? [];
      if (!list.includes(Number(partition))) list.push(Number(partition));
      byTopic.set(topic, list);
    }
    return [...byTopic].map(([topic, partitions]) => ({
      topic,
      partitions: partitions.sort((a, b) => a - b),
    }));
  }

  /** Assigned partitions with a position and not paused: what the fetcher asks for. */
  fetchable(): PartitionState[] {
    return this.assignedPartitions.filter(
      (state) => state.position !== null && !this.isPaused(state),
    );
  }

  /** Partitions whose position is unknown: committed offset, reset or timestamp to look up. */
  needingPosition(): PartitionState[] {
    return this.assignedPartitions.filter((state) => state.position === null);
  }

  /** Processed offsets not committed yet. */
  uncommitted(): PartitionState[] {
    return this.assignedPartitions.filter(
      (state) => state.processed !== null && state.processed !== state.committed,
    );
  }
}

/** RegExp.test without the lastIndex state a global or sticky pattern would carry between calls. */
function patternMatches(pattern: RegExp, name: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(name);
}
