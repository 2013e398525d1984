/**
 * Partition log scenarios about crashes: a process that dies mid-write leaves a torn tail,
 * and a damaged batch anywhere after the recovery point; recovery must keep exactly the
 * whole, valid batches before it, and appends must carry on from there.
 */

import type { FileSystem } from "../fs/file-system.ts";
import type { LogConfig } from "../log-config.ts";
import { PartitionLog } from "../partition-log.ts";
import {
  appended,
  batchesIn,
  checkSame,
  corruptByte,
  expectedBatch,
  labelledBatch,
  scenarioConfig,
  SCENARIO_DIRECTORY,
  SCENARIO_NOW_MS,
  segmentLogFiles,
  succeeded,
  tearNewestSegment,
  type BatchSummary,
} from "./partition-log-checks.ts";
import type { PartitionLogScenario } from "./partition-log-scenario.ts";

function reopen(fs: FileSystem, config: LogConfig, recoveryPoint: bigint): Promise<PartitionLog> {
  return PartitionLog.open({ fs, directory: SCENARIO_DIRECTORY, config, recoveryPoint });
}

/**
 * How many bytes of the last, unflushed batch reached the disk before the crash: none, a
 * few, a whole header and part of the records, all but the last byte.
 */
function tearPoints(batchBytes: number): number[] {
  return [0, 1, 11, 12, 61, 70, batchBytes - 1];
}

export const RECOVERY_SCENARIOS: readonly PartitionLogScenario[] = [
  {
    name: "after a crash that tore the last write, recovery keeps exactly the whole batches and appends continue",
    async run(openFileSystem, restartAfterCrash) {
      const config = scenarioConfig();
      let fs = await openFileSystem();
      let log = await reopen(fs, config, 0n);
      const expected: BatchSummary[] = [];
      for (let index = 0; index < 3; index++) {
        appended(
          await log.appendAsLeader(labelledBatch(`f${index}`, 4), 2, SCENARIO_NOW_MS),
          "append",
        );
        expected.push(expectedBatch(index * 4, `f${index}`, 4, 2));
      }
      let recoveryPoint = succeeded(await log.flush(), "flush").recoveryPoint;
      let logEndOffset = 12;
      const tornBytes = labelledBatch("t0", 5).length;
      for (const [round, kept] of tearPoints(tornBytes).entries()) {
        const torn = labelledBatch(`t${round}`, 5);
        appended(await log.appendAsLeader(torn, 2, SCENARIO_NOW_MS), `torn batch ${round}`);
        fs = await restartAfterCrash(fs);
        await tearNewestSegment(fs, torn.length - kept);

        log = await reopen(fs, config, recoveryPoint);
        const what = `after keeping ${kept} of ${torn.length} bytes of the last batch`;
        checkSame(log.logEndOffset, BigInt(logEndOffset), `LEO ${what}`);
        checkSame(log.truncatedOnOpenBytes, kept, `bytes cut on open ${what}`);
        checkSame(batchesIn(log), expected, `the batches ${what}`);
        checkSame(log.epochs.all(), [{ epoch: 2, startOffset: 0n }], `epochs ${what}`);
        const next = appended(
          await log.appendAsLeader(labelledBatch(`n${round}`, 2), 2, SCENARIO_NOW_MS),
          "next",
        );
        checkSame(next.firstOffset, BigInt(logEndOffset), `the next append ${what}`);
        expected.push(expectedBatch(logEndOffset, `n${round}`, 2, 2));
        logEndOffset += 2;
        recoveryPoint = succeeded(await log.flush(), "flush").recoveryPoint;
      }
      succeeded(await log.close(), "close");
    },
  },
  {
    name: "a damaged batch after the recovery point is cut off, with every segment after it",
    async run(openFileSystem, restartAfterCrash) {
      const batchBytes = labelledBatch("c0", 3).length;
      const config = scenarioConfig({ segmentBytes: batchBytes * 2 });
      let fs = await openFileSystem();
      const log = await reopen(fs, config, 0n);
      let recoveryPoint = 0n;
      for (let index = 0; index < 6; index++) {
        appended(
          await log.appendAsLeader(labelledBatch(`c${index}`, 3), 4, SCENARIO_NOW_MS),
          "append",
        );
        // The recovery point a checkpoint took after the first roll: segments from 6 on are checked.
        if (index === 2) recoveryPoint = log.recoveryPoint;
      }
      checkSame(recoveryPoint, 6n, "recovery point after the first roll");
      checkSame(
        await segmentLogFiles(fs),
        ["00000000000000000000.log", "00000000000000000006.log", "00000000000000000012.log"],
        "segments before the crash",
      );
      fs = await restartAfterCrash(fs);
      // Batch c3 is the second in segment 6: damage a byte of its records (CRC-covered).
      await corruptByte(fs, "00000000000000000006.log", batchBytes + 70);

      const recovered = await reopen(fs, config, recoveryPoint);
      checkSame(recovered.logEndOffset, 9n, "LEO: the batch before the damage is the last");
      checkSame(recovered.truncatedOnOpenBytes, batchBytes, "bytes cut from the damaged segment");
      checkSame(
        batchesIn(recovered),
        [0, 1, 2].map((index) => expectedBatch(index * 3, `c${index}`, 3, 4)),
        "the batches kept",
      );
      checkSame(
        await segmentLogFiles(fs),
        ["00000000000000000000.log", "00000000000000000006.log"],
        "segments after recovery: the one after the damage is gone",
      );
      const next = appended(
        await recovered.appendAsLeader(labelledBatch("c9", 3), 5, SCENARIO_NOW_MS),
        "next",
      );
      checkSame(next.firstOffset, 9n, "the next append continues after the last good batch");
      checkSame(
        recovered.epochs.all(),
        [
          { epoch: 4, startOffset: 0n },
          { epoch: 5, startOffset: 9n },
        ],
        "epochs after recovery and a new leader epoch",
      );
      succeeded(await recovered.close(), "close");
    },
  },
];
