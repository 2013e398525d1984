/**
 * Model-based test: random sequences of appends, reads, rolls, retention, DeleteRecords,
 * truncation and restarts (clean, killed, power cut) against a plain reference model of
 * what the log must hold. fast-check shrinks a failing sequence to a small one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { decodeRecordBatch } from "../protocol/records/record-batch-decoder.ts";
import { encodeRecordBatch } from "../protocol/records/record-batch-encoder.ts";
import { iterateRecordBatches } from "../protocol/records/record-batch-scan.ts";
import { MemoryFileSystem } from "./fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG, type LogConfig } from "./log-config.ts";
import { PartitionLog } from "./partition-log.ts";

const DIR = "broker-1/model-0";
const NOW = 1_700_000_000_000n;
const config: LogConfig = {
  ...KAFKA_DEFAULT_LOG_CONFIG,
  segmentBytes: 600,
  indexIntervalBytes: 150,
  retentionMs: -1,
  retentionBytes: 1500,
};

type Op =
  | { kind: "append"; count: number }
  | { kind: "read"; at: number; maxBytes: number }
  | { kind: "roll" }
  | { kind: "flush" }
  | { kind: "retention" }
  | { kind: "deleteRecords"; at: number }
  | { kind: "truncate"; at: number }
  | { kind: "restart"; how: "clean" | "kill" | "power" };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("append" as const), count: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("read" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), maxBytes: fc.integer({ min: 1, max: 2000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "roll" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "flush" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "retention" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteRecords" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restart" as const), how: fc.constantFrom("clean" as const, "kill" as const, "power" as const) }) },
);

/** What the log must hold: each offset's record id, and where batches begin. */
class Model {
  records = new Map<bigint, number>();
  batchStarts: bigint[] = [];
  logStart = 0n;
  logEnd = 0n;
  nextId = 0;

  dropBelow(offset: bigint): void {
    for (const key of this.records.keys()) if (key < offset) this.records.delete(key);
    this.batchStarts = this.batchStarts.filter((start) => start >= offset || this.batchEndAfter(start) > offset);
    if (offset > this.logStart) this.logStart = offset;
  }

  dropFrom(offset: bigint): void {
    for (const key of this.records.keys()) if (key >= offset) this.records.delete(key);
    this.batchStarts = this.batchStarts.filter((start) => start < offset);
    this.logEnd = offset;
  }

  private batchEndAfter(start: bigint): bigint {
    const next = this.batchStarts.find((s) => s > start);
    return next ?? this.logEnd;
  }

  /** A batch boundary chosen by `fraction`, from the log start to the log end. */
  boundary(fraction: number): bigint {
    const candidates = [...this.batchStarts.filter((s) => s >= this.logStart), this.logEnd];
    return candidates[Math.min(candidates.length - 1, Math.floor(fraction * candidates.length))]!;
  }
}

function batchOf(ids: number[]): Uint8Array {
  const encoded = encodeRecordBatch({
    records: ids.map((id) => ({ key: null, value: new TextEncoder().encode(`record-${id}`), timestamp: NOW })),
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

/** Every record in `records` bytes as [offset, id]. */
function recordsIn(bytes: Uint8Array): [bigint, number][] {
  const out: [bigint, number][] = [];
  for (const entry of iterateRecordBatches(bytes)) {
    if (entry.kind !== "batch") throw new Error(`bad batch in a read: ${entry.kind}`);
    const decoded = decodeRecordBatch(bytes, { position: entry.header.position });
    if (!decoded.ok) throw decoded.error;
    for (const record of decoded.value.records) {
      out.push([record.offset, Number(new TextDecoder().decode(record.value!).slice("record-".length))]);
    }
  }
  return out;
}

async function run(ops: Op[]): Promise<void> {
  let fs = new MemoryFileSystem();
  let log = await PartitionLog.open({ fs, directory: DIR, config });
  const model = new Model();
  let flushedEnd = 0n;

  for (const op of ops) {
    switch (op.kind) {
      case "append": {
        const ids = Array.from({ length: op.count }, () => model.nextId++);
        const result = await log.appendAsLeader(batchOf(ids), 0, NOW);
        if (!result.ok) throw new Error(result.message);
        expect(result.firstOffset).toBe(model.logEnd);
        model.batchStarts.push(model.logEnd);
        ids.forEach((id, i) => model.records.set(model.logEnd + BigInt(i), id));
        model.logEnd += BigInt(op.count);
        break;
      }
      case "read": {
        const span = Number(model.logEnd - model.logStart) + 4;
        const offset = model.logStart - 2n + BigInt(Math.floor(op.at * span));
        const result = log.read(offset, op.maxBytes);
        if (offset < model.logStart || offset > model.logEnd) {
          expect(result).toMatchObject({ ok: false, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE });
          break;
        }
        if (!result.ok) throw new Error(result.message);
        const got = recordsIn(result.records);
        if (offset < model.logEnd) expect(got.length).toBeGreaterThan(0);
        // Whole batches: the first may start before `offset`, never after it.
        if (got.length > 0) expect(got[0]![0] <= offset).toBe(true);
        for (const [at, id] of got) {
          if (at >= model.logStart) expect(model.records.get(at)).toBe(id);
        }
        break;
      }
      case "roll":
        await log.rollNow();
        break;
      case "flush":
        await log.flush();
        flushedEnd = model.logEnd;
        break;
      case "retention": {
        const before = log.logStartOffset;
        const result = await log.deleteOldSegments(NOW);
        if (!result.ok) throw new Error(result.message);
        expect(log.logStartOffset >= before).toBe(true);
        model.dropBelow(log.logStartOffset);
        break;
      }
      case "deleteRecords": {
        const span = Number(model.logEnd - model.logStart);
        const target = model.logStart + BigInt(Math.min(span, Math.floor(op.at * (span + 1))));
        const result = await log.deleteRecordsBefore(target);
        expect(result).toMatchObject({ ok: true, logStartOffset: target > model.logStart ? target : model.logStart });
        model.dropBelow(target);
        break;
      }
      case "truncate": {
        const target = model.boundary(op.at);
        const result = await log.truncateTo(target);
        if (!result.ok) throw new Error(result.message);
        model.dropFrom(target);
        if (flushedEnd > target) flushedEnd = target;
        break;
      }
      case "restart": {
        const recoveryPoint = log.recoveryPoint;
        const logStartOffset = log.logStartOffset;
        if (op.how === "clean") {
          await log.close();
        } else {
          fs = fs.crash({ mode: op.how === "kill" ? "process" : "power" });
        }
        log = await PartitionLog.open({ fs, directory: DIR, config, recoveryPoint, logStartOffset, cleanShutdown: op.how === "clean" });
        if (op.how === "power") {
          // Only flushed data is sure to survive; the log is a prefix of what it was.
          expect(log.logEndOffset >= (flushedEnd < recoveryPoint ? flushedEnd : recoveryPoint)).toBe(true);
          expect(log.logEndOffset <= model.logEnd).toBe(true);
          model.dropFrom(log.logEndOffset);
        }
        flushedEnd = log.recoveryPoint;
        break;
      }
    }
    expect(log.logEndOffset).toBe(model.logEnd);
    expect(log.logStartOffset).toBe(model.logStart);
  }
}

describe("the partition log against a reference model", () => {
  it("agrees on every random sequence of operations", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 60 }), (ops) => run(ops)),
      { numRuns: 150 },
    );
  });
});
