import { beforeAll, describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../log/log-config.ts";
import { PartitionLog } from "../../log/partition-log.ts";
import { initCompression, type CompressionType } from "../../protocol/records/record-batch.ts";
import { encoded, text } from "../../protocol/records/testing/encoded-batch.ts";
import { runTool } from "../testing/captured-io.ts";
import { dumpLogTool } from "./dump-log.ts";

const DIRECTORY = "broker-1/orders-0";
const LOG = `${DIRECTORY}/00000000000000000000.log`;
const INDEX = `${DIRECTORY}/00000000000000000000.index`;
const TIME_INDEX = `${DIRECTORY}/00000000000000000000.timeindex`;
const T0 = 1_700_000_000_000n;
const CODECS: CompressionType[] = ["none", "gzip", "snappy", "lz4", "zstd"];

/** Two records per batch, one batch per codec, written by the log engine as a leader in epoch 3. */
async function writtenSegment(): Promise<MemoryFileSystem> {
  const fs = new MemoryFileSystem();
  // An index entry after every batch past the first, so the indexes have something to show.
  const log = await PartitionLog.open({
    fs,
    directory: DIRECTORY,
    config: { ...KAFKA_DEFAULT_LOG_CONFIG, indexIntervalBytes: 1 },
  });
  for (const [index, compression] of CODECS.entries()) {
    const batch = encoded({
      compression,
      producerId: 7n,
      producerEpoch: 0,
      baseSequence: index * 2,
      records: [
        {
          key: text(`key-${compression}`),
          value: text(`value-${compression}`),
          timestamp: T0 + BigInt(index * 10),
        },
        {
          value: text("second"),
          timestamp: T0 + BigInt(index * 10 + 1),
          headers: [
            { key: "trace", value: text("x") },
            { key: "empty", value: null },
          ],
        },
      ],
    });
    const appended = await log.appendAsLeader(batch, 3, T0);
    if (!appended.ok) throw new Error(appended.message);
  }
  await log.close();
  return fs;
}

const dump = (fs: MemoryFileSystem, args: string[]) => runTool(dumpLogTool, args, { files: fs });

const BATCH_LINE =
  /^baseOffset: (\d+) lastOffset: (\d+) count: 2 baseSequence: (\d+) lastSequence: (\d+) producerId: 7 producerEpoch: 0 partitionLeaderEpoch: 3 isTransactional: false isControl: false deleteHorizonMs: OptionalLong\.empty position: (\d+) CreateTime: (\d+) size: (\d+) magic: 2 compresscodec: (\w+) crc: \d+ isvalid: true$/;

beforeAll(async () => {
  await initCompression();
});

describe("kafka-dump-log on segments the log engine wrote", () => {
  it("prints every batch, shallow, in Kafka's line format with positions adding up", async () => {
    const { exitCode, out, err } = await dump(await writtenSegment(), ["--files", LOG]);
    expect(exitCode).toBe(0);
    expect(err).toEqual([]);
    expect(out.slice(0, 2)).toEqual([`Dumping ${LOG}`, "Log starting offset: 0"]);
    const batches = out.slice(2).map((line) => BATCH_LINE.exec(line));
    expect(batches.every((match) => match !== null)).toBe(true);
    let position = 0;
    for (const [index, match] of batches.entries()) {
      const [, base, last, baseSequence, lastSequence, at, maxTimestamp, size, codec] = match!;
      expect([base, last, baseSequence, lastSequence]).toEqual([
        `${index * 2}`,
        `${index * 2 + 1}`,
        `${index * 2}`,
        `${index * 2 + 1}`,
      ]);
      expect(Number(at)).toBe(position);
      expect(BigInt(maxTimestamp!)).toBe(T0 + BigInt(index * 10 + 1));
      expect(codec).toBe(CODECS[index]);
      position += Number(size);
    }
  });

  it("prints every record of compressed batches with --print-data-log (deep iteration)", async () => {
    const { out } = await dump(await writtenSegment(), ["--files", LOG, "--print-data-log"]);
    const records = out.filter((line) => line.startsWith("| "));
    expect(records).toHaveLength(10);
    for (const [index, codec] of CODECS.entries()) {
      const offset = index * 2;
      expect(records[offset]).toBe(
        `| offset: ${offset} CreateTime: ${T0 + BigInt(index * 10)} keySize: ${`key-${codec}`.length} valueSize: ${`value-${codec}`.length} ` +
          `sequence: ${offset} headerKeys: [] key: key-${codec} payload: value-${codec}`,
      );
      expect(records[offset + 1]).toBe(
        `| offset: ${offset + 1} CreateTime: ${T0 + BigInt(index * 10 + 1)} keySize: -1 valueSize: 6 ` +
          `sequence: ${offset + 1} headerKeys: [trace,empty] payload: second`,
      );
    }
    // Each batch line comes right before its records.
    expect(BATCH_LINE.test(out[2]!) && out[3]!.startsWith("| offset: 0 ")).toBe(true);
  });

  it("prints record metadata only with --deep-iteration, and contents only with --skip-record-metadata", async () => {
    const fs = await writtenSegment();
    const deep = await dump(fs, ["--files", LOG, "--deep-iteration"]);
    expect(deep.out[3]).toBe(
      `| offset: 0 CreateTime: ${T0} keySize: 8 valueSize: 10 sequence: 0 headerKeys: []`,
    );
    const contents = await dump(fs, ["--files", LOG, "--print-data-log", "--skip-record-metadata"]);
    // Kafka's own spacing: the key starts with the record indent, a payload with one space.
    expect(contents.out.slice(3, 5)).toEqual([
      "| key: key-none payload: value-none",
      " payload: second",
    ]);
  });

  it("dumps the offset index: each entry's offset is the last offset of the batch at its position", async () => {
    const fs = await writtenSegment();
    const { exitCode, out, err } = await dump(fs, ["--files", `${INDEX},${LOG}`]);
    expect(exitCode).toBe(0);
    expect(err).toEqual([]);
    const entries = out.slice(1, out.indexOf(`Dumping ${LOG}`));
    const positions = new Map(
      out
        .map((line) => BATCH_LINE.exec(line))
        .flatMap((match) => (match === null ? [] : [[match[5], match[2]] as const])),
    );
    expect(entries).toHaveLength(4); // no entry for the first batch: none was due yet
    for (const entry of entries) {
      const match = /^offset: (\d+) position: (\d+)$/.exec(entry);
      expect(match).not.toBeNull();
      expect(positions.get(match![2]!)).toBe(match![1]);
    }
    const verified = await dump(fs, ["--files", INDEX, "--verify-index-only"]);
    expect(verified.out).toEqual([`Dumping ${INDEX}`]);
    expect(verified.err).toEqual([]);
    const sane = await dump(fs, ["--files", INDEX, "--index-sanity-check"]);
    expect(sane.out).toEqual([`Dumping ${INDEX}`, `${INDEX} passed sanity check.`]);
  });

  it("dumps the time index: the largest timestamp so far and the offset holding it", async () => {
    const { exitCode, out, err } = await dump(await writtenSegment(), ["--files", TIME_INDEX]);
    expect(exitCode).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([
      `Dumping ${TIME_INDEX}`,
      // An entry is added with each offset index entry, after the batch that was appended.
      `timestamp: ${T0 + 11n} offset: 3`,
      `timestamp: ${T0 + 21n} offset: 5`,
      `timestamp: ${T0 + 31n} offset: 7`,
      `timestamp: ${T0 + 41n} offset: 9`,
    ]);
    const sane = await dump(await writtenSegment(), [
      "--files",
      TIME_INDEX,
      "--index-sanity-check",
    ]);
    expect(sane).toEqual({
      exitCode: 0,
      out: [`Dumping ${TIME_INDEX}`, `${TIME_INDEX} passed sanity check.`],
      err: [],
    });
  });

  it("reports index entries that do not match the log, as Kafka does, after the dump", async () => {
    const fs = await writtenSegment();
    const file = await fs.open(INDEX);
    file.write(8, new Uint8Array([0, 0, 0, 4, 0, 0, 0, 0])); // second entry: offset 4 at position 0
    await file.close();
    const { exitCode, out, err } = await dump(fs, ["--files", INDEX]);
    expect(exitCode).toBe(0);
    expect(out[2]).toBe("offset: 4 position: 0");
    expect(err).toEqual([`Mismatches in :${INDEX}`, "  Index offset: 4, log offset: 1"]);
    const sanity = await dump(fs, ["--files", INDEX, "--index-sanity-check"]);
    expect(sanity.exitCode).toBe(1);
    expect(sanity.err[0]).toMatch(
      /^Exception in thread "main" org\.apache\.kafka\.common\.errors\.CorruptIndexException: /,
    );
  });

  it("reports time index entries whose timestamp is not the batch's", async () => {
    const fs = await writtenSegment();
    const file = await fs.open(TIME_INDEX);
    const wrong = new Uint8Array(8);
    new DataView(wrong.buffer).setBigInt64(0, T0 + 999n);
    file.write(12, wrong); // second entry claims a later time than its batch holds
    await file.close();
    const { err } = await dump(fs, ["--files", TIME_INDEX]);
    expect(err).toEqual([
      `Found timestamp mismatch in :${TIME_INDEX}`,
      `  Index timestamp: ${T0 + 999n}, log timestamp: ${T0 + 21n}`,
      `Found out of order timestamp in :${TIME_INDEX}`,
      `  Index timestamp: ${T0 + 31n}, Previously indexed timestamp: ${T0 + 999n}`,
    ]);
  });

  it("reports a torn tail as Kafka does, and stops at bytes that cannot be a batch", async () => {
    const fs = await writtenSegment();
    const file = await fs.open(LOG);
    const size = file.size();
    file.write(size, new Uint8Array(30).fill(1));
    await file.close();
    const torn = await dump(fs, ["--files", LOG]);
    expect(torn.exitCode).toBe(0);
    expect(torn.out.at(-1)).toBe("Found 30 invalid bytes at the end of 00000000000000000000.log");
    const firstBatchBytes = Number(BATCH_LINE.exec(torn.out[2]!)![7]);
    const limited = await dump(fs, ["--files", LOG, "--max-bytes", String(firstBatchBytes + 10)]);
    expect(limited.out.filter((line) => line.startsWith("baseOffset: "))).toHaveLength(1);
    expect(limited.out.some((line) => line.startsWith("Found "))).toBe(false); // Kafka says nothing under --max-bytes
  });

  it("ignores files it does not know, and ends with Kafka's exception for a file that is not there", async () => {
    const fs = await writtenSegment();
    const { exitCode, out, err } = await dump(fs, [
      "--files",
      `${DIRECTORY}/notes.txt,${DIRECTORY}/00000000000000000099.log,${LOG}`,
    ]);
    expect(exitCode).toBe(1);
    expect(out).toEqual([
      `Dumping ${DIRECTORY}/notes.txt`,
      `Dumping ${DIRECTORY}/00000000000000000099.log`,
    ]);
    expect(err[0]).toBe(`Ignoring unknown file ${DIRECTORY}/notes.txt`);
    expect(err[1]).toMatch(
      /^Exception in thread "main" java\.nio\.file\.NoSuchFileException: broker-1\/orders-0\/00000000000000000099\.log/,
    );
  });

  it("lists offsets that do not follow each other, newest first, as Kafka does", async () => {
    const fs = new MemoryFileSystem();
    const file = await fs.open(`${DIRECTORY}/00000000000000000100.log`, { create: true });
    for (const baseOffset of [100n, 105n, 106n, 110n])
      file.append(encoded({ baseOffset, records: [{ value: text("x") }] }));
    await file.close();
    const { out, err } = await dump(fs, [
      "--files",
      `${DIRECTORY}/00000000000000000100.log`,
      "--deep-iteration",
    ]);
    expect(out[1]).toBe("Log starting offset: 100");
    expect(err).toEqual([
      `Non-consecutive offsets in ${DIRECTORY}/00000000000000000100.log`,
      "  106 is followed by 110",
      "  100 is followed by 105",
    ]);
  });

  it("prints Kafka's usage errors", async () => {
    const fs = new MemoryFileSystem();
    const bad = await dump(fs, ["--nope"]);
    expect(bad.exitCode).toBe(1);
    expect(bad.err[0]).toBe(
      'Exception in thread "main" joptsimple.UnrecognizedOptionException: nope is not a recognized option',
    );
    expect(bad.err[1]).toMatch(/^Option {31}Description {32}$/);
    const missing = await dump(fs, ["--print-data-log"]);
    expect(missing.exitCode).toBe(1);
    expect(missing.err[0]).toBe('Missing required argument "[files]"');
    const none = await dump(fs, []);
    expect(none.err[0]).toMatch(/^This tool helps to parse a log file and dump its contents/);
  });
});
