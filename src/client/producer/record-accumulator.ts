/**
 * Kafka's RecordAccumulator: per partition, a queue of batches up to batch.size. A batch is
 * ready when it is full (or another batch waits behind it), when linger.ms has passed
 * since it was created (or its retry back-off since it failed), when memory is short,
 * or on flush; the Sender then drains, per leader, at most one batch per partition into
 * each Produce request. Keyless records get their partition here, from the built-in
 * sticky partitioner, which watches these queues to steer away from slow brokers.
 * Memory is bounded by buffer.memory (see BufferPool), and so is every queue.
 */
import type { ClusterMetadata, PartitionInfo } from "../cluster/cluster-metadata.ts";
import type { ClientIo } from "../client-io.ts";
import { BufferPool } from "./buffer-pool.ts";
import type { IdempotentState } from "./idempotent-state.ts";
import {
  ProducerBatch,
  recordUpperBoundBytes,
  type BatchRoute,
  type RecordListener,
  type SerializedRecord,
} from "./producer-batch.ts";
import { ProducerError } from "./producer-error.ts";
import { StickyPartitioner } from "./partitioners/sticky-partitioner.ts";

export interface AccumulatorConfig {
  batchSize: number;
  lingerMs: number;
  deliveryTimeoutMs: number;
  bufferMemory: number;
  maxBlockMs: number;
  adaptivePartitioning: boolean;
}

/**
 * What an append did. "batch-ready": it made a batch ready to go (it filled one, or started
 * a new one because the last was full, or started the partition's first): wake the sender.
 * Only then: under load, batches queued before were ready already and the sender was
 * woken for them, and waking it for every record costs a pass over every partition per
 * record. "appended": in a batch that keeps filling. "no-memory": nothing done, a new batch
 * needs buffer memory that is not free now (append() waits for it).
 */
export type AppendOutcome = "appended" | "batch-ready" | "no-memory";

export interface ReadyCheck {
  readyNodes: Set<number>;
  /** When to look again for batches that are not ready yet (Infinity: nothing waits). */
  nextReadyCheckDelayMs: number;
  unknownLeaderTopics: Set<string>;
}

interface TopicQueues {
  queues: Map<number, ProducerBatch[]>;
  sticky: StickyPartitioner;
}

function sameRoute(a: BatchRoute, b: BatchRoute): boolean {
  return a.acks === b.acks && a.timeoutMs === b.timeoutMs && a.compression === b.compression;
}

function allBatchesFull(deque: readonly ProducerBatch[]): boolean {
  const last = deque[deque.length - 1];
  return last === undefined || last.isFull;
}

export class RecordAccumulator {
  readonly pool: BufferPool;
  private readonly topics = new Map<string, TopicQueues>();
  private readonly incomplete = new Set<ProducerBatch>();
  /** Partitions with a request in flight when order must be kept without idempotence. */
  private readonly muted = new Set<string>();
  private readonly drainStart = new Map<number, number>();
  private flushesInProgress = 0;
  private closed = false;

  constructor(
    private readonly config: AccumulatorConfig,
    private readonly io: ClientIo,
    private readonly idempotence: IdempotentState | null,
  ) {
    this.pool = new BufferPool(config.bufferMemory, io, config.batchSize);
  }

  /**
   * Adds a record to its partition's last batch, or a new one, without waiting: "no-memory"
   * when a new batch is needed and buffer.memory has no room for it now (or earlier sends
   * wait for memory already). `partition` -1 lets the sticky partitioner choose among
   * `partitions`.
   */
  tryAppend(
    topic: string,
    partition: number,
    record: SerializedRecord,
    listener: RecordListener,
    route: BatchRoute,
    partitions: readonly PartitionInfo[],
  ): AppendOutcome {
    return this.place(topic, partition, record, listener, route, partitions, 0);
  }

  /** As tryAppend, but waits (at most max.block.ms, first come first served) for memory. */
  async append(
    topic: string,
    partition: number,
    record: SerializedRecord,
    listener: RecordListener,
    route: BatchRoute,
    partitionsOf: () => readonly PartitionInfo[],
  ): Promise<AppendOutcome> {
    let outcome = this.tryAppend(topic, partition, record, listener, route, partitionsOf());
    while (outcome === "no-memory") {
      const bytes = Math.max(this.config.batchSize, recordUpperBoundBytes(record));
      await this.pool.reserve(bytes, this.config.maxBlockMs);
      // The queues may have changed while we waited.
      outcome = this.place(topic, partition, record, listener, route, partitionsOf(), bytes);
    }
    return outcome;
  }

  /**
   * The append itself. `heldBytes` (0 or a reservation already made for this record) go to
   * a new batch if one is needed, or back to the pool if not.
   */
  private place(
    topic: string,
    partition: number,
    record: SerializedRecord,
    listener: RecordListener,
    route: BatchRoute,
    partitions: readonly PartitionInfo[],
    heldBytes: number,
  ): AppendOutcome {
    let reservedBytes = heldBytes;
    try {
      if (this.closed)
        throw new ProducerError("KafkaException", "Producer closed while send in progress");
      const topicQueues = this.topicQueues(topic);
      while (true) {
        const sticky = partition < 0 ? topicQueues.sticky.peek(partitions) : null;
        const target = sticky?.partition ?? partition;
        const deque = this.deque(topicQueues, target);
        if (sticky !== null && allBatchesFull(deque)) {
          // A switch put off while the last batch was filling can happen now.
          topicQueues.sticky.update(sticky, 0, partitions, true);
          if (topicQueues.sticky.isChanged(sticky)) continue;
        }
        const last = deque[deque.length - 1];
        if (last !== undefined && !sameRoute(last.route, route)) last.closed = true;
        const appended = last === undefined ? 0 : last.tryAppend(record, listener);
        if (appended > 0) {
          topicQueues.sticky.update(sticky, appended, partitions, allBatchesFull(deque));
          return last!.isFull ? "batch-ready" : "appended";
        }
        if (reservedBytes === 0) {
          const bytes = Math.max(this.config.batchSize, recordUpperBoundBytes(record));
          if (!this.pool.tryReserve(bytes)) return "no-memory";
          reservedBytes = bytes;
        }
        const batch = new ProducerBatch(
          topic,
          target,
          route,
          this.io.nowMs(),
          this.config.batchSize,
          reservedBytes,
          this.pool.bufferFor(reservedBytes),
        );
        reservedBytes = 0;
        const size = batch.tryAppend(record, listener);
        deque.push(batch);
        this.incomplete.add(batch);
        topicQueues.sticky.update(sticky, size, partitions, allBatchesFull(deque));
        return "batch-ready";
      }
    } finally {
      if (reservedBytes > 0) this.pool.release(reservedBytes);
    }
  }

  /** Kafka's RecordAccumulator.ready: the leaders that have a batch to send now. */
  ready(metadata: ClusterMetadata, nowMs: number): ReadyCheck {
    const readyNodes = new Set<number>();
    const unknownLeaderTopics = new Set<string>();
    let nextReadyCheckDelayMs = Infinity;
    const exhausted = this.pool.queued > 0;
    for (const [topic, topicQueues] of this.topics) {
      const partitions = metadata.topics.get(topic)?.partitions ?? [];
      // Adaptive partitioning only once every partition has had a queue (as Kafka does).
      const collectStats =
        this.config.adaptivePartitioning &&
        partitions.length > 0 &&
        topicQueues.queues.size >= partitions.length;
      const queueSizes: number[] = [];
      const partitionIds: number[] = [];
      for (const [partition, deque] of topicQueues.queues) {
        const leader = partitions[partition]?.leader ?? -1;
        if (leader >= 0 && collectStats) {
          queueSizes.push(deque.length);
          partitionIds.push(partition);
        }
        const first = deque[0];
        if (first === undefined) continue;
        if (leader < 0) {
          unknownLeaderTopics.add(topic);
          continue;
        }
        if (readyNodes.has(leader) || this.isMuted(topic, partition)) continue;
        const waitedMs = nowMs - first.lastAttemptMs;
        const backingOff = first.attempts > 0 && waitedMs < first.retryBackoffMs;
        const timeToWaitMs = backingOff ? first.retryBackoffMs : this.config.lingerMs;
        const full = deque.length > 1 || first.isFull;
        const sendable =
          full ||
          waitedMs >= timeToWaitMs ||
          exhausted ||
          this.closed ||
          this.flushesInProgress > 0;
        if (sendable && !backingOff) readyNodes.add(leader);
        else
          nextReadyCheckDelayMs = Math.min(
            nextReadyCheckDelayMs,
            Math.max(timeToWaitMs - waitedMs, 0),
          );
      }
      topicQueues.sticky.updateLoadStats(
        collectStats ? queueSizes : null,
        partitionIds,
        topicQueues.queues.size,
      );
    }
    return { readyNodes, nextReadyCheckDelayMs, unknownLeaderTopics };
  }

  /**
   * Kafka's drainBatchesForOneNode: the first batch of each partition `nodeId` leads, up to
   * `maxSize` bytes (one batch always goes), starting at a different partition each time so
   * none starves. Idempotent batches get their sequence here, on their first drain.
   */
  drain(
    metadata: ClusterMetadata,
    nodeId: number,
    maxSize: number,
    nowMs: number,
  ): ProducerBatch[] {
    const led: ProducerBatch[][] = [];
    for (const [topic, topicQueues] of this.topics) {
      const partitions = metadata.topics.get(topic)?.partitions ?? [];
      for (const [partition, deque] of topicQueues.queues) {
        if (deque.length > 0 && partitions[partition]?.leader === nodeId) led.push(deque);
      }
    }
    const drained: ProducerBatch[] = [];
    if (led.length === 0) return drained;
    const start = (this.drainStart.get(nodeId) ?? 0) % led.length;
    this.drainStart.set(nodeId, start + 1);
    let size = 0;
    for (let step = 0; step < led.length; step++) {
      const deque = led[(start + step) % led.length]!;
      const first = deque[0]!;
      if (this.isMuted(first.topic, first.partition)) continue;
      if (first.attempts > 0 && nowMs - first.lastAttemptMs < first.retryBackoffMs) continue;
      if (size + first.estimatedBytes > maxSize && drained.length > 0) break;
      if (this.idempotence?.mustWait(first)) continue;
      deque.shift();
      this.idempotence?.assignSequence(first);
      first.closed = true;
      first.inFlight = true;
      size += first.estimatedBytes;
      drained.push(first);
    }
    return drained;
  }

  /** A batch failed with a retriable error: back to the front of its queue, after `backoffMs`. */
  reenqueue(batch: ProducerBatch, nowMs: number, backoffMs: number): void {
    batch.attempts += 1;
    batch.lastAttemptMs = nowMs;
    batch.retryBackoffMs = backoffMs;
    batch.inFlight = false;
    const deque = this.deque(this.topicQueues(batch.topic), batch.partition);
    if (this.idempotence === null || !batch.hasSequence) {
      deque.unshift(batch);
      return;
    }
    // Keep the queue in sequence order: retries can come back in any order.
    let index = 0;
    while (
      index < deque.length &&
      deque[index]!.hasSequence &&
      deque[index]!.baseSequence < batch.baseSequence
    )
      index++;
    deque.splice(index, 0, batch);
  }

  /** Batches past delivery.timeout.ms, from the front of each queue (Kafka's expiredBatches). */
  expiredBatches(nowMs: number): { expired: ProducerBatch[]; nextExpiryMs: number } {
    const expired: ProducerBatch[] = [];
    let nextExpiryMs = Infinity;
    for (const topicQueues of this.topics.values()) {
      for (const deque of topicQueues.queues.values()) {
        while (deque.length > 0) {
          const first = deque[0]!;
          if (!first.hasReachedDeliveryTimeout(this.config.deliveryTimeoutMs, nowMs)) {
            nextExpiryMs = Math.min(nextExpiryMs, first.createdMs + this.config.deliveryTimeoutMs);
            break;
          }
          deque.shift();
          expired.push(first);
        }
      }
    }
    return { expired, nextExpiryMs };
  }

  /** The batch is done (no request will encode it again): its memory goes back to the pool. */
  deallocate(batch: ProducerBatch): void {
    if (this.incomplete.delete(batch)) this.pool.release(batch.reservedBytes, batch.buffer);
  }

  private isMuted(topic: string, partition: number): boolean {
    return this.muted.size > 0 && this.muted.has(`${topic}\u0000${partition}`);
  }

  mute(batch: ProducerBatch): void {
    this.muted.add(`${batch.topic}\u0000${batch.partition}`);
  }

  unmute(batch: ProducerBatch): void {
    this.muted.delete(`${batch.topic}\u0000${batch.partition}`);
  }

  /** Batches not done yet (queued or in flight). */
  incompleteBatches(): ProducerBatch[] {
    return [...this.incomplete];
  }

  beginFlush(): void {
    this.flushesInProgress++;
  }

  endFlush(): void {
    this.flushesInProgress--;
  }

  /** No more appends; everything queued counts as ready. */
  close(): void {
    this.closed = true;
  }

  /** Fails every batch still queued (not those in flight). */
  abortQueued(error: Error): ProducerBatch[] {
    const aborted: ProducerBatch[] = [];
    for (const topicQueues of this.topics.values()) {
      for (const deque of topicQueues.queues.values()) aborted.push(...deque.splice(0));
    }
    return aborted.map((batch) => (batch.fail(error), batch));
  }

  private topicQueues(topic: string): TopicQueues {
    let topicQueues = this.topics.get(topic);
    if (topicQueues === undefined) {
      topicQueues = {
        queues: new Map(),
        sticky: new StickyPartitioner(Math.max(1, this.config.batchSize), () => this.io.random()),
      };
      this.topics.set(topic, topicQueues);
    }
    return topicQueues;
  }

  private deque(topicQueues: TopicQueues, partition: number): ProducerBatch[] {
    let deque = topicQueues.queues.get(partition);
    if (deque === undefined) topicQueues.queues.set(partition, (deque = []));
    return deque;
  }
}
