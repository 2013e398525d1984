/**
 * Partition log scenarios about the happy path: offsets and leader epochs on append, what
 * a read returns, rolling segments under Kafka's file names, and a clean restart.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import { check, checkBytes } from "../fs/contract-checks.ts";
import { PartitionLog } from "../partition-log.ts";
import type { LogConfig } from "../log-config.ts";
import type { FileSystem } from "../fs/file-system.ts";
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
} from "./partition-log-checks.ts";
import type { PartitionLogScenario } from "./partition-log-scenario.ts";

function openLog(fs: FileSystem, config: LogConfig): Promise<PartitionLog> {
  return PartitionLog.open({ fs, directory: SCENARIO_DIRECTORY, config });
}

/** The base offsets of the batches in a read's records. */
function baseOffsetsIn(records: Uint8Array): number[] {
  const offsets: number[] = [];
  for (const entry of iterateRecordBatches(records)) {
    if (entry.kind !== "batch") throw new Error(`a read returned ${entry.kind}`);
    offsets.push(Number(entry.header.baseOffset));
  }
  return offsets;
}

export const APPEND_SCENARIOS: readonly PartitionLogScenario[] = [
  {
    name: "appends take consecutive offsets from the LEO and the leader epoch, and read back as written",
    async run(openFileSystem) {
      const log = await openLog(await openFileSystem(), scenarioConfig());
      const first = appended(
        await log.appendAsLeader(labelledBatch("a", 3), 5, SCENARIO_NOW_MS),
        "a",
      );
      const second = appended(
        await log.appendAsLeader(labelledBatch("b", 2), 5, SCENARIO_NOW_MS),
        "b",
      );
      const third = appended(
        await log.appendAsLeader(labelledBatch("c", 4), 7, SCENARIO_NOW_MS),
        "c",
      );
      checkSame(
        [first, second, third].map((info) => [info.firstOffset, info.lastOffset]),
        [
          [0n, 2n],
          [3n, 4n],
          [5n, 8n],
        ],
        "offsets given to the appends",
      );
      checkSame(log.logEndOffset, 9n, "LEO");
      checkSame(
        batchesIn(log),
        [expectedBatch(0, "a", 3, 5), expectedBatch(3, "b", 2, 5), expectedBatch(5, "c", 4, 7)],
        "the batches read back",
      );
      checkSame(
        log.epochs.all(),
        [
          { epoch: 5, startOffset: 0n },
          { epoch: 7, startOffset: 5n },
        ],
        "the leader epoch cache",
      );
      const fromInside = succeeded(log.read(4n, 1 << 20), "a read from inside a batch");
      checkSame(
        baseOffsetsIn(fromInside.records),
        [3, 5],
        "a read at offset 4 starts with its batch",
      );
      succeeded(await log.close(), "close");
    },
  },
  {
    name: "reads stop before the max offset and within max bytes, but return at least one batch",
    async run(openFileSystem) {
      const log = await openLog(await openFileSystem(), scenarioConfig());
      const batch = labelledBatch("r0", 2);
      for (let index = 0; index < 4; index++) {
        appended(
          await log.appendAsLeader(labelledBatch(`r${index}`, 2), 0, SCENARIO_NOW_MS),
          "append",
        );
      }
      const read = (offset: bigint, maxBytes: number, maxOffset?: bigint): number[] =>
        baseOffsetsIn(
          succeeded(log.read(offset, maxBytes, maxOffset), `read at ${offset}`).records,
        );
      checkSame(read(0n, 1 << 20, 4n), [0, 2], "below a max offset (the HW) of 4");
      checkSame(read(0n, 1 << 20, 3n), [0, 2], "a batch that starts below the max offset is whole");
      checkSame(read(0n, batch.length * 2), [0, 2], "exactly two batches of bytes");
      checkSame(read(0n, batch.length * 2 - 1), [0], "one byte short of two batches");
      checkSame(read(2n, 1), [2], "at least one batch, even over max bytes");
      checkSame(read(3n, 1 << 20), [2, 4, 6], "from the middle of a batch");
      checkSame(read(8n, 100), [], "at the LEO: nothing yet");
      checkSame(read(6n, 100, 6n), [], "at the max offset: nothing");
      const past = log.read(9n, 100);
      check(
        !past.ok && past.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE,
        "past the LEO is out of range",
      );
      succeeded(await log.close(), "close");
    },
  },
  {
    name: "a read far from any index entry walks batch by batch to the right one",
    async run(openFileSystem) {
      // An index interval larger than the log keeps the index empty: every read starts at
      // the segment's first byte and walks ~40 KB of small batches, window after window.
      const log = await openLog(
        await openFileSystem(),
        scenarioConfig({ indexIntervalBytes: 1 << 30 }),
      );
      const label = (index: number) => `w${String(index).padStart(3, "0")}`;
      for (let index = 0; index < 300; index++) {
        appended(
          await log.appendAsLeader(
            labelledBatch(label(index), 1, SCENARIO_NOW_MS, 60),
            0,
            SCENARIO_NOW_MS,
          ),
          label(index),
        );
      }
      for (const offset of [0, 1, 37, 150, 211, 298, 299]) {
        const read = succeeded(log.read(BigInt(offset), 1), `read at ${offset}`);
        checkSame(baseOffsetsIn(read.records), [offset], `the one batch read at ${offset}`);
      }
      checkSame(
        batchesIn(log, 1000), // ~7 batches a read: ~40 reads, each walking from the start
        Array.from({ length: 300 }, (_, index) => expectedBatch(index, label(index), 1, 0, 60)),
        "every batch, read a few at a time",
      );
      succeeded(await log.close(), "close");
    },
  },
  {
    name: "the active segment rolls at segment.bytes; segments are named by base offset, as Kafka's are",
    async run(openFileSystem) {
      const fs = await openFileSystem();
      const batchBytes = labelledBatch("s0", 10, SCENARIO_NOW_MS, 100).length;
      const log = await openLog(fs, scenarioConfig({ segmentBytes: batchBytes * 3 }));
      const written: Uint8Array[] = [];
      for (let index = 0; index < 7; index++) {
        const batch = labelledBatch(`s${index}`, 10, SCENARIO_NOW_MS, 100);
        appended(await log.appendAsLeader(batch, 0, SCENARIO_NOW_MS), `batch ${index}`);
        written.push(batch);
      }
      checkSame(
        log.segmentInfos().map((info) => [info.baseOffset, info.nextOffset, info.sizeBytes]),
        [
          [0n, 30n, batchBytes * 3],
          [30n, 60n, batchBytes * 3],
          [60n, 70n, batchBytes],
        ],
        "segments (base offset, next offset, bytes)",
      );
      checkSame(log.recoveryPoint, 60n, "recovery point: rolled segments are flushed");
      const stems = ["00000000000000000000", "00000000000000000030", "00000000000000000060"];
      checkSame(
        await fs.list(SCENARIO_DIRECTORY),
        [
          ...stems.flatMap((stem) => [`${stem}.index`, `${stem}.log`, `${stem}.timeindex`]),
          "leader-epoch-checkpoint",
        ],
        "the partition directory",
      );
      checkSame(
        batchesIn(log),
        written.map((_, index) => expectedBatch(index * 10, `s${index}`, 10, 0, 100)),
        "every batch, across segments",
      );
      // A read may be a view into storage, valid until the log's next operation: keep a copy.
      const secondSegment = succeeded(log.read(35n, 1 << 20), "read at 35").records.slice();
      checkSame(secondSegment.length, batchBytes * 3, "a read answers from one segment");
      succeeded(await log.close(), "close");
      // On-disk format = wire format: the .log is the batches as appended, offsets stamped.
      const segment = await fs.open(`${SCENARIO_DIRECTORY}/${stems[1]}.log`);
      const onDisk = segment.read(0, segment.size()).slice();
      await segment.close();
      checkBytes(onDisk, secondSegment, "the second segment's .log");
    },
  },
  {
    name: "a clean close and reopen keeps every segment, offset, epoch, index and byte",
    async run(openFileSystem) {
      const batchBytes = labelledBatch("k0", 3).length;
      const config = scenarioConfig({
        segmentBytes: Math.floor(batchBytes * 2.5),
        indexIntervalBytes: 1,
      });
      const log = await openLog(await openFileSystem(), config);
      for (let index = 0; index < 6; index++) {
        const timestamp = SCENARIO_NOW_MS + BigInt(index * 10);
        const epoch = index < 3 ? 1 : 2;
        appended(
          await log.appendAsLeader(labelledBatch(`k${index}`, 3, timestamp), epoch, timestamp),
          `batch ${index}`,
        );
      }
      const before = {
        logEndOffset: log.logEndOffset,
        segments: log.segmentInfos(),
        batches: batchesIn(log),
        epochs: log.epochs.all(),
        byTimestamp: log.offsetForTimestamp(SCENARIO_NOW_MS + 25n),
      };
      checkSame(before.segments.length, 3, "segments before the close");
      checkSame(
        before.byTimestamp,
        { offset: 9n, timestamp: SCENARIO_NOW_MS + 30n },
        "offset for a time",
      );
      succeeded(await log.close(), "close");

      const trusting = await PartitionLog.open({
        fs: await openFileSystem(),
        directory: SCENARIO_DIRECTORY,
        config,
        recoveryPoint: log.recoveryPoint,
        cleanShutdown: true,
      });
      const after = {
        logEndOffset: trusting.logEndOffset,
        segments: trusting.segmentInfos(),
        batches: batchesIn(trusting),
        epochs: trusting.epochs.all(),
        byTimestamp: trusting.offsetForTimestamp(SCENARIO_NOW_MS + 25n),
      };
      checkSame(after, before, "the log after a clean restart (indexes trusted)");
      checkSame(trusting.truncatedOnOpenBytes, 0, "bytes cut on open");
      const next = appended(
        await trusting.appendAsLeader(labelledBatch("k6", 3), 2, SCENARIO_NOW_MS),
        "k6",
      );
      checkSame(next.firstOffset, 18n, "the next append continues at the LEO");
      succeeded(await trusting.close(), "close");

      // The same log checked batch by batch (no clean-shutdown marker, recovery point 0).
      const checking = await PartitionLog.open({
        fs: await openFileSystem(),
        directory: SCENARIO_DIRECTORY,
        config,
        recoveryPoint: 0n,
      });
      checkSame(
        batchesIn(checking),
        [...before.batches, expectedBatch(18, "k6", 3, 2)],
        "the log after a restart that checks every segment",
      );
      checkSame(checking.truncatedOnOpenBytes, 0, "bytes cut on a full check");
      succeeded(await checking.close(), "close");
    },
  },
];
