/**
 * One segment of a partition log: the `.log` file of record batches exactly as they
 * travel on the wire, plus its offset and time indexes. A segment only ever grows at the
 * end; it shrinks only by truncation (followers, recovery).
 */
import { computeRecordBatchCrc, readRecordBatchHeader, type RecordBatchHeader } from "../protocol/records/batch-header.ts";
import type { FileSystem, StorageFile } from "./fs/file-system.ts";
import type { LogConfig } from "./log-config.ts";
import { OffsetIndex } from "./offset-index.ts";
import { LOG_SUFFIX, OFFSET_INDEX_SUFFIX, segmentPath, TIME_INDEX_SUFFIX } from "./segment-files.ts";
import { TimeIndex } from "./time-index.ts";

/** How much of the log a header scan reads at a time. */
const SCAN_WINDOW_BYTES = 64 * 1024;

export interface SegmentBatch {
  /** The batch's header; its own `position` is within `bytes`' window, not the file. */
  header: RecordBatchHeader;
  /** The batch's byte position in the segment's .log. */
  position: number;
  /** The whole batch. */
  bytes: Uint8Array;
}

export interface RecoveryResult {
  /** Bytes cut from the end because they were not whole, valid batches. */
  truncatedBytes: number;
  /** Leader epochs found, in order, with the first offset of each (to rebuild the cache). */
  epochStarts: { epoch: number; startOffset: bigint }[];
}

export class LogSegment {
  private sizeBytes: number;
  private bytesSinceLastIndexEntry = 0;
  /** The largest timestamp in the segment and the last offset of the batch holding it. */
  maxTimestamp = -1n;
  offsetOfMaxTimestamp = -1n;
  /** The first batch's max timestamp: segment.ms rolls relative to it. */
  firstBatchTimestamp: bigint | null = null;
  /** The offset the next batch appended here will start at. */
  nextOffset: bigint;

  private constructor(
    readonly baseOffset: bigint,
    readonly log: StorageFile,
    readonly offsetIndex: OffsetIndex,
    readonly timeIndex: TimeIndex,
    private readonly config: LogConfig,
  ) {
    this.sizeBytes = log.size();
    this.nextOffset = baseOffset;
  }

  /** Open (or create) the segment's three files. Call `recover` or `loadIndexes` next. */
  static async open(fs: FileSystem, directory: string, baseOffset: bigint, config: LogConfig): Promise<LogSegment> {
    const [log, index, timeIndex] = await Promise.all(
      [LOG_SUFFIX, OFFSET_INDEX_SUFFIX, TIME_INDEX_SUFFIX].map((suffix) =>
        fs.open(segmentPath(directory, baseOffset, suffix), { create: true }),
      ),
    );
    return new LogSegment(
      baseOffset,
      log!,
      new OffsetIndex(index!, baseOffset, config.segmentIndexBytes),
      new TimeIndex(timeIndex!, baseOffset, config.segmentIndexBytes),
      config,
    );
  }

  get size(): number {
    return this.sizeBytes;
  }

  get isEmpty(): boolean {
    return this.sizeBytes === 0;
  }

  get isIndexFull(): boolean {
    return this.offsetIndex.isFull || this.timeIndex.isFull;
  }

  /**
   * Append whole, already validated batches (their offsets final) at the end. Index
   * entries are added once `index.interval.bytes` of log have passed since the last one.
   */
  append(batches: Uint8Array, headers: readonly RecordBatchHeader[]): void {
    const start = this.sizeBytes;
    this.log.write(start, batches);
    this.sizeBytes = start + batches.length;
    for (const header of headers) this.noteBatch(header, start + header.position);
  }

  /** Update the in-memory facts and indexes for one batch now in the file. */
  private noteBatch(header: RecordBatchHeader, position: number): void {
    if (this.firstBatchTimestamp === null) this.firstBatchTimestamp = header.maxTimestamp;
    if (header.maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = header.maxTimestamp;
      this.offsetOfMaxTimestamp = header.lastOffset;
    }
    this.nextOffset = header.lastOffset + 1n;
    if (this.bytesSinceLastIndexEntry > this.config.indexIntervalBytes) {
      this.offsetIndex.append(header.lastOffset, position);
      this.timeIndex.maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp);
      this.bytesSinceLastIndexEntry = 0;
    }
    this.bytesSinceLastIndexEntry += header.sizeInBytes;
  }

  /**
   * Batches from byte `position` on, read in windows of the file; stops at the end, at a
   * torn tail or at a damaged header. `bytes` is a view valid until the next write.
   */
  *batchesFrom(position: number, end = this.sizeBytes): Generator<SegmentBatch> {
    let at = position;
    while (at < end) {
      const window = this.log.read(at, Math.min(SCAN_WINDOW_BYTES, end - at));
      let inWindow = 0;
      while (inWindow < window.length) {
        const header = readRecordBatchHeader(window, inWindow);
        if (!header.ok) {
          if (header.error.kind !== "truncated") return;
          break; // the batch runs past this window
        }
        const size = header.value.sizeInBytes;
        yield { header: header.value, position: at + inWindow, bytes: window.subarray(inWindow, inWindow + size) };
        inWindow += size;
      }
      if (inWindow === 0) {
        // One batch larger than the window: read it whole, if the log holds it whole.
        const size = peekSize(this.log.read(at, 12));
        if (size <= 12 || at + size > end) return;
        const whole = this.log.read(at, size);
        const header = readRecordBatchHeader(whole, 0);
        if (!header.ok) return;
        yield { header: header.value, position: at, bytes: whole };
        inWindow = size;
      }
      at += inWindow;
    }
  }

  /** The position of the first batch whose last offset is at least `offset`, or null. */
  findBatch(offset: bigint): SegmentBatch | null {
    const start = this.offsetIndex.lookup(offset);
    for (const batch of this.batchesFrom(start.position)) {
      if (batch.header.lastOffset >= offset) return batch;
    }
    return null;
  }

  /**
   * Whole batches starting with the one holding `offset`, up to `maxBytes` (but at least
   * one batch when `minOneBatch`), none starting at or after `maxOffset`. A view into
   * storage: copy before keeping it.
   */
  read(offset: bigint, maxBytes: number, maxOffset: bigint, minOneBatch: boolean): Uint8Array | null {
    const first = this.findBatch(offset);
    if (first === null || first.header.baseOffset >= maxOffset) return null;
    let end = first.position;
    for (const batch of this.batchesFrom(first.position)) {
      if (batch.header.baseOffset >= maxOffset) break;
      const grown = batch.position + batch.header.sizeInBytes - first.position;
      if (grown > maxBytes && !(minOneBatch && end === first.position)) break;
      end = batch.position + batch.header.sizeInBytes;
    }
    return end === first.position ? null : this.log.read(first.position, end - first.position);
  }

  /** The last offset of the first batch whose max timestamp is at least `timestamp`. */
  findOffsetByTimestamp(timestamp: bigint): { offset: bigint; timestamp: bigint } | null {
    const startOffset = this.timeIndex.lookup(timestamp);
    const start = this.offsetIndex.lookup(startOffset);
    for (const { header } of this.batchesFrom(start.position)) {
      if (header.maxTimestamp >= timestamp) return { offset: header.baseOffset, timestamp: header.maxTimestamp };
    }
    return null;
  }

  /**
   * Rebuild everything from the .log: check every batch (whole, CRC, offsets growing),
   * cut the file at the first that fails, and rebuild both indexes.
   */
  recover(): RecoveryResult {
    this.offsetIndex.reset();
    this.timeIndex.reset();
    this.resetFacts();
    const epochStarts: RecoveryResult["epochStarts"] = [];
    let validEnd = 0;
    for (const { header, position, bytes } of this.batchesFrom(0)) {
      const crcOk = computeRecordBatchCrc(bytes, 0, header.sizeInBytes) === header.crc;
      if (!crcOk || header.baseOffset < this.nextOffset || header.lastOffset < header.baseOffset) break;
      const last = epochStarts.at(-1);
      if (header.partitionLeaderEpoch >= 0 && (last === undefined || header.partitionLeaderEpoch > last.epoch)) {
        epochStarts.push({ epoch: header.partitionLeaderEpoch, startOffset: header.baseOffset });
      }
      this.noteBatch(header, position);
      validEnd = position + header.sizeInBytes;
    }
    const truncatedBytes = this.sizeBytes - validEnd;
    if (truncatedBytes > 0) this.log.truncate(validEnd);
    this.sizeBytes = validEnd;
    return { truncatedBytes, epochStarts };
  }

  /**
   * Trust the index files of a segment below the recovery point, as Kafka does, rebuilding
   * them only when their sanity check fails; then find the next offset and timestamps.
   */
  loadIndexes(): void {
    const offsetsOk = this.offsetIndex.load(this.sizeBytes);
    const timesOk = this.timeIndex.load();
    if (!offsetsOk || !timesOk) {
      this.recover();
      return;
    }
    this.resetFacts();
    // The last index entry is a safe place to start looking for the segment's end.
    const lastIndexed = this.offsetIndex.lookup(BigInt(Number.MAX_SAFE_INTEGER));
    const scanFrom = lastIndexed.position;
    for (const { header } of this.batchesFrom(0, scanFrom)) {
      // Only the first batch is needed from the indexed part (for segment.ms).
      this.firstBatchTimestamp ??= header.maxTimestamp;
      break;
    }
    for (const { header, position } of this.batchesFrom(scanFrom)) {
      this.firstBatchTimestamp ??= header.maxTimestamp;
      if (header.maxTimestamp > this.maxTimestamp) {
        this.maxTimestamp = header.maxTimestamp;
        this.offsetOfMaxTimestamp = header.lastOffset;
      }
      this.nextOffset = header.lastOffset + 1n;
      this.bytesSinceLastIndexEntry = position + header.sizeInBytes - scanFrom;
    }
    const indexedMax = this.timeIndex.lastTimestamp;
    if (indexedMax !== null && indexedMax > this.maxTimestamp) {
      this.maxTimestamp = indexedMax;
      this.offsetOfMaxTimestamp = -1n; // unknown without a full scan; only the time matters
    }
  }

  private resetFacts(): void {
    this.maxTimestamp = -1n;
    this.offsetOfMaxTimestamp = -1n;
    this.firstBatchTimestamp = null;
    this.nextOffset = this.baseOffset;
    this.bytesSinceLastIndexEntry = 0;
  }

  /**
   * Remove the batch holding `offset` and everything after it. Returns the bytes removed.
   * Facts are rebuilt from what remains.
   */
  truncateTo(offset: bigint): number {
    const batch = this.findBatch(offset);
    if (batch === null) return 0;
    const removed = this.sizeBytes - batch.position;
    this.log.truncate(batch.position);
    this.sizeBytes = batch.position;
    this.offsetIndex.truncateToPosition(batch.position);
    this.timeIndex.truncateToOffset(batch.header.baseOffset);
    this.recomputeFacts();
    return removed;
  }

  private recomputeFacts(): void {
    this.resetFacts();
    let lastPosition = 0;
    for (const { header, position } of this.batchesFrom(0)) {
      this.firstBatchTimestamp ??= header.maxTimestamp;
      if (header.maxTimestamp > this.maxTimestamp) {
        this.maxTimestamp = header.maxTimestamp;
        this.offsetOfMaxTimestamp = header.lastOffset;
      }
      this.nextOffset = header.lastOffset + 1n;
      lastPosition = position + header.sizeInBytes;
    }
    const lastEntry = this.offsetIndex.lookup(this.nextOffset);
    this.bytesSinceLastIndexEntry = lastPosition - lastEntry.position;
  }

  async flush(): Promise<void> {
    await Promise.all([this.log.flush(), this.offsetIndex.file.flush(), this.timeIndex.file.flush()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.log.close(), this.offsetIndex.file.close(), this.timeIndex.file.close()]);
  }

  /** Close and remove the segment's files. */
  async delete(fs: FileSystem): Promise<void> {
    await this.close();
    const paths = [this.log.path, this.offsetIndex.file.path, this.timeIndex.file.path];
    await Promise.all(paths.map((path) => fs.delete(path)));
  }
}

/** A batch's whole size from its first 12 bytes (base offset and batch length). */
function peekSize(head: Uint8Array): number {
  if (head.length < 12) return head.length;
  return 12 + new DataView(head.buffer, head.byteOffset, head.length).getInt32(8);
}
