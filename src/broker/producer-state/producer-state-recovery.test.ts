import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { producerSnapshotFileName } from "./producer-snapshot-file.ts";
import { idempotentBatch, transactionMarkerBatch } from "./testing/producer-batches.ts";
import {
  NOW_MS,
  openPartition,
  PARTITION_DIRECTORY,
  produce,
  type Partition,
} from "./testing/partition.ts";

const PRODUCER = 4000n;

/** Batch `n` (from 0) of the producer: 2 records, sequences 2n and 2n+1. */
function nthBatch(n: number, producerEpoch = 0): Uint8Array {
  return idempotentBatch({ producerId: PRODUCER, producerEpoch, baseSequence: 2 * n });
}

async function produceBatches(partition: Partition, from: number, to: number): Promise<void> {
  for (let n = from; n < to; n++) {
    expect(await produce(partition, nthBatch(n))).toMatchObject({
      kind: "appended",
      firstOffset: BigInt(2 * n),
    });
  }
}

async function snapshotFiles(fs: MemoryFileSystem): Promise<string[]> {
  return (await fs.list(PARTITION_DIRECTORY)).filter((name) => name.endsWith(".snapshot"));
}

describe("producer state across a restart", () => {
  it("still recognizes a retry of the last batch after a clean shutdown and a restart", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    await produceBatches(partition, 0, 3);
    // Clean shutdown: snapshot at the log end, then close the log.
    await partition.producers.takeSnapshot(partition.log.logEndOffset);
    await partition.log.close();
    expect(await snapshotFiles(partition.fs)).toEqual([producerSnapshotFileName(6n)]);

    const restarted = await openPartition(partition.fs.crash());
    // The response to batch 2 was lost; the producer retries it against the restarted leader.
    expect(await produce(restarted, nthBatch(2))).toEqual({
      kind: "duplicate",
      firstOffset: 4n,
      lastOffset: 5n,
      timestampMs: expect.any(BigInt),
    });
    expect(restarted.log.logEndOffset).toBe(6n); // nothing appended twice
    expect(await produce(restarted, nthBatch(3))).toMatchObject({
      kind: "appended",
      firstOffset: 6n,
    });
    expect(await produce(restarted, nthBatch(5))).toMatchObject({
      kind: "error",
      errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    });
  });

  it("recovers from the snapshot after a crash (no clean shutdown)", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    await produceBatches(partition, 0, 2);
    await partition.producers.takeSnapshot(partition.log.logEndOffset);
    await partition.log.flush();
    const restarted = await openPartition(partition.fs.crash({ mode: "power" }));
    expect(restarted.producers.mapEndOffset).toBe(4n);
    expect(await produce(restarted, nthBatch(1))).toMatchObject({
      kind: "duplicate",
      firstOffset: 2n,
      lastOffset: 3n,
    });
  });

  it("replays the whole log when there is no snapshot at all", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    await produceBatches(partition, 0, 4);
    expect(await snapshotFiles(partition.fs)).toEqual([]);
    const restarted = await openPartition(partition.fs.crash());
    // Replay rebuilt every batch, so any of the last 5 is still a retry.
    for (let n = 0; n < 4; n++) {
      expect(await produce(restarted, nthBatch(n))).toMatchObject({
        kind: "duplicate",
        firstOffset: BigInt(2 * n),
      });
    }
    expect(restarted.producers.activeProducers()).toEqual([
      {
        producerId: PRODUCER,
        producerEpoch: 0,
        lastSequence: 7,
        lastTimestamp: expect.any(BigInt),
        coordinatorEpoch: -1,
        currentTxnStartOffset: -1n,
      },
    ]);
    // Recovery leaves a snapshot at the log end, so the next restart need not replay.
    expect(await snapshotFiles(restarted.fs)).toEqual([producerSnapshotFileName(8n)]);
  });

  it("loads the snapshot and replays the records written after it", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    await produceBatches(partition, 0, 3);
    await partition.producers.takeSnapshot(partition.log.logEndOffset); // at 6: holds batch 2 only
    await produceBatches(partition, 3, 5);
    const restarted = await openPartition(partition.fs.crash());
    expect(await produce(restarted, nthBatch(4))).toMatchObject({
      kind: "duplicate",
      firstOffset: 8n,
    });
    expect(await produce(restarted, nthBatch(3))).toMatchObject({
      kind: "duplicate",
      firstOffset: 6n,
    });
    expect(await produce(restarted, nthBatch(2))).toMatchObject({
      kind: "duplicate",
      firstOffset: 4n,
    });
    // As in Kafka, a snapshot keeps only each producer's newest batch: batch 1 is forgotten.
    expect(await produce(restarted, nthBatch(1))).toMatchObject({
      kind: "error",
      errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    });
    expect(await produce(restarted, nthBatch(5))).toMatchObject({
      kind: "appended",
      firstOffset: 10n,
    });
  });

  it("skips a snapshot past the log end (the log lost its tail) and falls back to an older one", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    await produceBatches(partition, 0, 2);
    await partition.log.flush();
    await partition.producers.takeSnapshot(partition.log.logEndOffset); // at 4, durable
    await produceBatches(partition, 2, 4);
    await partition.producers.takeSnapshot(partition.log.logEndOffset); // at 8, but the log is not flushed
    const restarted = await openPartition(partition.fs.crash({ mode: "power" }));
    expect(restarted.log.logEndOffset).toBe(4n);
    expect(await snapshotFiles(restarted.fs)).toEqual([producerSnapshotFileName(4n)]);
    // Batch 2 is gone from the log: it must be appended again, not answered as a duplicate.
    expect(await produce(restarted, nthBatch(2))).toMatchObject({
      kind: "appended",
      firstOffset: 4n,
    });
  });

  it("deletes a corrupt snapshot and uses the next older one", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    await produceBatches(partition, 0, 1);
    await partition.producers.takeSnapshot(partition.log.logEndOffset); // at 2
    await produceBatches(partition, 1, 2);
    await partition.producers.takeSnapshot(partition.log.logEndOffset); // at 4
    const file = await partition.fs.open(`${PARTITION_DIRECTORY}/${producerSnapshotFileName(4n)}`);
    file.write(12, new Uint8Array([0xff]));
    await file.close();
    const restarted = await openPartition(partition.fs.crash());
    // Snapshot 2 was loaded and batch 1 replayed from the log after it.
    expect(await produce(restarted, nthBatch(1))).toMatchObject({
      kind: "duplicate",
      firstOffset: 2n,
    });
    expect(await produce(restarted, nthBatch(0))).toMatchObject({
      kind: "duplicate",
      firstOffset: 0n,
    });
    expect(await snapshotFiles(restarted.fs)).toEqual([
      producerSnapshotFileName(2n),
      producerSnapshotFileName(4n),
    ]);
  });

  it("keeps a fenced epoch fenced after a restart", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    await produceBatches(partition, 0, 1);
    expect(await produce(partition, nthBatch(0, 1))).toMatchObject({ kind: "appended" }); // epoch bump to 1
    await partition.producers.takeSnapshot(partition.log.logEndOffset);
    const restarted = await openPartition(partition.fs.crash());
    expect(await produce(restarted, nthBatch(1, 0))).toMatchObject({
      kind: "error",
      errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
    });
  });

  it("rebuilds open transactions and their markers from the log", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    const open = 77n;
    const committed = 78n;
    for (const [producerId, baseSequence] of [
      [open, 0],
      [committed, 0],
    ] as const) {
      expect(
        await produce(
          partition,
          idempotentBatch({ producerId, producerEpoch: 2, baseSequence, isTransactional: true }),
        ),
      ).toMatchObject({ kind: "appended" });
    }
    // The coordinator's COMMIT for producer 78, as WriteTxnMarkers would append it.
    await partition.log.appendAsLeader(
      transactionMarkerBatch(committed, 2, "COMMIT", 9),
      0,
      BigInt(NOW_MS),
    );
    const restarted = await openPartition(partition.fs.crash());
    const byId = new Map(restarted.producers.activeProducers().map((p) => [p.producerId, p]));
    expect(byId.get(open)).toMatchObject({
      currentTxnStartOffset: 0n,
      coordinatorEpoch: -1,
      lastSequence: 1,
    });
    expect(byId.get(committed)).toMatchObject({
      currentTxnStartOffset: -1n,
      coordinatorEpoch: 9,
      lastSequence: 1,
    });
  });

  it("forgets producers idle past producer.id.expiration.ms when loading a snapshot", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    await produceBatches(partition, 0, 1);
    await partition.producers.takeSnapshot(partition.log.logEndOffset);
    // The batch's timestamp is NOW_MS: a day later the producer has expired.
    const restarted = await openPartition(partition.fs.crash(), {}, NOW_MS + 86_400_000);
    expect(restarted.producers.activeProducers()).toEqual([]);
  });
});
