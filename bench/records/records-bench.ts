/**
 * Throughput of the RecordBatch v2 hot paths, as pure functions that run unchanged in Node
 * and in a browser page (bench/records/chromium.ts bundles this very module):
 *
 * - CRC32C in MB/s over 16 KiB inputs (the size a producer batch or a disk chunk has);
 * - encoding and decoding, in records per second, of uncompressed ~16 KiB batches of
 *   records with 100-byte values, decoding both "structurally" (what a broker appending or
 *   serving a fetch does: CRC + parse, records left as lazy views) and "reading every
 *   record" (offset, timestamp and value of each, what a consumer does).
 *
 * Each figure is the median of several timed rounds, each round long enough (ROUND_MS)
 * that a browser's coarsened clock (100 µs without cross-origin isolation) does not matter.
 */
import {
  crc32c,
  decodeRecordBatch,
  encodeRecordBatch,
  type RecordInput,
} from "../../src/protocol/records/record-batch.ts";
import { crc32cImplementation } from "../../src/protocol/records/crc32c.ts";
import { crc32cPortable } from "../../src/protocol/records/crc32c-portable.ts";
import { pseudoRandomBytes } from "../../src/protocol/records/testing/pseudo-random-bytes.ts";

export interface RecordsBenchOptions {
  rounds?: number;
  roundMs?: number;
}

export interface RecordsBenchResult {
  crc32cMegabytesPerSecond: number;
  /** Which CRC32C path 16 KiB inputs took, e.g. "wasm-simd-relaxed". */
  crc32cImplementation: string;
  encodeRecordsPerSecond: number;
  decodeRecordsPerSecond: number;
  decodeAndReadRecordsPerSecond: number;
  recordsPerBatch: number;
  batchBytes: number;
  rounds: number;
}

const CRC_INPUT_BYTES = 16 * 1024;
const BATCH_BYTES_TARGET = 16 * 1024;
const VALUE_BYTES = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `operation` (worth `unitsPerCall` units) for `roundMs`; returns units per second. */
function timeRound(operation: () => void, unitsPerCall: number, roundMs: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let index = 0; index < 16; index++) operation();
    calls += 16;
    elapsed = performance.now() - start;
  } while (elapsed < roundMs);
  return (calls * unitsPerCall) / (elapsed / 1000);
}

function medianRate(
  operation: () => void,
  unitsPerCall: number,
  rounds: number,
  roundMs: number,
): number {
  timeRound(operation, unitsPerCall, roundMs); // warm-up: let the JIT settle
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++)
    rates.push(timeRound(operation, unitsPerCall, roundMs));
  return median(rates);
}

/**
 * Before timing, the fast CRC32C path must agree with the portable one in this very engine
 * (the browser runs kernels, e.g. relaxed SIMD, that the Node unit tests may not): every
 * length up to 2100 and the lengths around the SIMD block sizes, at an odd offset.
 */
function checkCrc32cAgainstPortable(input: Uint8Array): void {
  const lengths: number[] = [];
  for (let length = 0; length <= 2100; length++) lengths.push(length);
  for (const base of [4096, 5120, 8192, 16384 - 23, 16384 - 1])
    lengths.push(base - 400, base, base + 400);
  for (const length of lengths) {
    const end = Math.min(input.length, 1 + length);
    if (crc32c(input, 0, 1, end) !== crc32cPortable(input, 0, 1, end)) {
      throw new Error(
        `crc32c (${crc32cImplementation()}) disagrees with the portable path on ${end - 1} bytes`,
      );
    }
  }
}

/** As many 100-byte-value records as fit one ~16 KiB uncompressed batch. */
export function benchRecords(): RecordInput[] {
  const records: RecordInput[] = [];
  const value = pseudoRandomBytes(VALUE_BYTES, 12345);
  const perRecordBytes = VALUE_BYTES + 10; // length, attributes, deltas, key, value length, headers
  const count = Math.floor((BATCH_BYTES_TARGET - 61) / perRecordBytes);
  for (let index = 0; index < count; index++) {
    records.push({ key: null, value, timestamp: 1_700_000_000_000n + BigInt(index) });
  }
  return records;
}

export function runRecordsBench(options: RecordsBenchOptions = {}): RecordsBenchResult {
  const rounds = options.rounds ?? 7;
  const roundMs = options.roundMs ?? 300;

  const crcInput = pseudoRandomBytes(CRC_INPUT_BYTES, 987654321);
  checkCrc32cAgainstPortable(crcInput);
  let crcSink = 0;
  const crcBytesPerSecond = medianRate(
    () => {
      crcSink ^= crc32c(crcInput);
    },
    CRC_INPUT_BYTES,
    rounds,
    roundMs,
  );

  const records = benchRecords();
  const first = encodeRecordBatch({ records });
  if (!first.ok) throw first.error;
  const batch = first.value;

  let encodeSink = 0;
  const encodeRate = medianRate(
    () => {
      const result = encodeRecordBatch({ records, baseOffset: 1000n });
      if (result.ok) encodeSink += result.value.length;
    },
    records.length,
    rounds,
    roundMs,
  );

  let decodeSink = 0;
  const decodeRate = medianRate(
    () => {
      const result = decodeRecordBatch(batch);
      if (result.ok) decodeSink += result.value.records.length;
    },
    records.length,
    rounds,
    roundMs,
  );

  let readSink = 0n;
  const decodeAndReadRate = medianRate(
    () => {
      const result = decodeRecordBatch(batch);
      if (!result.ok) return;
      for (const record of result.value.records) {
        readSink += record.offset + record.timestamp + BigInt(record.value?.length ?? 0);
      }
    },
    records.length,
    rounds,
    roundMs,
  );

  if (crcSink === 0.5 || encodeSink < 0 || decodeSink < 0 || readSink < 0n)
    throw new Error("unreachable");
  return {
    crc32cMegabytesPerSecond: crcBytesPerSecond / 1e6,
    crc32cImplementation: crc32cImplementation(),
    encodeRecordsPerSecond: encodeRate,
    decodeRecordsPerSecond: decodeRate,
    decodeAndReadRecordsPerSecond: decodeAndReadRate,
    recordsPerBatch: records.length,
    batchBytes: batch.length,
    rounds,
  };
}

/** The table both runners print; `columns` maps a runtime's name to its result. */
export function formatRecordsBenchTable(columns: Record<string, RecordsBenchResult>): string[] {
  const names = Object.keys(columns);
  const results = Object.values(columns);
  const any = results[0];
  if (any === undefined) return [];
  const rows: Array<[string, (result: RecordsBenchResult) => string, string]> = [
    [
      "CRC32C, 16 KiB inputs",
      (r) => `${r.crc32cMegabytesPerSecond.toFixed(0)} MB/s`,
      "Chromium ≥ 1000 MB/s",
    ],
    ["CRC32C path", (r) => r.crc32cImplementation, ""],
    [
      "encode, uncompressed",
      (r) => `${(r.encodeRecordsPerSecond / 1e6).toFixed(2)} M records/s`,
      "Node ≥ 2 M records/s",
    ],
    [
      "decode (CRC + parse, lazy records)",
      (r) => `${(r.decodeRecordsPerSecond / 1e6).toFixed(2)} M records/s`,
      "Node ≥ 3 M records/s",
    ],
    [
      "decode + read offset, timestamp, value",
      (r) => `${(r.decodeAndReadRecordsPerSecond / 1e6).toFixed(2)} M records/s`,
      "",
    ],
  ];
  const header = ["benchmark", ...names, "target"];
  const body = rows.map(([label, cell, target]) => [label, ...results.map(cell), target]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((row) => row[column]!.length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  return [
    `RecordBatch v2: ${any.recordsPerBatch} records of 100-byte values per batch (${any.batchBytes} bytes); median of ${any.rounds} rounds`,
    line(header),
    line(widths.map((width) => "-".repeat(width))),
    ...body.map(line),
  ];
}
