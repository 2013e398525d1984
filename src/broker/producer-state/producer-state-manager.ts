/**
 * One partition's producer state for idempotent and transactional producers (Kafka's
 * ProducerStateManager): per producer id, the epoch, the last 5 batches and the open
 * transaction. The leader checks each client batch against it before appending (a retry
 * gets its original offsets, a zombie or a gap gets Kafka's error); leader and followers
 * record every batch once it is in the log. Snapshots (`<offset>.snapshot`, Kafka's format)
 * make the state survive a restart: recovery loads the newest usable one and replays the
 * log from there to its end.
 *
 * The caller keeps the state in step with the log: `recordAppended` for every batch in log
 * order, `takeSnapshot` at an offset no earlier than the last batch recorded, and
 * `truncateAndReload` whenever the log is cut or its start moves.
 */
import { NO_PRODUCER_ID } from "../../protocol/records/batch-layout.ts";
import { SerialQueue } from "../../log/serial-queue.ts";
import type { FileSystem } from "../../log/fs/file-system.ts";
import { readEndTransactionMarker } from "./end-transaction-marker.ts";
import { forEachLogBatch, type ProducerStateLog } from "./log-batches.ts";
import { encodeProducerSnapshot } from "./producer-snapshot-file.ts";
import { ProducerSnapshotStore } from "./producer-snapshot-store.ts";
import { ProducerStateEntry } from "./producer-state-entry.ts";
import { checkBatch, type BatchIdentity, type SequenceCheck } from "./sequence-check.ts";

export type { BatchIdentity, SequenceCheck } from "./sequence-check.ts";

/** producer.id.expiration.ms: forget a producer idle this long (Kafka's default, 1 day). */
export const DEFAULT_PRODUCER_ID_EXPIRATION_MS = 86_400_000;
/** Snapshots kept per partition: the newest, and one older in case the log lost its tail. */
export const DEFAULT_SNAPSHOTS_RETAINED = 2;
/**
 * The playground's bound on producers remembered per partition (Kafka bounds them by
 * producer.id.expiration.ms alone). Past it, idle producers are expired early, oldest first.
 */
export const DEFAULT_MAX_PRODUCER_IDS = 10_000;

export interface ProducerStateManagerOptions {
  fs: FileSystem;
  /** The partition's directory, where its segments are. */
  directory: string;
  producerIdExpirationMs?: number;
  snapshotsRetained?: number;
  maxProducerIds?: number;
}

/** One producer as DescribeProducers reports it. */
export interface ActiveProducer {
  producerId: bigint;
  producerEpoch: number;
  lastSequence: number;
  lastTimestamp: bigint;
  coordinatorEpoch: number;
  /** -1 when no transaction is open. */
  currentTxnStartOffset: bigint;
}

export class ProducerStateManager {
  private readonly producers = new Map<bigint, ProducerStateEntry>();
  /** Kafka's lastMapOffset: the state covers the log below this offset. */
  private mapEnd = 0n;
  /** Kafka's lastSnapOffset: the offset of the newest snapshot written or loaded. */
  private lastSnapshotOffset = 0n;
  /** Snapshot file operations, one at a time. */
  private readonly fileQueue = new SerialQueue();

  private constructor(
    private readonly store: ProducerSnapshotStore,
    private readonly producerIdExpirationMs: number,
    private readonly snapshotsRetained: number,
    private readonly maxProducerIds: number,
  ) {}

  static async open(options: ProducerStateManagerOptions): Promise<ProducerStateManager> {
    const snapshotsRetained = options.snapshotsRetained ?? DEFAULT_SNAPSHOTS_RETAINED;
    const maxProducerIds = options.maxProducerIds ?? DEFAULT_MAX_PRODUCER_IDS;
    if (snapshotsRetained < 1 || maxProducerIds < 1)
      throw new Error("snapshotsRetained and maxProducerIds must be at least 1");
    return new ProducerStateManager(
      await ProducerSnapshotStore.open(options.fs, options.directory),
      options.producerIdExpirationMs ?? DEFAULT_PRODUCER_ID_EXPIRATION_MS,
      snapshotsRetained,
      maxProducerIds,
    );
  }

  /** The state covers the log below this offset (Kafka's mapEndOffset). */
  get mapEndOffset(): bigint {
    return this.mapEnd;
  }

  /** Offsets with a snapshot file, oldest first. */
  snapshotOffsets(): readonly bigint[] {
    return this.store.list();
  }

  /** Leader side, before appending a batch from a client. */
  check(batch: BatchIdentity): SequenceCheck {
    return checkBatch(this.producers.get(batch.producerId), batch);
  }

  /** After a batch is in the log (leader or follower): remember it (last 5 batches per producer). */
  recordAppended(
    batch: BatchIdentity,
    firstOffset: bigint,
    lastOffset: bigint,
    timestampMs: bigint,
    nowMs: number,
  ): void {
    this.advanceMapEnd(lastOffset + 1n);
    if (batch.producerId === NO_PRODUCER_ID) return;
    const entry = this.entryFor(batch.producerId, nowMs);
    // Replicas and recovery trust the log (Kafka's REPLICATION origin): no checks here.
    entry.addBatch(batch.producerEpoch, {
      firstSequence: batch.baseSequence,
      lastSequence: batch.lastSequence,
      firstOffset,
      lastOffset,
      timestampMs,
    });
    if (batch.isTransactional && entry.currentTxnFirstOffset === null)
      entry.currentTxnFirstOffset = firstOffset;
  }

  /**
   * After a transaction marker (COMMIT or ABORT) is in the log at `offset`: the producer's
   * transaction is over, and `coordinatorEpoch` is the newest coordinator it has heard from.
   */
  recordTransactionMarker(
    producerId: bigint,
    producerEpoch: number,
    coordinatorEpoch: number,
    offset: bigint,
    timestampMs: bigint,
    nowMs: number,
  ): void {
    this.advanceMapEnd(offset + 1n);
    const entry = this.entryFor(producerId, nowMs);
    entry.updateEpoch(producerEpoch);
    entry.coordinatorEpoch = coordinatorEpoch;
    entry.lastTimestampMs = timestampMs;
    entry.currentTxnFirstOffset = null;
  }

  private advanceMapEnd(offset: bigint): void {
    if (offset > this.mapEnd) this.mapEnd = offset;
  }

  private entryFor(producerId: bigint, nowMs: number): ProducerStateEntry {
    const known = this.producers.get(producerId);
    if (known !== undefined) return known;
    if (this.producers.size >= this.maxProducerIds) this.makeRoom(nowMs);
    const entry = new ProducerStateEntry(producerId);
    this.producers.set(producerId, entry);
    return entry;
  }

  /** Expire idle producers; if none is, forget the one idle longest. */
  private makeRoom(nowMs: number): void {
    this.expire(nowMs);
    if (this.producers.size < this.maxProducerIds) return;
    let oldest: ProducerStateEntry | null = null;
    for (const entry of this.producers.values()) {
      if (oldest === null || entry.lastTimestampMs < oldest.lastTimestampMs) oldest = entry;
    }
    this.producers.delete(oldest!.producerId);
  }

  private isExpired(entry: ProducerStateEntry, nowMs: number): boolean {
    return (
      entry.currentTxnFirstOffset === null &&
      BigInt(nowMs) - entry.lastTimestampMs >= BigInt(this.producerIdExpirationMs)
    );
  }

  /** Forget producers without an open transaction idle for producer.id.expiration.ms. */
  expire(nowMs: number): void {
    for (const [producerId, entry] of this.producers) {
      if (this.isExpired(entry, nowMs)) this.producers.delete(producerId);
    }
  }

  /** For DescribeProducers. */
  activeProducers(): ActiveProducer[] {
    return [...this.producers.values()].map((entry) => ({
      producerId: entry.producerId,
      producerEpoch: entry.producerEpoch,
      lastSequence: entry.lastSequence,
      lastTimestamp: entry.lastTimestampMs,
      coordinatorEpoch: entry.coordinatorEpoch,
      currentTxnStartOffset: entry.currentTxnFirstOffset ?? -1n,
    }));
  }

  /**
   * Write `<endOffset>.snapshot` holding the state as it is now, which must cover exactly the
   * log below `endOffset` (call it on segment roll and clean shutdown); keep only the newest
   * few. Nothing is written when no offset was added since the last snapshot (Kafka).
   * Storage failures reject with the file system's StorageError.
   */
  async takeSnapshot(endOffset: bigint): Promise<void> {
    if (endOffset < this.mapEnd) {
      throw new Error(
        `a snapshot at ${endOffset} would hold batches recorded up to ${this.mapEnd - 1n}`,
      );
    }
    this.mapEnd = endOffset;
    if (endOffset <= this.lastSnapshotOffset) return;
    // Encoded now, before any await: later appends must not leak into this snapshot.
    const bytes = encodeProducerSnapshot(this.producers.values());
    const previous = this.lastSnapshotOffset;
    this.lastSnapshotOffset = endOffset;
    try {
      await this.fileQueue.run(async () => {
        await this.store.write(endOffset, bytes);
        await this.store.retainNewest(this.snapshotsRetained);
      });
    } catch (error) {
      // Not written: a later call may try this offset again.
      if (this.lastSnapshotOffset === endOffset) this.lastSnapshotOffset = previous;
      throw error;
    }
  }

  /** Rebuild after open: load the newest snapshot within the log, then replay the log's batches from there to its end. */
  recover(log: ProducerStateLog, nowMs: number): Promise<void> {
    return this.rebuild(log, nowMs, true);
  }

  /** After the log truncates (follower on leader change) or its start moves: drop snapshots past the offset and rebuild. */
  truncateAndReload(log: ProducerStateLog, nowMs: number): Promise<void> {
    return this.rebuild(log, nowMs, false);
  }

  /** Kafka's truncateAndReload followed by rebuildProducerState's replay of the log. */
  private async rebuild(log: ProducerStateLog, nowMs: number, always: boolean): Promise<void> {
    const logStart = log.logStartOffset;
    const logEnd = log.logEndOffset;
    // A snapshot past the end describes records the log no longer has; one at or below the
    // start, records it deleted (Kafka drops both).
    await this.fileQueue.run(() =>
      this.store.deleteWhere((offset) => offset > logEnd || offset <= logStart),
    );
    if (!always && logEnd === this.mapEnd) {
      // Only the start moved: the state is still right (Kafka's onLogStartOffsetIncremented).
      this.advanceMapEnd(logStart);
      this.lastSnapshotOffset = this.store.latestOffset ?? logStart;
      return;
    }
    const loaded = await this.fileQueue.run(() => this.store.loadNewest());
    // From here to the snapshot below nothing awaits: no append can interleave with the rebuild.
    this.producers.clear();
    for (const entry of loaded?.entries ?? []) {
      if (!this.isExpired(entry, nowMs)) this.producers.set(entry.producerId, entry);
    }
    this.mapEnd = loaded?.offset ?? logStart;
    this.lastSnapshotOffset = this.mapEnd;
    const replayEnd = log.logEndOffset;
    forEachLogBatch(log, this.mapEnd, replayEnd, (header, bytes) => {
      if (header.producerId === NO_PRODUCER_ID) return;
      if (!header.isControl) {
        this.recordAppended(
          header,
          header.baseOffset,
          header.lastOffset,
          header.maxTimestamp,
          nowMs,
        );
        return;
      }
      const marker = readEndTransactionMarker(bytes, header);
      if (marker !== null) {
        this.recordTransactionMarker(
          header.producerId,
          header.producerEpoch,
          marker.coordinatorEpoch,
          header.baseOffset,
          marker.timestampMs,
          nowMs,
        );
      }
    });
    await this.takeSnapshot(replayEnd);
  }
}
