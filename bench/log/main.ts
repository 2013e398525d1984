/**
 * `npm run bench:log`: the log engine's figures in headless Chromium, on a fresh persistent
 * profile, inside a dedicated worker, on the production code:
 *
 * - raw OPFS sync-handle writes of 16 KiB chunks (the ceiling for appends), taken turn by
 *   turn with PartitionLog.appendAsLeader of a prebuilt 16 KiB batch of 100-byte records;
 * - what the CRC32C check every append makes costs on its own;
 * - the same appends on IndexedDB, one task each;
 * - PartitionLog.read over each whole log, 1 MiB a fetch;
 * - recovery of a 1 GiB log after a crash (a killed worker), every segment checked.
 *
 * Prints a table and saves bench/results/log-<date>.json. `--quick` runs a small version
 * (for checking the harness) and saves nothing. Not a test: it measures, it does not assert.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measuredOnMachine } from "../bench-machine.ts";
import { runInChromiumWorker, type ChromiumWorkerSession } from "../chromium-runner.ts";
import type { BatchShape, LogBenchRequest, LogBenchResponse } from "./log-bench-messages.ts";
import { formatTable, megabytesPerSecond, spreadOf, type Figure } from "./log-bench-report.ts";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const quick = process.argv.includes("--quick");

const SETTINGS = {
  rounds: quick ? 2 : 7,
  batch: { batchBytesMax: 16 * 1024, valueBytes: 100 } satisfies BatchShape,
  rawChunkBytes: 16 * 1024,
  /** Raw writes and log appends on OPFS, each this much per round... */
  opfsBytes: (quick ? 64 : 256) * MIB,
  /** ...taken in turns of this much, so both see the same disk. */
  opfsSliceBytes: 16 * MIB,
  checksumBytes: (quick ? 64 : 256) * MIB,
  indexedDbLogBytes: (quick ? 16 : 128) * MIB,
  /** Kafka's default segment.bytes, 1 GiB, for every log. */
  segmentBytes: GIB,
  /** max.partition.fetch.bytes' default: what one consumer fetch asks of a partition. */
  readMaxBytes: MIB,
  recoveryLogBytes: quick ? 128 * MIB : GIB,
  recoveryRounds: quick ? 2 : 3,
};

type Answer<Command extends LogBenchRequest["command"]> = Extract<
  LogBenchResponse,
  { command: Command }
>;

function asker(session: ChromiumWorkerSession) {
  return <Command extends LogBenchRequest["command"]>(
    request: LogBenchRequest & { command: Command },
  ): Promise<Answer<Command>> => session.ask(request);
}

async function measure(session: ChromiumWorkerSession) {
  const ask = asker(session);
  const batch = SETTINGS.batch;
  const environment = await ask({ command: "environment", batch });
  const checksums: Answer<"batch-checksum">[] = [];
  const opfs: Answer<"opfs-append-paired">[] = [];
  const indexedDb: Answer<"indexeddb-throughput">[] = [];
  for (let round = 0; round < SETTINGS.rounds; round++) {
    checksums.push(
      await ask({ command: "batch-checksum", batch, totalBytes: SETTINGS.checksumBytes }),
    );
    opfs.push(
      await ask({
        command: "opfs-append-paired",
        batch,
        options: {
          root: `opfs-${round}`,
          totalBytes: SETTINGS.opfsBytes,
          sliceBytes: SETTINGS.opfsSliceBytes,
          rawChunkBytes: SETTINGS.rawChunkBytes,
          segmentBytes: SETTINGS.segmentBytes,
          readMaxBytes: SETTINGS.readMaxBytes,
        },
      }),
    );
    indexedDb.push(
      await ask({
        command: "indexeddb-throughput",
        batch,
        options: {
          root: `indexeddb-${round}`,
          totalBytes: SETTINGS.indexedDbLogBytes,
          segmentBytes: SETTINGS.segmentBytes,
          readMaxBytes: SETTINGS.readMaxBytes,
        },
      }),
    );
    console.error(`round ${round + 1} of ${SETTINGS.rounds} done`);
  }

  const written = await ask({
    command: "write-log-for-recovery",
    batch,
    root: "recovery",
    totalBytes: SETTINGS.recoveryLogBytes,
    segmentBytes: SETTINGS.segmentBytes,
  });
  const recoveries: Answer<"time-recovery">[] = [];
  for (let round = 0; round < SETTINGS.recoveryRounds; round++) {
    await session.kill(); // the log is open and unflushed: a crash
    const recovered = await ask({
      command: "time-recovery",
      root: "recovery",
      segmentBytes: SETTINGS.segmentBytes,
    });
    if (recovered.logEndOffset !== written.logEndOffset || recovered.truncatedBytes !== 0) {
      throw new Error(
        `recovery lost data: LEO ${recovered.logEndOffset} of ${written.logEndOffset}, cut ${recovered.truncatedBytes} bytes`,
      );
    }
    recoveries.push(recovered);
  }
  await session.kill();
  return { environment, checksums, opfs, indexedDb, written, recoveries };
}

type Measured = Awaited<ReturnType<typeof measure>>;

function figuresOf(measured: Measured): Figure[] {
  const { checksums, opfs, indexedDb, recoveries, environment, written } = measured;
  const rounded = (value: number) => Math.round(value).toLocaleString("en-US");
  const median = (values: number[]) => spreadOf(values).median;
  const rawSpeed = (r: Measured["opfs"][number]) => megabytesPerSecond(r.rawBytes, r.rawSeconds);
  const appendSpeed = (r: { appendedBytes: number; appendSeconds: number }) =>
    megabytesPerSecond(r.appendedBytes, r.appendSeconds);
  const durableSpeed = (r: {
    appendedBytes: number;
    appendSeconds: number;
    flushSeconds: number;
  }) => megabytesPerSecond(r.appendedBytes, r.appendSeconds + r.flushSeconds);
  const recordsPerSecond = (results: { appendedRecords: number; appendSeconds: number }[]) =>
    median(results.map((r) => r.appendedRecords / r.appendSeconds));
  const readSpeed = (results: { readBytes: number; readSeconds: number }[]) =>
    spreadOf(results.map((r) => megabytesPerSecond(r.readBytes, r.readSeconds)));

  const opfsAppend = spreadOf(opfs.map(appendSpeed));
  const shareOfRaw = spreadOf(opfs.map((r) => (appendSpeed(r) / rawSpeed(r)) * 100));
  const opfsRead = readSpeed(opfs);
  // IndexedDB's real work is its write-behind, so its figure includes the final flush.
  const indexedDbDurable = spreadOf(indexedDb.map(durableSpeed));
  const indexedDbRead = readSpeed(indexedDb);
  const recovery = spreadOf(recoveries.map((r) => r.openMs / 1000));
  const checksumMicroseconds = median(
    checksums.map((r) => (r.seconds / (r.bytes / environment.batchBytes)) * 1e6),
  );
  return [
    {
      name: "raw OPFS sync-handle write, 16 KiB chunks",
      unit: "MB/s",
      spread: spreadOf(opfs.map(rawSpeed)),
      note: `then a flush: ${rounded(median(opfs.map((r) => r.rawFlushSeconds * 1000)))} ms`,
    },
    {
      name: "CRC32C check of the batch, alone",
      unit: "MB/s",
      spread: spreadOf(checksums.map((r) => megabytesPerSecond(r.bytes, r.seconds))),
      note: `${checksumMicroseconds.toFixed(1)} µs per batch; every append pays it`,
    },
    {
      name: "OPFS PartitionLog append",
      unit: "MB/s",
      spread: opfsAppend,
      note: `${rounded(recordsPerSecond(opfs))} records/s; with the final flush ${rounded(median(opfs.map(durableSpeed)))} MB/s`,
      target: { text: "≥ 400 MB/s", met: opfsAppend.median >= 400 },
    },
    {
      name: "OPFS append / raw write, turn by turn",
      unit: "%",
      spread: shareOfRaw,
      target: { text: "≥ 70 %", met: shareOfRaw.median >= 70 },
    },
    {
      name: "OPFS PartitionLog read, 1 MiB fetches",
      unit: "MB/s",
      spread: opfsRead,
      target: { text: "≥ 1 GB/s", met: opfsRead.median >= 1000 },
    },
    {
      name: "IndexedDB PartitionLog append + flush",
      unit: "MB/s",
      spread: indexedDbDurable,
      note: `one task per append; ${rounded(recordsPerSecond(indexedDb))} records/s before the flush, ${rounded(median(indexedDb.map(appendSpeed)))} MB/s`,
      target: { text: "≥ 50 MB/s", met: indexedDbDurable.median >= 50 },
    },
    {
      name: "IndexedDB PartitionLog read, 1 MiB fetches",
      unit: "MB/s",
      spread: indexedDbRead,
      target: { text: "≥ 1 GB/s", met: indexedDbRead.median >= 1000 },
    },
    {
      name: `recovery of ${(written.bytes / GIB).toFixed(2)} GiB on OPFS, recovery point 0`,
      unit: "s",
      spread: recovery,
      note: `${written.segments} segment(s), ${rounded(written.logEndOffset)} records, after a killed worker`,
      target: { text: "≤ 3 s", met: recovery.median <= 3 },
    },
  ];
}

const workerEntry = fileURLToPath(new URL("./log-bench-worker.ts", import.meta.url));
const startedAt = new Date();
const { machine, results: measured } = await measuredOnMachine(() =>
  runInChromiumWorker(workerEntry, async (session) => ({
    browserVersion: session.browserVersion,
    results: await measure(session),
  })),
);
const browserVersion = machine.chromium;
const figures = figuresOf(measured);
const env = measured.environment;
console.log(
  `Log benchmark: Chromium ${browserVersion} headless, persistent profile, dedicated worker ` +
    `(cross-origin isolated: ${env.crossOriginIsolated}); ${machine.cpu}, ${machine.logicalCores} cores`,
);
console.log(
  `batch: ${env.batchBytes} bytes = ${env.recordsPerBatch} records of ${SETTINGS.batch.valueBytes}-byte values, ` +
    `prebuilt and reused; segment.bytes ${SETTINGS.segmentBytes}; ${SETTINGS.rounds} rounds ` +
    `(OPFS: ${SETTINGS.opfsBytes / MIB} MiB raw and ${SETTINGS.opfsBytes / MIB} MiB log in ` +
    `${SETTINGS.opfsSliceBytes / MIB} MiB turns; IndexedDB log ${SETTINGS.indexedDbLogBytes / MIB} MiB), ` +
    `${SETTINGS.recoveryRounds} recoveries`,
);
for (const line of formatTable(figures)) console.log(line);

if (!quick) {
  const directory = fileURLToPath(new URL("../results/", import.meta.url));
  mkdirSync(directory, { recursive: true });
  const path = `${directory}log-${startedAt.toISOString().slice(0, 10)}.json`;
  const record = {
    benchmark: "log",
    command: "npm run bench:log",
    startedAt: startedAt.toISOString(),
    machine,
    worker: env,
    settings: SETTINGS,
    figures,
    raw: measured,
  };
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`saved ${path}`);
}
