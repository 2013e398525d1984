/**
 * Recovery after a crash: one worker writes a large log on OPFS and is killed with it open;
 * each later worker reopens it with recovery point 0, so every segment is checked batch by
 * batch (header, CRC32C, offsets) and its indexes rebuilt, and reports how long that took.
 */
import { KAFKA_DEFAULT_LOG_CONFIG, type LogConfig } from "../../src/log/log-config.ts";
import { PartitionLog } from "../../src/log/partition-log.ts";
import type { BenchBatch } from "./bench-batch.ts";
import { openBenchStorage } from "./bench-storage.ts";

const PARTITION_DIRECTORY = "broker-1/recovery-0";

export interface WrittenForRecovery {
  bytes: number;
  logEndOffset: number;
  segments: number;
}

export interface RecoveryResult {
  openMs: number;
  logEndOffset: number;
  sizeBytes: number;
  segments: number;
  truncatedBytes: number;
}

function recoveryConfig(segmentBytes: number): LogConfig {
  return { ...KAFKA_DEFAULT_LOG_CONFIG, segmentBytes };
}

/** Logs the worker must keep referenced until it is killed. */
const heldUntilKilled: PartitionLog[] = [];

/** Appends `totalBytes` of `batch` and returns without closing (or flushing) the log. */
export async function writeLogForRecovery(
  batch: BenchBatch,
  root: string,
  totalBytes: number,
  segmentBytes: number,
): Promise<WrittenForRecovery> {
  const fs = await openBenchStorage("opfs", root);
  const log = await PartitionLog.open({
    fs,
    directory: PARTITION_DIRECTORY,
    config: recoveryConfig(segmentBytes),
  });
  const nowMs = BigInt(Date.now());
  const appends = Math.ceil(totalBytes / batch.bytes.length);
  for (let index = 0; index < appends; index++) {
    const appended = await log.appendAsLeader(batch.bytes, 0, nowMs);
    if (!appended.ok) throw new Error(`append ${index}: ${appended.message}`);
  }
  heldUntilKilled.push(log);
  return {
    bytes: log.sizeBytes,
    logEndOffset: Number(log.logEndOffset),
    segments: log.segmentInfos().length,
  };
}

/** Reopens the killed log checking every segment; leaves it open for the next kill. */
export async function timeRecovery(root: string, segmentBytes: number): Promise<RecoveryResult> {
  const fs = await openBenchStorage("opfs", root);
  const startedMs = performance.now();
  const log = await PartitionLog.open({
    fs,
    directory: PARTITION_DIRECTORY,
    config: recoveryConfig(segmentBytes),
    recoveryPoint: 0n,
  });
  const openMs = performance.now() - startedMs;
  heldUntilKilled.push(log);
  return {
    openMs,
    logEndOffset: Number(log.logEndOffset),
    sizeBytes: log.sizeBytes,
    segments: log.segmentInfos().length,
    truncatedBytes: log.truncatedOnOpenBytes,
  };
}
