import { describe, expect, it } from "vitest";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { MemoryFileSystem } from "./fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG, type LogConfig } from "./log-config.ts";
import { LogManager, parsePartitionDirectory } from "./log-manager.ts";
import { producerBatch } from "./testing/batches.ts";

const NOW = 1_700_000_000_000n;
const config: LogConfig = { ...KAFKA_DEFAULT_LOG_CONFIG, segmentBytes: 300, retentionMs: 60_000 };

function open(fs: MemoryFileSystem, nodeId = 1) {
  return LogManager.open({
    fs,
    logDir: `broker-${nodeId}`,
    nodeId,
    clusterId: "playground-cluster",
    newDirectoryId: "AAAAAAAAAAAAAAAAAAAAAQ",
    configFor: () => config,
  });
}

describe("a broker's log dir", () => {
  it("parses partition directories whose topic names contain dashes", () => {
    expect(parsePartitionDirectory("my-topic.v2-11")).toEqual({ topic: "my-topic.v2", partition: 11 });
    expect(parsePartitionDirectory("meta.properties")).toBeNull();
    expect(parsePartitionDirectory("orders-x")).toBeNull();
  });

  it("comes back after a clean shutdown without checking segments", async () => {
    const fs = new MemoryFileSystem();
    const manager = await open(fs);
    const log = await manager.getOrCreate("orders", 0, config);
    for (let i = 0; i < 5; i++) await log.appendAsLeader(producerBatch(3), 0, NOW);
    await manager.shutdown();
    expect(await fs.list("broker-1")).toEqual(
      expect.arrayContaining([".kafka_cleanshutdown", "meta.properties", "orders-0", "recovery-point-offset-checkpoint"]),
    );
    const again = await open(fs);
    expect(again.wasCleanShutdown).toBe(true);
    expect(again.get("orders", 0)?.logEndOffset).toBe(15n);
    expect(await fs.exists("broker-1/.kafka_cleanshutdown")).toBe(false);
  });

  it("recovers after a crash and keeps what was written", async () => {
    const fs = new MemoryFileSystem();
    const manager = await open(fs);
    const log = await manager.getOrCreate("orders", 2, config);
    for (let i = 0; i < 5; i++) await log.appendAsLeader(producerBatch(3), 0, NOW);
    const again = await open(fs.crash({ mode: "process" }));
    expect(again.wasCleanShutdown).toBe(false);
    expect(again.get("orders", 2)?.logEndOffset).toBe(15n);
  });

  it("refuses another node's log dir", async () => {
    const fs = new MemoryFileSystem();
    await (await open(fs, 1)).shutdown();
    await fs.rename("broker-1/meta.properties", "broker-2/meta.properties");
    await expect(open(fs, 2)).rejects.toThrow(/belongs to node 1/);
  });

  it("runs retention on its interval and checkpoints the new log start", async () => {
    const fs = new MemoryFileSystem();
    const manager = await open(fs);
    const log = await manager.getOrCreate("orders", 0, config);
    for (let i = 0; i < 4; i++) await log.appendAsLeader(producerBatch(3, NOW, 60), 0, NOW);
    const segmentsBefore = log.segmentInfos().length;
    expect(segmentsBefore).toBeGreaterThan(2);
    expect((await manager.tick(NOW)).deletedSegments.size).toBe(0); // nothing old enough yet
    expect((await manager.tick(NOW + 100_000n)).deletedSegments.size).toBe(0); // old enough, but not time to check
    const { deletedSegments } = await manager.tick(NOW + 400_000n);
    expect(deletedSegments.get("orders-0")).toHaveLength(segmentsBefore - 1); // all but the active one
    expect(log.segmentInfos()).toHaveLength(1);
    const checkpoint = new TextDecoder().decode((await fs.open("broker-1/log-start-offset-checkpoint")).read(0, 1000));
    expect(checkpoint).toBe(`0\n1\norders 0 ${log.logStartOffset}\n`);
  });

  it("compacts compacted topics on the cleaner's schedule and checkpoints where it got to", async () => {
    const fs = new MemoryFileSystem();
    const manager = await open(fs);
    const compacted: LogConfig = { ...config, cleanupPolicy: ["compact"], minCleanableDirtyRatio: 0 };
    const log = await manager.getOrCreate("users", 0, compacted);
    for (let i = 0; i < 6; i++) await log.appendAsLeader(producerBatch(3, NOW, 40), 0, NOW);
    await log.rollNow();
    const report = await manager.tick(NOW);
    expect(report.compactedRecords.get("users-0")).toBe(15); // 6 batches of keys 0..2: the last 3 stay
    const checkpoint = new TextDecoder().decode((await fs.open("broker-1/cleaner-offset-checkpoint")).read(0, 1000));
    expect(checkpoint).toBe(`0\n1\nusers 0 ${log.logEndOffset}\n`);
    expect((await manager.tick(NOW + 1000n)).compactedRecords.size).toBe(0); // backoff
  });

  it("takes the whole log dir offline when storage fails under one log", async () => {
    const fs = new MemoryFileSystem();
    const manager = await open(fs);
    const orders = await manager.getOrCreate("orders", 0, config);
    const users = await manager.getOrCreate("users", 0, config);
    await users.appendAsLeader(producerBatch(1), 0, NOW);
    fs.faults.capacityBytes = fs.usedBytes();
    expect(await orders.appendAsLeader(producerBatch(1), 0, NOW)).toMatchObject({ ok: false, errorCode: ErrorCode.KAFKA_STORAGE_ERROR });
    expect(manager.offline).toMatch(/disk-full/);
    expect(users.read(0n, 100)).toMatchObject({ ok: false, errorCode: ErrorCode.KAFKA_STORAGE_ERROR });
  });

  it("tells its listeners once, creates no log while offline, and skips its periodic work", async () => {
    const fs = new MemoryFileSystem();
    const manager = await open(fs);
    const heard: string[] = [];
    manager.onOffline((reason) => heard.push(reason));
    const orders = await manager.getOrCreate("orders", 0, config);
    fs.faults.capacityBytes = fs.usedBytes();
    await orders.appendAsLeader(producerBatch(1), 0, NOW);
    await orders.appendAsLeader(producerBatch(1), 0, NOW);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatch(/disk-full/);
    fs.faults.capacityBytes = Number.POSITIVE_INFINITY;
    await expect(manager.getOrCreate("users", 0, config)).rejects.toThrow(/offline/);
    expect(await fs.exists("broker-1/users-0")).toBe(false);
    expect(await manager.tick(NOW + 3_600_000n)).toEqual({ deletedSegments: new Map(), compactedRecords: new Map() });
    // A clean shutdown of an offline dir leaves no marker: its logs are checked on the next start.
    await manager.shutdown();
    expect(await fs.exists("broker-1/.kafka_cleanshutdown")).toBe(false);
  });

  it("goes offline instead of throwing when a checkpoint cannot be written", async () => {
    const fs = new MemoryFileSystem();
    const manager = await open(fs);
    const orders = await manager.getOrCreate("orders", 0, config);
    await orders.appendAsLeader(producerBatch(1), 0, NOW);
    fs.faults.capacityBytes = fs.usedBytes();
    await expect(manager.checkpoint()).resolves.toBeUndefined();
    expect(manager.offline).toMatch(/disk-full/);
    expect(orders.isOffline).toBe(true);
  });
});
