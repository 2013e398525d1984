/**
 * Test harness: a real PartitionLog on a MemoryFileSystem with its ProducerStateManager,
 * driven the way the Produce path will drive them (check, append as leader, record).
 */
import type { MemoryFileSystem } from "../../../log/fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG, type LogConfig } from "../../../log/log-config.ts";
import { PartitionLog } from "../../../log/partition-log.ts";
import { ProducerStateManager, type SequenceCheck } from "../producer-state-manager.ts";
import { headerOf } from "./producer-batches.ts";

export const PARTITION_DIRECTORY = "broker-1/orders-0";
export const NOW_MS = 1_700_000_000_000;

export interface Partition {
  fs: MemoryFileSystem;
  log: PartitionLog;
  producers: ProducerStateManager;
}

/** Open (or reopen after a crash) the log and its producer state, and recover the state. */
export async function openPartition(
  fs: MemoryFileSystem,
  config: Partial<LogConfig> = {},
  nowMs = NOW_MS,
): Promise<Partition> {
  const log = await PartitionLog.open({
    fs,
    directory: PARTITION_DIRECTORY,
    config: { ...KAFKA_DEFAULT_LOG_CONFIG, ...config },
  });
  const producers = await ProducerStateManager.open({ fs, directory: PARTITION_DIRECTORY });
  await producers.recover(log, nowMs);
  return { fs, log, producers };
}

/** The leader's Produce path for one batch: check, append if new, record. */
export async function produce(
  partition: Partition,
  batch: Uint8Array,
  nowMs = NOW_MS,
): Promise<SequenceCheck | { kind: "appended"; firstOffset: bigint; lastOffset: bigint }> {
  const header = headerOf(batch);
  const check = partition.producers.check(header);
  if (check.kind !== "append") return check;
  const appended = await partition.log.appendAsLeader(batch, 0, BigInt(nowMs));
  if (!appended.ok) throw new Error(appended.message);
  partition.producers.recordAppended(
    header,
    appended.firstOffset,
    appended.lastOffset,
    header.maxTimestamp,
    nowMs,
  );
  return { kind: "appended", firstOffset: appended.firstOffset, lastOffset: appended.lastOffset };
}

/** A follower's append: the leader's batches as they are, then recorded. */
export async function replicate(
  partition: Partition,
  batch: Uint8Array,
  nowMs = NOW_MS,
): Promise<void> {
  const appended = await partition.log.appendAsFollower(batch, BigInt(nowMs));
  if (!appended.ok) throw new Error(appended.message);
  const header = headerOf(batch);
  partition.producers.recordAppended(
    header,
    header.baseOffset,
    header.lastOffset,
    header.maxTimestamp,
    nowMs,
  );
}
