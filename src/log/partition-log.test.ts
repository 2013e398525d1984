import { describe, expect, it } from "vitest";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { encodeRecordBatch } from "../protocol/records/record-batch-encoder.ts";
import { scanRecordBatches } from "../protocol/records/record-batch-scan.ts";
import { MemoryFileSystem } from "./fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG, type LogConfig } from "./log-config.ts";
import { PartitionLog } from "./partition-log.ts";
import { concat, producerBatch } from "./testing/batches.ts";

const DIR = "broker-1/orders-0";
const NOW = 1_700_000_000_000n;

function config(overrides: Partial<LogConfig> = {}): LogConfig {
  return { ...KAFKA_DEFAULT_LOG_CONFIG, ...overrides };
}

async function openLog(fs: MemoryFileSystem, overrides: Partial<LogConfig> = {}, extra = {}) {
  return PartitionLog.open({ fs, directory: DIR, config: config(overrides), ...extra });
}

function offsetsIn(records: Uint8Array): bigint[] {
  return scanRecordBatches(records).batches.map((b) => b.baseOffset);
}

/** Base offsets of every batch, fetching as a consumer does: one segment per read. */
function allBatchOffsets(log: PartitionLog): bigint[] {
  const offsets: bigint[] = [];
  let next = log.logStartOffset;
  while (next < log.logEndOffset) {
    const read = log.read(next, 1 << 20);
    if (!read.ok) throw new Error(read.message);
    const batches = scanRecordBatches(read.records).batches;
    offsets.push(...batches.map((b) => b.baseOffset));
    next = batches.at(-1)!.lastOffset + 1n;
  }
  return offsets;
}

describe("a partition log", () => {
  it("gives each appended batch the next offsets and stamps the leader epoch", async () => {
    const log = await openLog(new MemoryFileSystem());
    const first = await log.appendAsLeader(producerBatch(3), 5, NOW);
    const second = await log.appendAsLeader(producerBatch(2), 5, NOW);
    expect(first).toMatchObject({ ok: true, firstOffset: 0n, lastOffset: 2n });
    expect(second).toMatchObject({ ok: true, firstOffset: 3n, lastOffset: 4n });
    expect(log.logEndOffset).toBe(5n);
    const read = log.read(0n, 1 << 20);
    if (!read.ok) throw new Error(read.message);
    const batches = scanRecordBatches(read.records).batches;
    expect(batches.map((b) => [b.baseOffset, b.lastOffset, b.partitionLeaderEpoch])).toEqual([
      [0n, 2n, 5],
      [3n, 4n, 5],
    ]);
    expect(log.epochs.all()).toEqual([{ epoch: 5, startOffset: 0n }]);
  });

  it("serves nothing at or past the max offset (the HW), and whole batches within max bytes", async () => {
    const log = await openLog(new MemoryFileSystem());
    for (let i = 0; i < 4; i++) await log.appendAsLeader(producerBatch(2), 0, NOW);
    const belowHw = log.read(0n, 1 << 20, 4n);
    expect(belowHw.ok && offsetsIn(belowHw.records)).toEqual([0n, 2n]);
    const oneBatch = log.read(2n, 1);
    expect(oneBatch.ok && offsetsIn(oneBatch.records)).toEqual([2n]); // at least one batch
    const fromMiddle = log.read(3n, 1 << 20);
    expect(fromMiddle.ok && offsetsIn(fromMiddle.records)).toEqual([2n, 4n, 6n]);
    expect(log.read(9n, 100)).toMatchObject({ ok: false, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE });
    expect(log.read(8n, 100)).toMatchObject({ ok: true, records: new Uint8Array(0) });
  });

  it("rolls segments at segment.bytes and names them by base offset", async () => {
    const fs = new MemoryFileSystem();
    const batch = producerBatch(10, NOW, 100);
    const log = await openLog(fs, { segmentBytes: batch.length * 3 });
    for (let i = 0; i < 7; i++) await log.appendAsLeader(producerBatch(10, NOW, 100), 0, NOW);
    expect(log.segmentInfos().map((s) => s.baseOffset)).toEqual([0n, 30n, 60n]);
    expect((await fs.list(DIR)).filter((n) => n.endsWith(".log"))).toEqual([
      "00000000000000000000.log",
      "00000000000000000030.log",
      "00000000000000000060.log",
    ]);
    expect(log.recoveryPoint).toBe(60n); // rolled segments are flushed
  });

  it("rolls when segment.ms has passed since the segment's first batch, or the index is full", async () => {
    const byTime = await openLog(new MemoryFileSystem(), { segmentMs: 60_000 });
    await byTime.appendAsLeader(producerBatch(1, NOW), 0, NOW);
    await byTime.appendAsLeader(producerBatch(1, NOW + 30_000n), 0, NOW + 30_000n);
    await byTime.appendAsLeader(producerBatch(1, NOW + 61_000n), 0, NOW + 61_000n);
    expect(byTime.segmentInfos().map((s) => s.baseOffset)).toEqual([0n, 2n]);

    const byIndex = await openLog(new MemoryFileSystem(), { indexIntervalBytes: 1, segmentIndexBytes: 8 * 3 });
    for (let i = 0; i < 8; i++) await byIndex.appendAsLeader(producerBatch(1), 0, NOW);
    expect(byIndex.segmentInfos().length).toBeGreaterThan(1);
  });

  it("refuses a corrupt or oversized batch and appends nothing", async () => {
    const log = await openLog(new MemoryFileSystem(), { maxMessageBytes: 200 });
    const corrupt = producerBatch(2);
    corrupt[corrupt.length - 1]! ^= 0xff;
    expect(await log.appendAsLeader(corrupt, 0, NOW)).toMatchObject({ ok: false, errorCode: ErrorCode.CORRUPT_MESSAGE });
    const big = producerBatch(1, NOW, 300);
    expect(await log.appendAsLeader(concat(producerBatch(1), big), 0, NOW)).toMatchObject({
      ok: false,
      errorCode: ErrorCode.MESSAGE_TOO_LARGE,
    });
    expect(log.logEndOffset).toBe(0n);
    expect(log.sizeBytes).toBe(0);
  });

  it("refuses, as leader, a batch larger than segment.bytes with RECORD_LIST_TOO_LARGE", async () => {
    const log = await openLog(new MemoryFileSystem(), { segmentBytes: 250 });
    const big = producerBatch(1, NOW, 300);
    expect(await log.appendAsLeader(big, 0, NOW)).toMatchObject({
      ok: false,
      errorCode: ErrorCode.RECORD_LIST_TOO_LARGE,
    });
    expect(log.logEndOffset).toBe(0n);
    // Over max.message.bytes too: the per-batch check comes first, as in Kafka.
    const both = await openLog(new MemoryFileSystem(), { segmentBytes: 250, maxMessageBytes: 200 });
    expect(await both.appendAsLeader(big, 0, NOW)).toMatchObject({ errorCode: ErrorCode.MESSAGE_TOO_LARGE });
    // A follower takes the leader's bytes as they are: its fetches may be longer than a segment.
    const follower = await openLog(new MemoryFileSystem(), { segmentBytes: 250 });
    const leaderBytes = producerBatch(1, NOW, 300);
    expect(await follower.appendAsFollower(leaderBytes, NOW)).toMatchObject({ ok: true, lastOffset: 0n });
  });

  it("comes back after a clean close with the same data", async () => {
    const fs = new MemoryFileSystem();
    const log = await openLog(fs, { segmentBytes: 400 });
    for (let i = 0; i < 6; i++) await log.appendAsLeader(producerBatch(3, NOW + BigInt(i)), 1, NOW);
    await log.close();
    const again = await openLog(fs, { segmentBytes: 400 }, { recoveryPoint: log.recoveryPoint, cleanShutdown: true });
    expect(again.logEndOffset).toBe(18n);
    expect(again.segmentInfos().length).toBeGreaterThan(1);
    expect(allBatchOffsets(again)).toEqual([0n, 3n, 6n, 9n, 12n, 15n]);
    expect(again.epochs.all()).toEqual([{ epoch: 1, startOffset: 0n }]);
  });

  it("after a torn write keeps exactly the complete batches, at every tear position", async () => {
    const lastBatch = producerBatch(4);
    for (let keep = 0; keep < lastBatch.length; keep++) {
      const fs = new MemoryFileSystem({ faults: { tornWrite: true } });
      const log = await openLog(fs);
      await log.appendAsLeader(producerBatch(3), 0, NOW);
      await log.flush();
      await log.appendAsLeader(lastBatch, 0, NOW);
      const restarted = fs.crash({ mode: "process", tornWriteKeepsBytes: keep });
      const recovered = await openLog(restarted, {}, { recoveryPoint: 3n });
      expect(recovered.logEndOffset).toBe(3n);
      expect(recovered.truncatedOnOpenBytes).toBe(keep);
      const appended = await recovered.appendAsLeader(producerBatch(1), 0, NOW);
      expect(appended).toMatchObject({ ok: true, firstOffset: 3n });
    }
  });

  it("deletes whole closed segments by retention.ms and retention.bytes, never the active one", async () => {
    const batch = producerBatch(5, NOW, 50);
    const log = await openLog(new MemoryFileSystem(), { segmentBytes: batch.length, retentionMs: 1000 });
    for (let i = 0; i < 4; i++) await log.appendAsLeader(producerBatch(5, NOW + BigInt(i * 1000), 50), 0, NOW + BigInt(i * 1000));
    expect(log.segmentInfos()).toHaveLength(4);
    const byTime = await log.deleteOldSegments(NOW + 2500n);
    expect(byTime).toMatchObject({ ok: true, deleted: [0n, 5n] });
    expect(log.logStartOffset).toBe(10n);
    const everything = await log.deleteOldSegments(NOW + 1_000_000n);
    expect(everything).toMatchObject({ ok: true, deleted: [10n] });
    expect(log.segmentInfos().map((s) => s.baseOffset)).toEqual([15n]);
    expect(log.read(0n, 100)).toMatchObject({ ok: false, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE });

    const bySize = await openLog(new MemoryFileSystem(), { segmentBytes: batch.length, retentionMs: -1, retentionBytes: batch.length * 2 });
    for (let i = 0; i < 5; i++) await bySize.appendAsLeader(producerBatch(5, NOW, 50), 0, NOW);
    expect(await bySize.deleteOldSegments(NOW)).toMatchObject({ ok: true, deleted: [0n, 5n, 10n] });
  });

  it("moves the log start offset for DeleteRecords and truncates for followers", async () => {
    const batch = producerBatch(5);
    const log = await openLog(new MemoryFileSystem(), { segmentBytes: batch.length });
    for (let i = 0; i < 4; i++) await log.appendAsLeader(producerBatch(5), i, NOW);
    expect(await log.deleteRecordsBefore(7n)).toMatchObject({ ok: true, logStartOffset: 7n });
    expect(log.segmentInfos().map((s) => s.baseOffset)).toEqual([5n, 10n, 15n]);
    expect(log.read(6n, 100)).toMatchObject({ ok: false, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE });
    expect(await log.truncateTo(10n)).toMatchObject({ ok: true, logEndOffset: 10n });
    expect(log.epochs.all().map((e) => e.epoch)).toEqual([1]);
    expect(log.epochs.endOffsetFor(1, log.logEndOffset)).toEqual({ epoch: 1, endOffset: 10n });
  });

  it("keeps a follower's offsets and refuses offsets that go backwards", async () => {
    const leader = await openLog(new MemoryFileSystem());
    await leader.appendAsLeader(producerBatch(3), 2, NOW);
    await leader.appendAsLeader(producerBatch(3), 3, NOW);
    const fetched = leader.read(0n, 1 << 20);
    if (!fetched.ok) throw new Error(fetched.message);
    const follower = await PartitionLog.open({ fs: new MemoryFileSystem(), directory: "broker-2/orders-0", config: config() });
    expect(await follower.appendAsFollower(fetched.records, NOW)).toMatchObject({ ok: true, firstOffset: 0n, lastOffset: 5n });
    expect(follower.epochs.all()).toEqual([
      { epoch: 2, startOffset: 0n },
      { epoch: 3, startOffset: 3n },
    ]);
    expect(await follower.appendAsFollower(fetched.records, NOW)).toMatchObject({ ok: false, errorCode: ErrorCode.INVALID_RECORD });
    expect(follower.logEndOffset).toBe(6n);
  });

  it("finds offsets by timestamp", async () => {
    const log = await openLog(new MemoryFileSystem(), { indexIntervalBytes: 1 });
    for (let i = 0; i < 10; i++) await log.appendAsLeader(producerBatch(2, NOW + BigInt(i * 10)), 0, NOW);
    expect(log.offsetForTimestamp(NOW + 35n)).toEqual({ offset: 8n, timestamp: NOW + 40n });
    expect(log.offsetForTimestamp(NOW + 40n)).toEqual({ offset: 8n, timestamp: NOW + 40n });
    expect(log.offsetForTimestamp(NOW + 1000n)).toBeNull();
    expect(log.maxTimestampOffset()).toEqual({ offset: 19n, timestamp: NOW + 90n });
  });

  it("finds the first record at or after a timestamp inside a batch, as Kafka's searchForTimestamp", async () => {
    const log = await openLog(new MemoryFileSystem());
    const encoded = encodeRecordBatch({
      records: [1000n, 3000n, 2000n].map((delta) => ({ key: null, value: new Uint8Array(1), timestamp: NOW + delta })),
    });
    if (!encoded.ok) throw encoded.error;
    await log.appendAsLeader(encoded.value, 0, NOW);
    expect(log.offsetForTimestamp(NOW + 500n)).toEqual({ offset: 0n, timestamp: NOW + 1000n });
    expect(log.offsetForTimestamp(NOW + 2000n)).toEqual({ offset: 1n, timestamp: NOW + 3000n });
    expect(log.offsetForTimestamp(NOW + 3000n)).toEqual({ offset: 1n, timestamp: NOW + 3000n });
    expect(log.offsetForTimestamp(NOW + 3001n)).toBeNull();
  });

  it("goes offline with KAFKA_STORAGE_ERROR when the disk is full, serving nothing partial", async () => {
    const fs = new MemoryFileSystem();
    const log = await openLog(fs);
    await log.appendAsLeader(producerBatch(2), 0, NOW);
    fs.faults.capacityBytes = fs.usedBytes() + 10;
    expect(await log.appendAsLeader(producerBatch(2), 0, NOW)).toMatchObject({ ok: false, errorCode: ErrorCode.KAFKA_STORAGE_ERROR });
    expect(log.isOffline).toBe(true);
    expect(log.read(0n, 100)).toMatchObject({ ok: false, errorCode: ErrorCode.KAFKA_STORAGE_ERROR });
  });
});
