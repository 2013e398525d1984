/**
 * PartitionLog on IndexedDB: appends, each in its own task as produce requests arrive in
 * a broker worker (so the write-behind runs between them as it does in the product), then
 * the flush that makes them durable, then the log read back whole.
 */
import type { BenchBatch } from "./bench-batch.ts";
import { BenchLog, type LogThroughputResult } from "./bench-log.ts";

export interface IndexedDbThroughputOptions {
  root: string;
  totalBytes: number;
  segmentBytes: number;
  readMaxBytes: number;
}

export type IndexedDbThroughputResult = LogThroughputResult;

export async function measureIndexedDbThroughput(
  batch: BenchBatch,
  options: IndexedDbThroughputOptions,
): Promise<IndexedDbThroughputResult> {
  const log = await BenchLog.open("indexeddb", options.root, options.segmentBytes);
  const appendSeconds = await log.append(batch, options.totalBytes, 1, BigInt(Date.now()));
  const flushSeconds = await log.flush();
  const read = log.readAll(batch, options.readMaxBytes);
  const result = {
    appendedBytes: log.appendedBytes,
    appendedRecords: log.appendedRecords,
    appendSeconds,
    flushSeconds,
    readBytes: read.bytes,
    readSeconds: read.seconds,
  };
  await log.remove();
  return result;
}
