/**
 * One segment of a partition log: the `.log` file of record batches exactly as they
 * travel on the wire, plus its offset and time indexes. A segment only ever grows at the
 * end; it shrinks only by truncation (followers, recovery).
 */
import { computeRecordBatchCrc, readRecordBatchHeader, type RecordBatchHeader } from "../protocol/records/batch-header.ts";
import { decodeRecordBatch } from "../protocol/records/record-batch-decoder.ts";
import { FRAME_FIELDS_BYTES, frameBaseOffset, frameLastOffset, frameSize, isPlausibleFrameSize, viewOf } from "./batch-frames.ts";
import type { FileSystem, StorageFile } from "./fs/file-system.ts";
import type { LogConfig } from "./log-config.ts";
import { OffsetIndex } from "./offset-index.ts";
import type { ScratchBytes } from "./scratch-bytes.ts";
import { LOG_SUFFIX, OFFSET_INDEX_SUFFIX, segmentPath, TIME_INDEX_SUFFIX } from "./segment-files.ts";
import { TimeIndex } from "./time-index.ts";

/** How much of the log a header scan reads at a time. */
const SCAN_WINDOW_BYTES = 64 * 1024;
/**
 * Recovery reads the whole segment, so it reads in larger windows: fewer storage calls
 * and allocations per GiB (each costs far more than the bytes it moves), and fewer batches
 * cut at a window's end and read twice.
 */
const RECOVERY_WINDOW_BYTES = 1024 * 1024;
/** Finding a batch from an index entry walks at most index.interval.bytes and a batch. */
const LOCATE_WINDOW_BYTES = 8 * 1024;
/**
 * The window `locate` reads into, shared by every segment in this worker: it is used only
 * synchronously, and nothing read into it outlives the call (locate returns numbers).
 */
const locateWindow = new Uint8Array(LOCATE_WINDOW_BYTES);
/** Bytes a batch's whole size can be read from: baseOffset and batchLength. */
const SIZE_FIELDS_BYTES = 12;

/** Where a batch is in the segment, from its frame fields alone (see batch-frames.ts). */
interface BatchFrame {
  position: number;
  sizeInBytes: number;
  baseOffset: bigint;
  lastOffset: bigint;
}

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
  *batchesFrom(position: number, end = this.sizeBytes, windowBytes = SCAN_WINDOW_BYTES): Generator<SegmentBatch> {
    yield* this.scan(position, end, windowBytes, null);
  }

  /**
   * batchesFrom, reading every window into `reused`: no new memory per window, but each
   * batch's `bytes` is valid only until the scan moves on. For recovery, which is done
   * with a batch once it has checked it.
   */
  private *scan(position: number, end: number, windowBytes: number, reused: Uint8Array | null): Generator<SegmentBatch> {
    let at = position;
    while (at < end) {
      const length = Math.min(windowBytes, end - at);
      const window = reused === null ? this.log.read(at, length) : reused.subarray(0, this.log.readInto(at, reused.subarray(0, length)));
      const view = viewOf(window);
      let inWindow = 0;
      while (inWindow < window.length) {
        // A batch that runs past the window waits for the next one. Checked here, from its
        // size field, because readRecordBatchHeader would report it as a (costly) error.
        if (window.length - inWindow < SIZE_FIELDS_BYTES) break;
        const size = frameSize(view, inWindow);
        if (isPlausibleFrameSize(size) && inWindow + size > window.length) break;
        const header = readRecordBatchHeader(window, inWindow);
        if (!header.ok) {
          if (header.error.kind !== "truncated") return;
          break; // the batch runs past this window
        }
        yield { header: header.value, position: at + inWindow, bytes: window.subarray(inWindow, inWindow + size) };
        inWindow += size;
      }
      if (inWindow === 0) {
        // One batch larger than the window: read it whole, if the log holds it whole.
        const size = peekSize(this.log.read(at, SIZE_FIELDS_BYTES));
        if (size <= SIZE_FIELDS_BYTES || at + size > end) return;
        const whole = this.log.read(at, size);
        const header = readRecordBatchHeader(whole, 0);
        if (!header.ok) return;
        yield { header: header.value, position: at, bytes: whole };
        inWindow = size;
      }
      at += inWindow;
    }
  }

  /**
   * The batch holding `offset`, or the first after it, or null when the segment ends
   * first: from the offset index's nearest entry, walking batch sizes in small windows.
   */
  private locate(offset: bigint): BatchFrame | null {
    let at = this.offsetIndex.lookup(offset).position;
    while (at + FRAME_FIELDS_BYTES <= this.sizeBytes) {
      const filled = this.log.readInto(at, locateWindow.subarray(0, Math.min(LOCATE_WINDOW_BYTES, this.sizeBytes - at)));
      const window = locateWindow.subarray(0, filled);
      const view = viewOf(window);
      let inWindow = 0;
      while (inWindow + FRAME_FIELDS_BYTES <= window.length) {
        const size = frameSize(view, inWindow);
        // Cannot happen in a segment's valid part; stop rather than walk into nonsense.
        if (!isPlausibleFrameSize(size) || at + inWindow + size > this.sizeBytes) return null;
        const lastOffset = frameLastOffset(view, inWindow);
        if (lastOffset >= offset) return { position: at + inWindow, sizeInBytes: size, baseOffset: frameBaseOffset(view, inWindow), lastOffset };
        inWindow += size; // may land past this window: the next one starts there
      }
      at += inWindow;
    }
    return null;
  }

  /**
   * Whole batches starting with the one holding `offset`, up to `maxBytes` (but at least
   * one batch when `minOneBatch`), none starting at or after `maxOffset`, read into
   * `buffer`: valid until its next use.
   *
   * One storage read fetches everything that could be returned, and batch sizes are read
   * from it to find where to cut: the bytes are never read twice.
   */
  read(offset: bigint, maxBytes: number, maxOffset: bigint, minOneBatch: boolean, buffer: ScratchBytes): Uint8Array | null {
    const first = this.locate(offset);
    if (first === null || first.baseOffset >= maxOffset) return null;
    const budget = minOneBatch ? Math.max(maxBytes, first.sizeInBytes) : maxBytes;
    const target = buffer.take(Math.min(budget, this.sizeBytes - first.position));
    const window = target.subarray(0, this.log.readInto(first.position, target));
    const view = viewOf(window);
    let end = 0;
    while (end + FRAME_FIELDS_BYTES <= window.length) {
      const size = frameSize(view, end);
      if (!isPlausibleFrameSize(size) || end + size > window.length) break;
      if (end > 0 && frameBaseOffset(view, end) >= maxOffset) break;
      end += size;
    }
    return end === 0 ? null : window.subarray(0, end);
  }

  /** The last offset of the first batch whose max timestamp is at least `timestamp`. */
  findOffsetByTimestamp(timestamp: bigint): { offset: bigint; timestamp: bigint } | null {
    const startOffset = this.timeIndex.lookup(timestamp);
    const start = this.offsetIndex.lookup(startOffset);
    for (const { header, bytes } of this.batchesFrom(start.position)) {
      if (header.maxTimestamp >= timestamp) return firstRecordAtOrAfter(bytes, header, timestamp);
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
    const window = new Uint8Array(Math.min(RECOVERY_WINDOW_BYTES, this.sizeBytes));
    for (const { header, position, bytes } of this.scan(0, this.sizeBytes, RECOVERY_WINDOW_BYTES, window)) {
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
    const batch = this.locate(offset);
    if (batch === null) return 0;
    const removed = this.sizeBytes - batch.position;
    this.log.truncate(batch.position);
    this.sizeBytes = batch.position;
    this.offsetIndex.truncateToPosition(batch.position);
    this.timeIndex.truncateToOffset(batch.baseOffset);
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
    await Promise.all([this.log.flush(), this.offsetIndex.flush(), this.timeIndex.flush()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.log.close(), this.offsetIndex.close(), this.timeIndex.close()]);
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

/**
 * Kafka's searchForTimestamp inside one batch: the first record whose timestamp is at or
 * after `timestamp` (records of a batch need not be in time order). A batch that does not
 * decode answers with its base offset, the best the header can say.
 */
function firstRecordAtOrAfter(bytes: Uint8Array, header: RecordBatchHeader, timestamp: bigint): { offset: bigint; timestamp: bigint } {
  const decoded = decodeRecordBatch(bytes, { verifyCrc: false });
  if (decoded.ok) {
    for (const record of decoded.value.records) {
      const recordTimestamp = record.timestamp;
      if (recordTimestamp >= timestamp) return { offset: record.offset, timestamp: recordTimestamp };
    }
  }
  return { offset: header.baseOffset, timestamp: header.maxTimestamp };
}
