/**
 * Partition log scenarios about cleanup: retention deletes whole closed segments (by time
 * and by size, never the active one), and compaction keeps the latest value of each key,
 * with every file change surviving a restart.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { check } from "../fs/contract-checks.ts";
import type { FileSystem } from "../fs/file-system.ts";
import type { LogConfig } from "../log-config.ts";
import { PartitionLog } from "../partition-log.ts";
import {
  appended,
  checkSame,
  keyedBatch,
  labelledBatch,
  recordsIn,
  scenarioConfig,
  SCENARIO_DIRECTORY,
  SCENARIO_NOW_MS,
  segmentLogFiles,
  succeeded,
  type RecordSummary,
} from "./partition-log-checks.ts";
import type { PartitionLogScenario } from "./partition-log-scenario.ts";

function openLog(fs: FileSystem, config: LogConfig, cleanShutdown = false): Promise<PartitionLog> {
  return PartitionLog.open({ fs, directory: SCENARIO_DIRECTORY, config, cleanShutdown });
}

/** What compaction must leave below `cleanedBelow`: each key's last record there. */
function latestPerKey(records: readonly RecordSummary[], cleanedBelow: number): RecordSummary[] {
  const latest = new Map<string | null, RecordSummary>();
  for (const record of records) if (record.offset < cleanedBelow) latest.set(record.key, record);
  return [...latest.values()].sort((a, b) => a.offset - b.offset);
}

export const CLEANUP_SCENARIOS: readonly PartitionLogScenario[] = [
  {
    name: "retention deletes whole closed segments by retention.ms and retention.bytes, never the active one",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const batchBytes = labelledBatch("d0", 5, SCENARIO_NOW_MS, 50).length;
      const byTime = await openLog(
        fs,
        scenarioConfig({ segmentBytes: batchBytes, retentionMs: 1000 }),
      );
      for (let index = 0; index < 4; index++) {
        const timestamp = SCENARIO_NOW_MS + BigInt(index * 1000);
        appended(
          await byTime.appendAsLeader(labelledBatch(`d${index}`, 5, timestamp, 50), 0, timestamp),
          "append",
        );
      }
      checkSame(byTime.segmentInfos().length, 4, "one segment per batch");
      const expired = succeeded(
        await byTime.deleteOldSegments(SCENARIO_NOW_MS + 2500n),
        "retention",
      );
      checkSame(expired.deleted, [0n, 5n], "segments older than retention.ms");
      checkSame(byTime.logStartOffset, 10n, "log start offset after retention");
      checkSame(
        await segmentLogFiles(fs),
        ["00000000000000000010.log", "00000000000000000015.log"],
        "files left",
      );
      const gone = byTime.read(5n, 100);
      check(
        !gone.ok && gone.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE,
        "a deleted offset is out of range",
      );
      const everything = succeeded(
        await byTime.deleteOldSegments(SCENARIO_NOW_MS + 1_000_000n),
        "retention",
      );
      checkSame(everything.deleted, [10n], "all closed segments expire, the active one stays");
      checkSame(
        recordsIn(byTime).map((record) => record.offset),
        [15, 16, 17, 18, 19],
        "what is left",
      );
      succeeded(await byTime.close(), "close");

      const reopened = await openLog(
        await openFileSystem(),
        scenarioConfig({ segmentBytes: batchBytes }),
        true,
      );
      checkSame(reopened.logStartOffset, 15n, "log start offset after a restart");
      succeeded(await reopened.close(), "close");

      const bySize = await PartitionLog.open({
        fs: await openFileSystem(),
        directory: "broker-1/sized-0",
        config: scenarioConfig({
          segmentBytes: batchBytes,
          retentionMs: -1,
          retentionBytes: batchBytes * 2,
        }),
      });
      for (let index = 0; index < 5; index++) {
        appended(
          await bySize.appendAsLeader(
            labelledBatch(`e${index}`, 5, SCENARIO_NOW_MS, 50),
            0,
            SCENARIO_NOW_MS,
          ),
          "append",
        );
      }
      const trimmed = succeeded(await bySize.deleteOldSegments(SCENARIO_NOW_MS), "retention");
      checkSame(trimmed.deleted, [0n, 5n, 10n], "the oldest segments past retention.bytes");
      checkSame(bySize.sizeBytes, batchBytes * 2, "bytes kept");
      succeeded(await bySize.close(), "close");
    },
  },
  {
    name: "compaction keeps the latest value of each key in closed segments, offsets intact, across a restart",
    async run(openFileSystem) {
      const config = scenarioConfig({
        cleanupPolicy: ["compact"],
        segmentBytes: 400,
        minCleanableDirtyRatio: 0,
      });
      const log = await openLog(await openFileSystem(), config);
      for (let round = 0; round < 8; round++) {
        const records = ["a", "b", "c"].map((key) => ({ key, value: `${key}${round}` }));
        // Key "c" stops changing after round 2: its last value sits in an early segment.
        const batch = keyedBatch(round > 2 ? records.filter((r) => r.key !== "c") : records);
        appended(await log.appendAsLeader(batch, 0, SCENARIO_NOW_MS), `round ${round}`);
      }
      appended(
        await log.appendAsLeader(keyedBatch([{ key: "a", value: "a-active" }]), 0, SCENARIO_NOW_MS),
        "active",
      );
      check(log.segmentInfos().length >= 3, "the rounds fill several segments");
      const activeBase = Number(log.segmentInfos().at(-1)!.baseOffset);
      const before = recordsIn(log);

      const result = succeeded(await log.compact(SCENARIO_NOW_MS, 0n), "compact");
      checkSame(result.cleaned, true, "compaction ran");
      checkSame(
        result.firstDirtyOffset,
        BigInt(activeBase),
        "the cleaner checkpoint moves to the active segment",
      );
      const expected = [
        ...latestPerKey(before, activeBase),
        ...before.filter((record) => record.offset >= activeBase),
      ];
      checkSame(result.recordsRemoved, before.length - expected.length, "records removed");
      checkSame(recordsIn(log), expected, "the compacted log");
      checkSame(log.logEndOffset, BigInt(before.at(-1)!.offset + 1), "the LEO does not move");
      succeeded(await log.close(), "close");

      const reopened = await PartitionLog.open({
        fs: await openFileSystem(),
        directory: SCENARIO_DIRECTORY,
        config,
        recoveryPoint: 0n,
      });
      checkSame(recordsIn(reopened), expected, "the compacted log after a restart");
      checkSame(reopened.truncatedOnOpenBytes, 0, "bytes cut on open");
      succeeded(await reopened.close(), "close");
    },
  },
];
