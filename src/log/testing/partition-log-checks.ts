/**
 * Building blocks for the partition log scenarios: batches whose records say where they
 * came from, reading a whole log back as a consumer would, and assertions that throw (no
 * test framework), so the scenarios run under Vitest and inside a Chromium worker alike.
 */
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import { encodeRecordBatch } from "../../protocol/records/record-batch-encoder.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import { check } from "../fs/contract-checks.ts";
import type { FileSystem } from "../fs/file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG, type LogConfig } from "../log-config.ts";
import type { LogResult } from "../log-errors.ts";
import type { AppendInfo, PartitionLog } from "../partition-log.ts";
import { LOG_SUFFIX } from "../segment-files.ts";

export const SCENARIO_DIRECTORY = "broker-1/orders-0";
export const SCENARIO_NOW_MS = 1_700_000_000_000n;

export function scenarioConfig(overrides: Partial<LogConfig> = {}): LogConfig {
  return { ...KAFKA_DEFAULT_LOG_CONFIG, ...overrides };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A producer's batch of `count` records valued "<label>.0", "<label>.1", ..., each value
 * padded with "." to `valueBytes`: labels of one length give batches of one size, which the
 * scenarios use to place segment boundaries exactly.
 */
export function labelledBatch(
  label: string,
  count: number,
  timestampMs = SCENARIO_NOW_MS,
  valueBytes = 0,
): Uint8Array {
  return keyedBatch(
    Array.from({ length: count }, (_, index) => ({
      key: label,
      value: `${label}.${index}`.padEnd(valueBytes, "."),
    })),
    timestampMs,
  );
}

/** A producer's batch of keyed records; a null value is a tombstone. */
export function keyedBatch(
  records: readonly { key: string; value: string | null }[],
  timestampMs = SCENARIO_NOW_MS,
): Uint8Array {
  const encoded = encodeRecordBatch({
    records: records.map((record) => ({
      key: encoder.encode(record.key),
      value: record.value === null ? null : encoder.encode(record.value),
      timestamp: timestampMs,
    })),
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

/** What a scenario expects of one batch in the log. Numbers, so failures print plainly. */
export interface BatchSummary {
  baseOffset: number;
  lastOffset: number;
  leaderEpoch: number;
  values: string[];
}

export interface RecordSummary {
  offset: number;
  key: string | null;
  value: string | null;
}

/** The value of a record as a string ("" for a missing key), or null for a tombstone. */
function textOf(bytes: Uint8Array | null): string | null {
  return bytes === null ? null : decoder.decode(bytes);
}

/**
 * Every batch from the log start offset to the LEO, fetching as a consumer does (a read
 * answers from one segment at a time). Checks on the way that each read starts with the
 * batch holding the offset asked for and that batches follow each other without gaps.
 */
export function batchesIn(log: PartitionLog, maxBytes = 1 << 20): BatchSummary[] {
  const batches: BatchSummary[] = [];
  let next = log.logStartOffset;
  while (next < log.logEndOffset) {
    const read = log.read(next, maxBytes);
    if (!read.ok) throw new Error(`read at ${next}: ${read.message}`);
    check(read.records.length > 0, `read at ${next} below the LEO ${log.logEndOffset} was empty`);
    for (const entry of iterateRecordBatches(read.records)) {
      if (entry.kind !== "batch") throw new Error(`read at ${next}: ${entry.error.message}`);
      const header = entry.header;
      check(
        header.baseOffset <= next && header.lastOffset >= next,
        `read at ${next} returned the batch ${header.baseOffset}..${header.lastOffset}`,
      );
      const decoded = decodeRecordBatch(read.records, { position: header.position });
      if (!decoded.ok) throw decoded.error;
      batches.push({
        baseOffset: Number(header.baseOffset),
        lastOffset: Number(header.lastOffset),
        leaderEpoch: header.partitionLeaderEpoch,
        values: decoded.value.records.map((record) => textOf(record.value) ?? "<null>"),
      });
      next = header.lastOffset + 1n;
    }
  }
  return batches;
}

/** Every record from the log start offset on, with its offset, key and value. */
export function recordsIn(log: PartitionLog): RecordSummary[] {
  const records: RecordSummary[] = [];
  let next = log.logStartOffset;
  while (next < log.logEndOffset) {
    const read = log.read(next, 1 << 20);
    if (!read.ok) throw new Error(`read at ${next}: ${read.message}`);
    check(read.records.length > 0, `read at ${next} below the LEO ${log.logEndOffset} was empty`);
    for (const entry of iterateRecordBatches(read.records)) {
      if (entry.kind !== "batch") throw new Error(`read at ${next}: ${entry.error.message}`);
      const decoded = decodeRecordBatch(read.records, { position: entry.header.position });
      if (!decoded.ok) throw decoded.error;
      for (const record of decoded.value.records) {
        if (record.offset < next) continue;
        records.push({
          offset: Number(record.offset),
          key: textOf(record.key),
          value: textOf(record.value),
        });
      }
      next = entry.header.lastOffset + 1n;
    }
  }
  return records;
}

/** The batches a scenario appended, as `batchesIn` should find them. */
export function expectedBatch(
  baseOffset: number,
  label: string,
  count: number,
  leaderEpoch: number,
  valueBytes = 0,
): BatchSummary {
  return {
    baseOffset,
    lastOffset: baseOffset + count - 1,
    leaderEpoch,
    values: Array.from({ length: count }, (_, index) =>
      `${label}.${index}`.padEnd(valueBytes, "."),
    ),
  };
}

/** The successful result of an append, or a thrown error saying why it failed. */
export function appended(result: LogResult<AppendInfo>, what: string): AppendInfo {
  if (!result.ok) throw new Error(`${what}: the append failed: ${result.message}`);
  return result;
}

/** Fails unless an operation on the log succeeded. */
export function succeeded<T>(result: LogResult<T>, what: string): { ok: true } & T {
  if (!result.ok) throw new Error(`${what} failed: ${result.message}`);
  return result;
}

/** JSON with bigints spelled "12n", for failure messages and structural comparison. */
export function describeValue(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "bigint" ? `${item}n` : item,
  );
}

/** Deep equality by `describeValue`: enough for the plain data the scenarios compare. */
export function checkSame(actual: unknown, expected: unknown, what: string): void {
  const actualText = describeValue(actual);
  const expectedText = describeValue(expected);
  check(actualText === expectedText, `${what}: expected ${expectedText}, got ${actualText}`);
}

/** The `.log` files of the scenario's partition directory, oldest first. */
export async function segmentLogFiles(fs: FileSystem): Promise<string[]> {
  return (await fs.list(SCENARIO_DIRECTORY)).filter((name) => name.endsWith(LOG_SUFFIX));
}

/**
 * Cuts `bytes` off the end of the newest segment's .log, as a crash that tore the last
 * write leaves it. The log must not have the file open (reopen it afterwards).
 */
export async function tearNewestSegment(fs: FileSystem, bytes: number): Promise<void> {
  const newest = (await segmentLogFiles(fs)).at(-1);
  if (newest === undefined) throw new Error("no segment to tear");
  const file = await fs.open(`${SCENARIO_DIRECTORY}/${newest}`);
  try {
    check(file.size() >= bytes, `cannot tear ${bytes} bytes off a ${file.size()}-byte segment`);
    file.truncate(file.size() - bytes);
  } finally {
    await file.close();
  }
}

/** Flips one byte of a segment's .log (bit rot, or a write that landed wrong). */
export async function corruptByte(
  fs: FileSystem,
  segmentName: string,
  position: number,
): Promise<void> {
  const file = await fs.open(`${SCENARIO_DIRECTORY}/${segmentName}`);
  try {
    const byte = file.read(position, 1);
    check(byte.length === 1, `no byte ${position} in ${segmentName}`);
    file.write(position, Uint8Array.of(byte[0]! ^ 0xff));
  } finally {
    await file.close();
  }
}
