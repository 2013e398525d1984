/**
 * The scenario that takes two processes: the first appends to a log, flushes part of it,
 * appends more and dies holding the log open; the second reopens it with the recovery
 * point the first had and must find a prefix of what was written, made of whole batches,
 * at least everything flushed, and carry on appending right after it.
 *
 * In Chromium the death is a real worker.terminate() between two workers on one profile
 * (e2e/harness/partition-log.spec.ts); under Vitest it is a crash of the memory file system.
 * The two halves exchange only `WrittenBeforeKill`, plain numbers that cross postMessage.
 */
import { check } from "../fs/contract-checks.ts";
import type { FileSystem } from "../fs/file-system.ts";
import { PartitionLog } from "../partition-log.ts";
import {
  appended,
  batchesIn,
  checkSame,
  expectedBatch,
  labelledBatch,
  scenarioConfig,
  SCENARIO_DIRECTORY,
  SCENARIO_NOW_MS,
  succeeded,
  type BatchSummary,
} from "./partition-log-checks.ts";

const RECORDS_PER_BATCH = 4;
/** Nine batches: four under leader epoch 3 (then a flush), five under epoch 4. */
const PLAN = Array.from({ length: 9 }, (_, index) => ({
  label: `w${index}`,
  leaderEpoch: index < 4 ? 3 : 4,
  baseOffset: index * RECORDS_PER_BATCH,
}));
const FLUSHED_BATCHES = 4;
/** Three batches a segment, so the unflushed part spans a roll. */
const CONFIG = scenarioConfig({
  segmentBytes: labelledBatch("w0", RECORDS_PER_BATCH).length * 3,
  indexIntervalBytes: 1,
});

export interface WrittenBeforeKill {
  /** The log's recovery point when it died: what its checkpoint file would hold. */
  recoveryPoint: number;
  /** Everything below this offset was flushed explicitly. */
  flushedOffset: number;
  /** The LEO when it died. */
  logEndOffset: number;
}

/** Appends the plan, flushing after the first part; leaves the log open for the kill. */
export async function writeUntilKilled(
  fs: FileSystem,
): Promise<{ written: WrittenBeforeKill; openLog: PartitionLog }> {
  const log = await PartitionLog.open({ fs, directory: SCENARIO_DIRECTORY, config: CONFIG });
  let flushedOffset = 0n;
  for (const [index, batch] of PLAN.entries()) {
    const info = appended(
      await log.appendAsLeader(
        labelledBatch(batch.label, RECORDS_PER_BATCH),
        batch.leaderEpoch,
        SCENARIO_NOW_MS,
      ),
      batch.label,
    );
    checkSame(info.firstOffset, BigInt(batch.baseOffset), `offset of ${batch.label}`);
    if (index + 1 === FLUSHED_BATCHES)
      flushedOffset = succeeded(await log.flush(), "flush").recoveryPoint;
  }
  const written = {
    recoveryPoint: Number(log.recoveryPoint),
    flushedOffset: Number(flushedOffset),
    logEndOffset: Number(log.logEndOffset),
  };
  return { written, openLog: log };
}

export interface RecoveredAfterKill {
  /** The LEO the restarted log found. */
  logEndOffset: number;
  truncatedOnOpenBytes: number;
  /** The offset the first append after the restart got. */
  nextAppendOffset: number;
}

/**
 * Reopens the killed log with its recovery point and checks what it found (throws when
 * something is wrong); the caller checks what its backend promises beyond that.
 */
export async function recoverAfterKill(
  fs: FileSystem,
  written: WrittenBeforeKill,
): Promise<RecoveredAfterKill> {
  const log = await PartitionLog.open({
    fs,
    directory: SCENARIO_DIRECTORY,
    config: CONFIG,
    recoveryPoint: BigInt(written.recoveryPoint),
  });
  const logEndOffset = Number(log.logEndOffset);
  const batchEnds = PLAN.map((batch) => batch.baseOffset + RECORDS_PER_BATCH);
  check(
    logEndOffset === 0 || batchEnds.includes(logEndOffset),
    `the LEO ${logEndOffset} after the kill is not the end of a batch`,
  );
  check(
    logEndOffset >= written.flushedOffset && logEndOffset >= written.recoveryPoint,
    `the LEO ${logEndOffset} lost flushed data (flushed to ${written.flushedOffset}, recovery point ${written.recoveryPoint})`,
  );
  check(logEndOffset <= written.logEndOffset, `the LEO ${logEndOffset} grew past what was written`);

  const survivors = PLAN.filter((batch) => batch.baseOffset < logEndOffset);
  const expected: BatchSummary[] = survivors.map((batch) =>
    expectedBatch(batch.baseOffset, batch.label, RECORDS_PER_BATCH, batch.leaderEpoch),
  );
  checkSame(batchesIn(log), expected, "the batches after the kill");
  const epochStarts = [3, 4].flatMap((epoch) => {
    const first = survivors.find((batch) => batch.leaderEpoch === epoch);
    return first === undefined ? [] : [{ epoch, startOffset: BigInt(first.baseOffset) }];
  });
  checkSame(log.epochs.all(), epochStarts, "the leader epoch cache after the kill");

  const next = appended(
    await log.appendAsLeader(labelledBatch("after-kill", 2), 5, SCENARIO_NOW_MS),
    "the first append after the kill",
  );
  checkSame(next.firstOffset, BigInt(logEndOffset), "the first append after the kill");
  succeeded(await log.close(), "close");
  return {
    logEndOffset,
    truncatedOnOpenBytes: log.truncatedOnOpenBytes,
    nextAppendOffset: Number(next.firstOffset),
  };
}
