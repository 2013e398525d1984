import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import { encodeRecordBatch } from "../../protocol/records/record-batch-encoder.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import { MemoryFileSystem } from "../fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG, type LogConfig } from "../log-config.ts";
import { PartitionLog } from "../partition-log.ts";

const DIR = "broker-1/compacted-0";
const T0 = 1_700_000_000_000n;
const text = new TextEncoder();
const config: LogConfig = {
  ...KAFKA_DEFAULT_LOG_CONFIG,
  cleanupPolicy: ["compact"],
  segmentBytes: 400,
  minCleanableDirtyRatio: 0,
  deleteRetentionMs: 1000,
};

interface Entry {
  offset: bigint;
  key: string;
  value: string | null;
}

function batch(records: { key: string; value: string | null }[], timestamp: bigint): Uint8Array {
  const encoded = encodeRecordBatch({
    records: records.map((r) => ({ key: text.encode(r.key), value: r.value === null ? null : text.encode(r.value), timestamp })),
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

/** Every record in the log, reading segment by segment as a consumer would. */
function everything(log: PartitionLog): Entry[] {
  const out: Entry[] = [];
  let next = log.logStartOffset;
  while (next < log.logEndOffset) {
    const read = log.read(next, 1 << 20);
    if (!read.ok) throw new Error(read.message);
    if (read.records.length === 0) break;
    for (const entry of iterateRecordBatches(read.records)) {
      if (entry.kind !== "batch") throw new Error(entry.kind);
      const decoded = decodeRecordBatch(read.records, { position: entry.header.position });
      if (!decoded.ok) throw decoded.error;
      for (const r of decoded.value.records) {
        if (r.offset >= next) out.push({ offset: r.offset, key: new TextDecoder().decode(r.key!), value: r.value === null ? null : new TextDecoder().decode(r.value) });
      }
      next = entry.header.lastOffset + 1n;
    }
  }
  return out;
}

describe("log compaction", () => {
  it("keeps the latest value per key, keeps offsets, and never touches the active segment", async () => {
    const log = await PartitionLog.open({ fs: new MemoryFileSystem(), directory: DIR, config });
    for (let round = 0; round < 6; round++) {
      await log.appendAsLeader(batch([{ key: "a", value: `a${round}` }, { key: "b", value: `b${round}` }], T0), 0, T0);
    }
    await log.appendAsLeader(batch([{ key: "a", value: "a-last" }], T0), 0, T0);
    const activeBase = log.segmentInfos().at(-1)!.baseOffset;
    const result = await log.compact(T0, 0n);
    expect(result).toMatchObject({ ok: true, cleaned: true, firstDirtyOffset: activeBase });
    const after = everything(log);
    const cleaned = after.filter((e) => e.offset < activeBase);
    expect(new Set(cleaned.map((e) => e.key)).size).toBe(cleaned.length); // one record per key
    expect(after.at(-1)).toEqual({ offset: 12n, key: "a", value: "a-last" });
    expect(after.find((e) => e.key === "b" && e.value === "b5")).toBeDefined();
    expect(log.logEndOffset).toBe(13n);
  });

  it("keeps a tombstone for delete.retention.ms, then drops it", async () => {
    const log = await PartitionLog.open({ fs: new MemoryFileSystem(), directory: DIR, config });
    await log.appendAsLeader(batch([{ key: "k", value: "v" }, { key: "k", value: null }], T0), 0, T0);
    await log.rollNow();
    await log.appendAsLeader(batch([{ key: "other", value: "x" }], T0), 0, T0);
    await log.rollNow();
    const first = await log.compact(T0, 0n);
    expect(first.ok).toBe(true);
    expect(everything(log).filter((e) => e.key === "k")).toEqual([{ offset: 1n, key: "k", value: null }]);
    // More dirty data so the cleaner runs again, after the tombstone's horizon.
    await log.appendAsLeader(batch([{ key: "other", value: "y" }], T0), 0, T0);
    await log.rollNow();
    const second = await log.compact(T0 + 1001n, first.ok ? first.firstDirtyOffset : 0n);
    expect(second).toMatchObject({ ok: true, cleaned: true });
    expect(everything(log).filter((e) => e.key === "k")).toEqual([]);
  });

  it("waits for min.cleanable.dirty.ratio and min.compaction.lag.ms", async () => {
    const lazy = { ...config, minCleanableDirtyRatio: 0.9 };
    const log = await PartitionLog.open({ fs: new MemoryFileSystem(), directory: DIR, config: lazy });
    for (let i = 0; i < 8; i++) await log.appendAsLeader(batch([{ key: "a", value: `${i}` }], T0), 0, T0);
    await log.rollNow();
    const firstRun = await log.compact(T0, 0n);
    expect(firstRun).toMatchObject({ ok: true, cleaned: true });
    await log.appendAsLeader(batch([{ key: "a", value: "new" }], T0), 0, T0);
    await log.rollNow();
    const notDirtyEnough = await log.compact(T0, firstRun.ok ? firstRun.firstDirtyOffset : 0n);
    expect(notDirtyEnough).toMatchObject({ ok: true, cleaned: false });

    const young = await PartitionLog.open({ fs: new MemoryFileSystem(), directory: DIR, config: { ...config, minCompactionLagMs: 60_000 } });
    for (let i = 0; i < 8; i++) await young.appendAsLeader(batch([{ key: "a", value: `${i}` }], T0), 0, T0);
    await young.rollNow();
    expect(await young.compact(T0 + 1000n, 0n)).toMatchObject({ ok: true, cleaned: false });
    expect(await young.compact(T0 + 61_000n, 0n)).toMatchObject({ ok: true, cleaned: true });
  });

  it("finishes a swap interrupted by a crash", async () => {
    const fs = new MemoryFileSystem();
    const log = await PartitionLog.open({ fs, directory: DIR, config });
    for (let i = 0; i < 3; i++) await log.appendAsLeader(batch([{ key: "a", value: `${i}` }], T0), 0, T0);
    await log.rollNow();
    await log.appendAsLeader(batch([{ key: "b", value: "b" }], T0), 0, T0);
    await log.close();
    // As if the cleaner had written and flushed the cleaned segment, then died before the rename.
    const swap = await fs.open(`${DIR}/00000000000000000000.log.swap`, { create: true });
    const cleanedBatch = batch([{ key: "a", value: "2" }], T0);
    const rebased = new Uint8Array(cleanedBatch);
    new DataView(rebased.buffer).setBigInt64(0, 2n);
    swap.write(0, rebased);
    await swap.flush();
    await swap.close();
    const restarted = fs.crash();
    const reopened = await PartitionLog.open({ fs: restarted, directory: DIR, config, recoveryPoint: 0n });
    expect(everything(reopened).map((e) => [e.offset, e.key, e.value])).toEqual([
      [2n, "a", "2"],
      [3n, "b", "b"],
    ]);
    expect((await restarted.list(DIR)).some((name) => name.endsWith(".swap"))).toBe(false);
  });

  it("agrees with a last-value-per-key model over random histories", async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("append" as const), key: fc.constantFrom("a", "b", "c", "d"), tombstone: fc.boolean() }),
      fc.record({ kind: fc.constant("roll" as const) }),
      fc.record({ kind: fc.constant("compact" as const), advanceMs: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ kind: fc.constant("restart" as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 50 }), async (ops) => {
        let fs = new MemoryFileSystem();
        let log = await PartitionLog.open({ fs, directory: DIR, config });
        const appended: Entry[] = [];
        let now = T0;
        let firstDirty = 0n;
        let cleanedBelow = 0n;
        for (const o of ops) {
          if (o.kind === "append") {
            const value = o.tombstone ? null : `${o.key}${appended.length}`;
            const result = await log.appendAsLeader(batch([{ key: o.key, value }], now), 0, now);
            if (!result.ok) throw new Error(result.message);
            appended.push({ offset: result.firstOffset, key: o.key, value });
          } else if (o.kind === "roll") {
            await log.rollNow();
          } else if (o.kind === "compact") {
            now += BigInt(o.advanceMs);
            const result = await log.compact(now, firstDirty);
            if (!result.ok) throw new Error(result.message);
            if (result.cleaned) cleanedBelow = firstDirty = result.firstDirtyOffset;
          } else {
            await log.close();
            fs = fs.crash();
            log = await PartitionLog.open({ fs, directory: DIR, config, recoveryPoint: log.recoveryPoint });
          }
          const present = everything(log);
          const byOffset = new Map(appended.map((e) => [e.offset, e]));
          for (const entry of present) expect(byOffset.get(entry.offset)).toEqual(entry); // offsets kept
          const latest = new Map<string, Entry>();
          for (const e of appended) latest.set(e.key, e);
          for (const e of latest.values()) {
            if (e.value !== null) expect(present.some((p) => p.offset === e.offset)).toBe(true);
          }
          const cleanedKeys = present.filter((p) => p.offset < cleanedBelow).map((p) => p.key);
          expect(new Set(cleanedKeys).size).toBe(cleanedKeys.length);
          for (const e of appended) {
            if (e.offset >= cleanedBelow) expect(present.some((p) => p.offset === e.offset)).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
