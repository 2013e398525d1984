/**
 * The `__cluster_metadata-0` log as Raft sees it (Kafka's ReplicatedLog over a
 * PartitionLog): batches carry the Raft epoch as their partition leader epoch, so the
 * leader epoch cache is Raft's epoch history. It answers the questions the protocol asks —
 * the last fetched epoch, where an epoch ended, whether a follower's log diverged — and
 * flushes every append, because a Raft acknowledgement (a follower's next fetch offset,
 * the leader's own end offset) must only count records that survive a crash.
 */
import type { FileSystem } from "../../log/fs/file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG, type LogConfig } from "../../log/log-config.ts";
import type { LogResult } from "../../log/log-errors.ts";
import { PartitionLog } from "../../log/partition-log.ts";
import { UNDEFINED_EPOCH } from "../../log/leader-epoch-cache.ts";
import { MAX_BATCH_BYTES } from "./raft-config.ts";

/** The metadata log never expires by time or size: only snapshots may trim it (not modelled). */
export const METADATA_LOG_CONFIG: LogConfig = {
  ...KAFKA_DEFAULT_LOG_CONFIG,
  retentionMs: -1,
  retentionBytes: -1,
  maxMessageBytes: MAX_BATCH_BYTES,
};

export interface OffsetAndEpoch {
  offset: bigint;
  epoch: number;
}

export type FetchPosition =
  { kind: "valid" } | { kind: "diverging"; divergingEpoch: OffsetAndEpoch };

export class RaftLog {
  private constructor(private readonly log: PartitionLog) {}

  static async open(fs: FileSystem, directory: string): Promise<RaftLog> {
    return new RaftLog(await PartitionLog.open({ fs, directory, config: METADATA_LOG_CONFIG }));
  }

  get endOffset(): bigint {
    return this.log.logEndOffset;
  }

  get startOffset(): bigint {
    return this.log.logStartOffset;
  }

  /** The epoch of the last batch in the log, 0 for an empty log (Kafka's lastFetchedEpoch). */
  get lastFetchedEpoch(): number {
    return this.log.epochs.latestEpoch ?? 0;
  }

  /**
   * The largest epoch at most `epoch` in this log and the offset it ended at; when the log
   * knows no such epoch, its end offset and last epoch (KafkaMetadataLog.endOffsetForEpoch).
   */
  endOffsetForEpoch(epoch: number): OffsetAndEpoch {
    const found = this.log.epochs.endOffsetFor(epoch, this.endOffset);
    if (found.epoch === UNDEFINED_EPOCH)
      return { offset: this.endOffset, epoch: this.lastFetchedEpoch };
    return { offset: found.endOffset, epoch: found.epoch };
  }

  /**
   * Whether a follower at `fetchOffset`, whose last batch has `lastFetchedEpoch`, agrees
   * with this (the leader's) log; if not, where its log must be cut back to.
   */
  validateFetchPosition(fetchOffset: bigint, lastFetchedEpoch: number): FetchPosition {
    if (fetchOffset === 0n && this.startOffset === 0n) return { kind: "valid" };
    const end = this.endOffsetForEpoch(lastFetchedEpoch);
    if (end.epoch !== lastFetchedEpoch || end.offset < fetchOffset)
      return { kind: "diverging", divergingEpoch: end };
    return { kind: "valid" };
  }

  /**
   * The follower's side of a divergence: cut the log where the leader's epoch ended, or
   * where this log's own history of that epoch ends, whichever is first (KIP-595).
   */
  truncationOffsetFor(diverging: OffsetAndEpoch): bigint {
    if (diverging.epoch === 0)
      return diverging.offset < this.endOffset ? diverging.offset : this.endOffset;
    const local = this.endOffsetForEpoch(diverging.epoch);
    if (local.epoch !== diverging.epoch) return local.offset;
    return local.offset < diverging.offset ? local.offset : diverging.offset;
  }

  async truncateTo(offset: bigint): Promise<LogResult<{ logEndOffset: bigint }>> {
    return this.log.truncateTo(offset);
  }

  async appendAsLeader(
    batch: Uint8Array,
    epoch: number,
    nowMs: number,
  ): Promise<LogResult<{ lastOffset: bigint }>> {
    const appended = await this.log.appendAsLeader(batch, epoch, BigInt(nowMs));
    if (!appended.ok) return appended;
    const flushed = await this.log.flush();
    if (!flushed.ok) return flushed;
    return { ok: true, lastOffset: appended.lastOffset };
  }

  async appendAsFollower(
    records: Uint8Array,
    nowMs: number,
  ): Promise<LogResult<{ lastOffset: bigint }>> {
    const appended = await this.log.appendAsFollower(records, BigInt(nowMs));
    if (!appended.ok) return appended;
    const flushed = await this.log.flush();
    if (!flushed.ok) return flushed;
    return { ok: true, lastOffset: appended.lastOffset };
  }

  /**
   * Whole batches from `offset`, at most `maxBytes` (at least one batch), none at or past
   * `maxOffset`. A copy: the log reuses its read buffer.
   */
  read(
    offset: bigint,
    maxBytes: number,
    maxOffset = this.endOffset,
  ): LogResult<{ records: Uint8Array }> {
    const found = this.log.read(offset, maxBytes, maxOffset);
    if (!found.ok) return found;
    return { ok: true, records: found.records.slice() };
  }

  async close(): Promise<void> {
    await this.log.close();
  }
}
