/**
 * One partition's log, as Kafka keeps it: a directory of segments, the newest of which
 * (the active segment) takes appends; a log start offset and a log end offset (LEO); a
 * leader epoch cache; recovery after a crash. Operations run one at a time.
 */
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import type { RecordBatchHeader } from "../protocol/records/batch-header.ts";
import { setBatchBaseOffset, setBatchMaxTimestamp, setBatchPartitionLeaderEpoch } from "../protocol/records/batch-rewrite.ts";
import { readLeaderEpochCheckpoint, writeLeaderEpochCheckpoint } from "./checkpoints/leader-epoch-checkpoint.ts";
import { compactLog, type CompactionResult } from "./cleaner/compact-log.ts";
import { StorageError, type FileSystem } from "./fs/file-system.ts";
import { segmentFitProblem, validateBatches } from "./incoming-batches.ts";
import type { LogConfig } from "./log-config.ts";
import { logFailure, storageFailure, type LogFailure, type LogResult } from "./log-errors.ts";
import { LogSegment } from "./log-segment.ts";
import { LeaderEpochCache } from "./leader-epoch-cache.ts";
import { expiredSegmentCount } from "./retention.ts";
import { openSegments } from "./segment-loader.ts";
import { ScratchBytes } from "./scratch-bytes.ts";
import { SerialQueue } from "./serial-queue.ts";

const INT32_MAX = 2_147_483_647n;

export interface PartitionLogOptions {
  fs: FileSystem;
  /** The partition's directory, e.g. "broker-1/orders-0". */
  directory: string;
  config: LogConfig;
  /** From recovery-point-offset-checkpoint: segments from here on are checked. */
  recoveryPoint?: bigint;
  /** From log-start-offset-checkpoint. */
  logStartOffset?: bigint;
  /** True when the broker left a clean-shutdown marker: nothing needs checking. */
  cleanShutdown?: boolean;
  /** Told when storage fails under this log, so the whole log dir can go offline. */
  onStorageError?: (reason: string) => void;
}

export interface AppendInfo {
  firstOffset: bigint;
  lastOffset: bigint;
  /** The broker's time stamped on LogAppendTime topics, else -1. */
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
}

export interface SegmentInfo {
  baseOffset: bigint;
  nextOffset: bigint;
  sizeBytes: number;
  maxTimestamp: bigint;
}

export class PartitionLog {
  private readonly queue = new SerialQueue();
  private readonly appendScratch = new ScratchBytes();
  /** What `read` returns is read into this: valid until the log's next operation. */
  private readonly readBuffer = new ScratchBytes();
  private offlineReason: string | null = null;

  private constructor(
    private readonly fs: FileSystem,
    readonly directory: string,
    private config: LogConfig,
    private segments: LogSegment[],
    private logStart: bigint,
    private recoveredTo: bigint,
    readonly epochs: LeaderEpochCache,
    /** Bytes cut from torn or corrupt tails when the log was opened. */
    readonly truncatedOnOpenBytes: number,
    private readonly onStorageError: (reason: string) => void,
  ) {}

  static async open(options: PartitionLogOptions): Promise<PartitionLog> {
    const { fs, directory, config } = options;
    await fs.mkdir(directory);
    const loaded = await openSegments(fs, directory, config, {
      recoveryPoint: options.cleanShutdown ? null : (options.recoveryPoint ?? 0n),
      emptyLogStartOffset: options.logStartOffset ?? 0n,
    });
    const epochs = new LeaderEpochCache(await readLeaderEpochCheckpoint(fs, `${directory}/leader-epoch-checkpoint`));
    for (const start of loaded.epochStarts) epochs.assign(start.epoch, start.startOffset);
    const firstBase = loaded.segments[0]!.baseOffset;
    const logEnd = loaded.segments.at(-1)!.nextOffset;
    const checkpointedStart = options.logStartOffset ?? firstBase;
    const logStart = checkpointedStart < firstBase ? firstBase : checkpointedStart;
    epochs.truncateFromEnd(logEnd);
    epochs.truncateFromStart(logStart);
    const log = new PartitionLog(
      fs,
      directory,
      config,
      loaded.segments,
      logStart,
      logEnd,
      epochs,
      loaded.truncatedBytes,
      options.onStorageError ?? (() => {}),
    );
    if (logStart > logEnd) {
      // The log lost records it had already deleted up to (a power cut after DeleteRecords):
      // as Kafka does, start empty at the checkpointed log start offset.
      await log.startAt(logStart);
    }
    await log.checkpointEpochs();
    return log;
  }

  get logStartOffset(): bigint {
    return this.logStart;
  }

  get logEndOffset(): bigint {
    return this.activeSegment.nextOffset;
  }

  /** Everything below this offset has been flushed (and need not be checked on restart). */
  get recoveryPoint(): bigint {
    return this.recoveredTo;
  }

  get sizeBytes(): number {
    return this.segments.reduce((sum, segment) => sum + segment.size, 0);
  }

  get isOffline(): boolean {
    return this.offlineReason !== null;
  }

  /** Refuse every later operation with KAFKA_STORAGE_ERROR (the log dir failed). */
  takeOffline(reason: string): void {
    this.offlineReason ??= reason;
  }

  /** How many segments the log has: a roll adds one (asked on every append, so no copies). */
  get segmentCount(): number {
    return this.segments.length;
  }

  segmentInfos(): SegmentInfo[] {
    return this.segments.map((s) => ({ baseOffset: s.baseOffset, nextOffset: s.nextOffset, sizeBytes: s.size, maxTimestamp: s.maxTimestamp }));
  }

  private get activeSegment(): LogSegment {
    return this.segments.at(-1)!;
  }

  setConfig(config: LogConfig): void {
    this.config = config;
  }

  /** Run `operation` in turn; storage failures take the log offline, as in Kafka. */
  private guarded<T>(operation: () => Promise<LogResult<T>>): Promise<LogResult<T>> {
    return this.queue.run(async () => {
      if (this.offlineReason !== null) return storageFailure(this.offlineReason);
      try {
        return await operation();
      } catch (error) {
        if (!(error instanceof StorageError)) throw error;
        this.takeOffline(error.message);
        this.onStorageError(error.message);
        return storageFailure(error.message);
      }
    });
  }

  /**
   * Append a producer's batches as the leader: check them, give them offsets from the LEO,
   * stamp the leader epoch (and the time, for LogAppendTime), then write them.
   */
  appendAsLeader(records: Uint8Array, leaderEpoch: number, nowMs: bigint): Promise<LogResult<AppendInfo>> {
    return this.guarded(async () => {
      const checked = validateBatches(records, this.config.maxMessageBytes);
      if (!checked.ok) return checked;
      const tooLarge = segmentFitProblem(records, this.config.segmentBytes);
      if (tooLarge !== null) return tooLarge;
      // Stamped in a copy, never in the caller's buffer (a network frame the packet
      // inspector may still show); the copy is reused, since storage copies what it writes.
      const bytes = this.appendScratch.copyOf(records);
      const firstOffset = this.logEndOffset;
      let next = firstOffset;
      const logAppendTime = this.config.messageTimestampType === "LogAppendTime";
      // The headers are validateBatches' fresh objects: updated in place, not copied.
      const headers = checked.headers;
      for (const header of headers) {
        setBatchBaseOffset(bytes, header.position, next);
        setBatchPartitionLeaderEpoch(bytes, header.position, leaderEpoch);
        if (logAppendTime) {
          setBatchMaxTimestamp(bytes, header.position, "LogAppendTime", nowMs);
          header.maxTimestamp = nowMs;
        }
        header.baseOffset = next;
        header.lastOffset = next + BigInt(header.lastOffsetDelta);
        header.partitionLeaderEpoch = leaderEpoch;
        next = header.lastOffset + 1n;
      }
      const rolling = this.writeBatches(bytes, headers, nowMs);
      if (rolling !== null) await rolling;
      if (this.epochs.assign(leaderEpoch, firstOffset)) await this.checkpointEpochs();
      return {
        ok: true,
        firstOffset,
        lastOffset: next - 1n,
        logAppendTimeMs: logAppendTime ? nowMs : -1n,
        logStartOffset: this.logStart,
      };
    });
  }

  /** Append a leader's batches as a follower: offsets and epochs are kept as they are. */
  appendAsFollower(records: Uint8Array, nowMs: bigint): Promise<LogResult<AppendInfo>> {
    return this.guarded(async () => {
      const checked = validateBatches(records, this.config.maxMessageBytes);
      if (!checked.ok) return checked;
      let expected = this.logEndOffset;
      for (const header of checked.headers) {
        if (header.baseOffset < expected || header.lastOffset < header.baseOffset) {
          return logFailure(
            ErrorCode.INVALID_RECORD,
            `follower append out of order: batch at offset ${header.baseOffset}, log end is ${expected}`,
          );
        }
        expected = header.lastOffset + 1n;
      }
      // No copy: nothing changes the bytes, and storage copies what it writes.
      const rolling = this.writeBatches(records, checked.headers, nowMs);
      if (rolling !== null) await rolling;
      let epochsChanged = false;
      for (const header of checked.headers) {
        if (header.partitionLeaderEpoch >= 0) epochsChanged = this.epochs.assign(header.partitionLeaderEpoch, header.baseOffset) || epochsChanged;
      }
      if (epochsChanged) await this.checkpointEpochs();
      return { ok: true, firstOffset: checked.headers[0]!.baseOffset, lastOffset: expected - 1n, logAppendTimeMs: -1n, logStartOffset: this.logStart };
    });
  }

  /**
   * Roll first when the batches would not fit the active segment, by Kafka's rules. Only a
   * roll has to wait for storage, so only then is there a promise to await (null
   * otherwise): most appends then finish without a trip through the microtask queue.
   */
  private writeBatches(bytes: Uint8Array, headers: readonly RecordBatchHeader[], nowMs: bigint): Promise<void> | null {
    const first = headers[0]!;
    const last = headers.at(-1)!;
    const maxTimestamp = headers.reduce((max, h) => (h.maxTimestamp > max ? h.maxTimestamp : max), -1n);
    const active = this.activeSegment;
    const tooBig = active.size > 0 && active.size + bytes.length > this.config.segmentBytes;
    const rollingBase = active.firstBatchTimestamp;
    const tooOld = !active.isEmpty && rollingBase !== null && (maxTimestamp > nowMs ? maxTimestamp : nowMs) - rollingBase > BigInt(this.config.segmentMs);
    const offsetOverflow = last.lastOffset - active.baseOffset > INT32_MAX;
    if (!active.isEmpty && (tooBig || tooOld || active.isIndexFull || offsetOverflow)) {
      return this.roll(first.baseOffset).then(() => this.activeSegment.append(bytes, headers));
    }
    this.activeSegment.append(bytes, headers);
    return null;
  }

  /** Close the active segment to appends and start a new one at `baseOffset`. */
  private async roll(baseOffset: bigint): Promise<void> {
    const previous = this.activeSegment;
    this.segments.push(await LogSegment.open(this.fs, this.directory, baseOffset, this.config));
    // A closed segment is flushed, which moves the recovery point past it (as Kafka does).
    await previous.flush();
    this.recoveredTo = baseOffset;
  }

  /** Roll now, e.g. for a test or a lesson; a no-op on an empty active segment. */
  rollNow(): Promise<LogResult<object>> {
    return this.guarded(async () => {
      if (!this.activeSegment.isEmpty) await this.roll(this.logEndOffset);
      return { ok: true };
    });
  }

  /**
   * Whole batches from `offset`, at most `maxBytes` (but at least one batch), none at or
   * past `maxOffset` (the HW, for consumers), from one segment, as Kafka's fetch reads.
   * An offset outside the log is out of range. The bytes may be a view into storage,
   * valid until the log's next operation: encode or copy them at once.
   */
  read(offset: bigint, maxBytes: number, maxOffset = this.logEndOffset): LogResult<{ records: Uint8Array }> | LogFailure {
    if (this.offlineReason !== null) return storageFailure(this.offlineReason);
    if (offset < this.logStart || offset > this.logEndOffset) {
      return logFailure(ErrorCode.OFFSET_OUT_OF_RANGE, `offset ${offset} is outside the log [${this.logStart}, ${this.logEndOffset}]`);
    }
    const empty = { ok: true as const, records: new Uint8Array(0) };
    if (offset >= maxOffset) return empty;
    let index = this.segmentIndexFor(offset);
    for (; index < this.segments.length; index++) {
      const found = this.segments[index]!.read(offset, maxBytes, maxOffset, true, this.readBuffer);
      if (found !== null) return { ok: true, records: found };
    }
    return empty;
  }

  /** The segment whose range holds `offset` (the last one starting at or before it). */
  private segmentIndexFor(offset: bigint): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.segments[middle]!.baseOffset <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** ListOffsets by time: the first batch with a timestamp at or after `timestamp`. */
  offsetForTimestamp(timestamp: bigint): { offset: bigint; timestamp: bigint } | null {
    for (const segment of this.segments) {
      if (segment.maxTimestamp < timestamp) continue;
      const found = segment.findOffsetByTimestamp(timestamp);
      if (found !== null) return { offset: found.offset < this.logStart ? this.logStart : found.offset, timestamp: found.timestamp };
    }
    return null;
  }

  /** ListOffsets MAX_TIMESTAMP: the batch holding the largest timestamp. */
  maxTimestampOffset(): { offset: bigint; timestamp: bigint } | null {
    let best: { offset: bigint; timestamp: bigint } | null = null;
    for (const segment of this.segments) {
      if (segment.maxTimestamp >= 0n && (best === null || segment.maxTimestamp > best.timestamp)) {
        best = { offset: segment.offsetOfMaxTimestamp, timestamp: segment.maxTimestamp };
      }
    }
    return best;
  }

  /**
   * Retention: delete closed segments past `retention.ms` or beyond `retention.bytes`
   * (with cleanup.policy=delete), and any wholly below the log start offset. Never the
   * active segment. Returns the base offsets deleted.
   */
  deleteOldSegments(nowMs: bigint): Promise<LogResult<{ deleted: bigint[] }>> {
    return this.guarded(async () => {
      const count = expiredSegmentCount(this.segments, this.config, this.logStart, nowMs);
      const deleted = this.segments.slice(0, count).map((segment) => segment.baseOffset);
      await this.removeOldest(count);
      return { ok: true, deleted };
    });
  }

  private async removeOldest(count: number): Promise<void> {
    if (count === 0) return;
    const doomed = this.segments.splice(0, count);
    for (const segment of doomed) await segment.delete(this.fs);
    const firstBase = this.segments[0]!.baseOffset;
    if (this.logStart < firstBase) this.logStart = firstBase;
    if (this.epochs.truncateFromStart(this.logStart)) await this.checkpointEpochs();
  }

  /**
   * Compact (cleanup.policy=compact): keep the latest record per key in the closed
   * segments, starting from `firstDirtyOffset` (the cleaner's checkpoint). The active
   * segment is never touched.
   */
  compact(nowMs: bigint, firstDirtyOffset: bigint): Promise<LogResult<CompactionResult>> {
    return this.guarded(async () => {
      if (!this.config.cleanupPolicy.includes("compact") || this.segments.length < 2) {
        return { ok: true, firstDirtyOffset, cleaned: false, recordsRemoved: 0, dirtyRatio: 0 };
      }
      const from = firstDirtyOffset < this.logStart ? this.logStart : firstDirtyOffset;
      const result = await compactLog(this.fs, this.directory, this.segments, this.config, from, nowMs);
      return { ok: true, ...result };
    });
  }

  /** DeleteRecords: move the log start offset up to `offset` (the caller checks the HW). */
  deleteRecordsBefore(offset: bigint): Promise<LogResult<{ logStartOffset: bigint }>> {
    return this.guarded(async () => {
      if (offset > this.logEndOffset) {
        return logFailure(ErrorCode.OFFSET_OUT_OF_RANGE, `offset ${offset} is past the log end ${this.logEndOffset}`);
      }
      if (offset > this.logStart) this.logStart = offset;
      let whollyBelow = 0;
      while (whollyBelow < this.segments.length - 1 && this.segments[whollyBelow + 1]!.baseOffset <= this.logStart) whollyBelow++;
      await this.removeOldest(whollyBelow);
      if (this.epochs.truncateFromStart(this.logStart)) await this.checkpointEpochs();
      return { ok: true, logStartOffset: this.logStart };
    });
  }

  /** Follower truncation: remove everything from `offset` on. */
  truncateTo(offset: bigint): Promise<LogResult<{ logEndOffset: bigint }>> {
    return this.guarded(async () => {
      if (offset < this.logStart) return this.startAt(offset);
      if (offset >= this.logEndOffset) return { ok: true, logEndOffset: this.logEndOffset };
      while (this.segments.length > 1 && this.activeSegment.baseOffset >= offset) {
        await this.segments.pop()!.delete(this.fs);
      }
      this.activeSegment.truncateTo(offset);
      // Make the cut durable at once: after a power cut, cut records must not come back.
      await this.activeSegment.flush();
      if (this.recoveredTo > this.logEndOffset) this.recoveredTo = this.logEndOffset;
      if (this.epochs.truncateFromEnd(this.logEndOffset)) await this.checkpointEpochs();
      return { ok: true, logEndOffset: this.logEndOffset };
    });
  }

  /** Drop the whole log and start empty at `offset` (a follower far behind the leader). */
  truncateFullyAndStartAt(offset: bigint): Promise<LogResult<{ logEndOffset: bigint }>> {
    return this.guarded(() => this.startAt(offset));
  }

  private async startAt(offset: bigint): Promise<LogResult<{ logEndOffset: bigint }>> {
    for (const segment of this.segments.splice(0)) await segment.delete(this.fs);
    this.segments.push(await LogSegment.open(this.fs, this.directory, offset, this.config));
    this.logStart = offset;
    this.recoveredTo = offset;
    this.epochs.truncateFromEnd(-1n);
    await this.checkpointEpochs();
    return { ok: true, logEndOffset: offset };
  }

  /** Flush everything written: the recovery point moves to the LEO. */
  flush(): Promise<LogResult<{ recoveryPoint: bigint }>> {
    return this.guarded(async () => {
      await this.activeSegment.flush();
      this.recoveredTo = this.logEndOffset;
      return { ok: true, recoveryPoint: this.recoveredTo };
    });
  }

  private async checkpointEpochs(): Promise<void> {
    await writeLeaderEpochCheckpoint(this.fs, `${this.directory}/leader-epoch-checkpoint`, this.epochs.all());
  }

  /** Flush and close every file. */
  close(): Promise<LogResult<object>> {
    return this.guarded(async () => {
      await this.activeSegment.flush();
      this.recoveredTo = this.logEndOffset;
      for (const segment of this.segments) await segment.close();
      return { ok: true };
    });
  }
}
