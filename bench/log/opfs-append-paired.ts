/**
 * PartitionLog appends on OPFS against raw sync-handle writes, in the same run and turn by
 * turn: `sliceBytes` of raw writes, then `sliceBytes` of log appends, and again, each into
 * its own growing file, until each has `totalBytes`. This VM's disk speed drifts by 2x
 * within seconds; slices close together in time see the same disk, so their ratio is
 * about the log and not the weather. Flushes are timed apart (Kafka acknowledges appends
 * without one), then the log is read back whole.
 */
import type { BenchBatch } from "./bench-batch.ts";
import { BenchLog, type LogThroughputResult } from "./bench-log.ts";
import { RawOpfsFile } from "./raw-opfs-write.ts";

export interface PairedAppendOptions {
  root: string;
  totalBytes: number;
  sliceBytes: number;
  rawChunkBytes: number;
  segmentBytes: number;
  readMaxBytes: number;
}

/** The log's throughput, with the raw writes measured turn by turn beside it. */
export interface PairedAppendResult extends LogThroughputResult {
  rawBytes: number;
  rawSeconds: number;
  rawFlushSeconds: number;
}

export async function measurePairedOpfsAppend(
  batch: BenchBatch,
  options: PairedAppendOptions,
): Promise<PairedAppendResult> {
  const raw = await RawOpfsFile.create(`${options.root}-raw`, options.rawChunkBytes);
  const log = await BenchLog.open("opfs", `${options.root}-log`, options.segmentBytes);
  const nowMs = BigInt(Date.now());
  let rawSeconds = 0;
  let appendSeconds = 0;
  for (let done = 0; done < options.totalBytes; done += options.sliceBytes) {
    const slice = Math.min(options.sliceBytes, options.totalBytes - done);
    rawSeconds += raw.write(slice);
    appendSeconds += await log.append(batch, slice, 0, nowMs);
  }
  const rawFlushSeconds = raw.flush();
  const flushSeconds = await log.flush();
  const read = log.readAll(batch, options.readMaxBytes);
  const result = {
    rawBytes: raw.writtenBytes,
    rawSeconds,
    rawFlushSeconds,
    appendedBytes: log.appendedBytes,
    appendedRecords: log.appendedRecords,
    appendSeconds,
    flushSeconds,
    readBytes: read.bytes,
    readSeconds: read.seconds,
  };
  await raw.remove();
  await log.remove();
  return result;
}
