import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../log/log-config.ts";
import { PartitionLog } from "../../log/partition-log.ts";
import { readRecordBatchHeader } from "../../protocol/records/record-batch.ts";
import { encoded, text } from "../../protocol/records/testing/encoded-batch.ts";
import type { StorageBytes, StorageEntry } from "../../runtime/web-worker/cluster-host.ts";
import { batchOfLine, dumpSegment } from "./segment-dump.ts";
import { StorageSnapshotFiles, type StorageReader } from "./storage-files.ts";

const DIRECTORY = "broker-1/orders-0";
const LOG = `${DIRECTORY}/00000000000000000000.log`;
const T0 = 1_700_000_000_000n;

/** `batches` batches of three records each, appended by the log engine as leader in epoch 2. */
async function segmentOnDisk(batches: number): Promise<MemoryFileSystem> {
  const fs = new MemoryFileSystem();
  const log = await PartitionLog.open({
    fs,
    directory: DIRECTORY,
    config: KAFKA_DEFAULT_LOG_CONFIG,
  });
  for (let index = 0; index < batches; index++) {
    const records = [0, 1, 2].map((n) => ({
      key: text(`key-${index}`),
      value: text(`value-${index}-${n}`),
      timestamp: T0 + BigInt(index),
    }));
    const appended = await log.appendAsLeader(encoded({ records }), 2, T0);
    if (!appended.ok) throw new Error(appended.message);
  }
  await log.close();
  return fs;
}

/** A broker's storage as the cluster host reads it: names and sizes, and bounded reads. */
function readerOver(fs: MemoryFileSystem): StorageReader & { reads: number } {
  const reader = {
    reads: 0,
    async list(directory: string): Promise<StorageEntry[] | null> {
      if (!(await fs.exists(directory))) return null;
      return (await fs.list(directory)).map((name) => ({ name, size: null }));
    },
    async read(path: string, offset: number, length: number): Promise<StorageBytes | null> {
      reader.reads++;
      if (!(await fs.exists(path))) return null;
      const file = await fs.open(path);
      try {
        return { bytes: file.read(offset, length).slice(), offset, fileSize: file.size() };
      } finally {
        await file.close();
      }
    },
  };
  return reader;
}

describe("the files adapter over a broker's storage", () => {
  it("opens a bounded snapshot once and serves the tool's reads from it", async () => {
    const disk = await segmentOnDisk(4);
    const reader = readerOver(disk);
    const files = new StorageSnapshotFiles(reader, 100);
    const file = await files.open(LOG);
    expect(file.size()).toBe(100);
    const direct = await disk.open(LOG);
    expect([...file.read(10, 20)]).toEqual([...direct.read(10, 20)]);
    await direct.close();
    expect(file.read(90, 50).length).toBe(10);
    const into = new Uint8Array(8);
    expect(file.readInto(96, into)).toBe(4);
    await file.close();
    await files.open(LOG);
    expect(reader.reads).toBe(1);
  });

  it("lists, answers exists, says not-found, and refuses every write", async () => {
    const files = new StorageSnapshotFiles(readerOver(await segmentOnDisk(1)), 1024);
    expect(await files.list(DIRECTORY)).toContain("00000000000000000000.log");
    expect(await files.exists(LOG)).toBe(true);
    expect(await files.exists(`${DIRECTORY}/nothing.log`)).toBe(false);
    await expect(files.open(`${DIRECTORY}/nothing.log`)).rejects.toThrow(/not-found/);
    await expect(files.list("broker-1/absent-0")).rejects.toThrow(/not-found/);
    await expect(files.open(LOG, { create: true })).rejects.toThrow(/read-only/);
    await expect(files.delete(LOG)).rejects.toThrow(/read-only/);
    const file = await files.open(LOG);
    expect(() => file.append(new Uint8Array(1))).toThrow(/read-only/);
    await file.close();
    expect(() => file.size()).toThrow(/closed/);
  });
});

describe("dumpSegment", () => {
  it("runs kafka-dump-log on the segment and marks each batch line with its bytes", async () => {
    const disk = await segmentOnDisk(3);
    const dump = await dumpSegment(readerOver(disk), LOG, { printDataLog: true });
    expect(dump).not.toBeNull();
    expect(dump!.exitCode).toBe(0);
    expect(dump!.command).toBe(`kafka-dump-log --files ${LOG} --print-data-log`);
    expect(dump!.lines[0]!.text).toBe(`Dumping ${LOG}`);
    const batchLines = dump!.lines.filter((line) => line.batch !== null);
    expect(batchLines).toHaveLength(3);
    expect(dump!.lines.filter((line) => line.text.startsWith("| offset:"))).toHaveLength(9);
    expect(dump!.lines.some((line) => line.text.includes("key: key-1 payload: value-1-2"))).toBe(
      true,
    );
    let position = 0;
    for (const [index, line] of batchLines.entries()) {
      expect(line.batch!.position).toBe(position);
      const header = readRecordBatchHeader(dump!.bytes, line.batch!.position);
      expect(header.ok && header.value.baseOffset).toBe(BigInt(index * 3));
      expect(header.ok && header.value.sizeInBytes).toBe(line.batch!.size);
      position += line.batch!.size;
    }
    expect(dump!.fileSize).toBe(position);
  });

  it("bounds a cut read with --max-bytes so the cut does not read as corruption", async () => {
    const disk = await segmentOnDisk(5);
    const whole = await dumpSegment(readerOver(disk), LOG, { printDataLog: false });
    const firstTwo = whole!.lines.filter((line) => line.batch !== null).slice(0, 2);
    const readBytes = firstTwo[1]!.batch!.position + 10; // inside the second batch
    const cut = await dumpSegment(readerOver(disk), LOG, { printDataLog: false, readBytes });
    expect(cut!.command).toContain(`--max-bytes ${readBytes}`);
    expect(cut!.bytes.length).toBe(readBytes);
    expect(cut!.fileSize).toBe(whole!.fileSize);
    expect(cut!.lines.filter((line) => line.batch !== null)).toHaveLength(1);
    expect(
      cut!.lines.some((line) => line.stream === "err" || /invalid bytes/.test(line.text)),
    ).toBe(false);
    expect(cut!.exitCode).toBe(0);
  });

  it("is null for a file that is not there", async () => {
    expect(
      await dumpSegment(readerOver(new MemoryFileSystem()), LOG, { printDataLog: true }),
    ).toBeNull();
  });

  it("reads batch lines only", () => {
    expect(
      batchOfLine("| offset: 0 CreateTime: 1 keySize: 1 valueSize: 1 sequence: -1 headerKeys: []"),
    ).toBeNull();
    expect(
      batchOfLine(
        "baseOffset: 3 lastOffset: 5 count: 3 baseSequence: -1 lastSequence: -1 producerId: -1 producerEpoch: -1 partitionLeaderEpoch: 2 isTransactional: false isControl: false deleteHorizonMs: OptionalLong.empty position: 210 CreateTime: 1 size: 105 magic: 2 compresscodec: none crc: 1 isvalid: true",
      ),
    ).toEqual({ position: 210, size: 105 });
  });
});

describe("dumpSegment on internal topics", () => {
  it("asks kafka-dump-log for the decoder instead of --print-data-log", async () => {
    const disk = await segmentOnDisk(1);
    const dump = await dumpSegment(readerOver(disk), LOG, {
      printDataLog: true,
      decoder: "offsets",
    });
    expect(dump!.command).toBe(`kafka-dump-log --files ${LOG} --offsets-decoder`);
    const shallow = await dumpSegment(readerOver(disk), LOG, {
      printDataLog: false,
      decoder: "offsets",
    });
    expect(shallow!.command).toBe(`kafka-dump-log --files ${LOG}`);
    expect(shallow!.lines.some((line) => line.text.startsWith("| offset:"))).toBe(false);
  });
});
