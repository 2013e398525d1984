import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "./fs/memory-file-system.ts";
import { KAFKA_DEFAULT_LOG_CONFIG } from "./log-config.ts";
import { PartitionLog } from "./partition-log.ts";
import { producerBatch } from "./testing/batches.ts";

const NOW = 1_700_000_000_000n;

describe("a partition log's segment count", () => {
  it("counts the segments segmentInfos lists, through appends, rolls and retention", async () => {
    const fs = new MemoryFileSystem();
    const batch = producerBatch(4, NOW, 100);
    // Each segment holds two batches, so every third append rolls.
    const config = { ...KAFKA_DEFAULT_LOG_CONFIG, segmentBytes: batch.length * 2 + 1 };
    const log = await PartitionLog.open({ fs, directory: "broker-1/orders-0", config });
    const counts: number[] = [log.segmentCount];
    for (let append = 0; append < 5; append++) {
      const result = await log.appendAsLeader(batch, 0, NOW);
      expect(result.ok).toBe(true);
      counts.push(log.segmentCount);
      expect(log.segmentCount).toBe(log.segmentInfos().length);
    }
    expect(counts).toEqual([1, 1, 1, 2, 2, 3]);
    await log.deleteRecordsBefore(8n); // the first segment holds offsets 0-7
    expect(log.segmentCount).toBe(log.segmentInfos().length);
    expect(log.segmentCount).toBe(2);
  });
});
