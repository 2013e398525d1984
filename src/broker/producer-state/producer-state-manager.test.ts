import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { StorageError } from "../../log/fs/file-system.ts";
import { MemoryFileSystem } from "../../log/fs/memory-file-system.ts";
import { ProducerStateManager } from "./producer-state-manager.ts";
import { BATCH_TIMESTAMP_MS, identityOf, idempotentBatch } from "./testing/producer-batches.ts";
import {
  NOW_MS,
  openPartition,
  PARTITION_DIRECTORY,
  produce,
  replicate,
} from "./testing/partition.ts";

const PRODUCER = 500n;

function identity(baseSequence: number, producerEpoch = 0, producerId = PRODUCER) {
  return identityOf(idempotentBatch({ producerId, producerEpoch, baseSequence }));
}

async function emptyManager(
  options: { maxProducerIds?: number; producerIdExpirationMs?: number } = {},
): Promise<ProducerStateManager> {
  return ProducerStateManager.open({
    fs: new MemoryFileSystem(),
    directory: PARTITION_DIRECTORY,
    ...options,
  });
}

describe("a partition's producer state", () => {
  it("does not track batches without a producer id", async () => {
    const producers = await emptyManager();
    const plain = {
      producerId: -1n,
      producerEpoch: -1,
      baseSequence: -1,
      lastSequence: -1,
      isTransactional: false,
    };
    producers.recordAppended(plain, 0n, 4n, BATCH_TIMESTAMP_MS, NOW_MS);
    expect(producers.activeProducers()).toEqual([]);
    expect(producers.mapEndOffset).toBe(5n);
  });

  it("keeps at most 5 batches per producer", async () => {
    const producers = await emptyManager();
    for (let n = 0; n < 8; n++)
      producers.recordAppended(
        identity(2 * n),
        BigInt(2 * n),
        BigInt(2 * n + 1),
        BATCH_TIMESTAMP_MS,
        NOW_MS,
      );
    const retried = Array.from({ length: 8 }, (_, n) => producers.check(identity(2 * n)).kind);
    expect(retried).toEqual([
      "error",
      "error",
      "error",
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
  });

  it("starts a new sequence space when the epoch is bumped", async () => {
    const producers = await emptyManager();
    producers.recordAppended(identity(0, 0), 0n, 1n, BATCH_TIMESTAMP_MS, NOW_MS);
    producers.recordAppended(identity(0, 1), 2n, 3n, BATCH_TIMESTAMP_MS, NOW_MS);
    expect(producers.check(identity(0, 1))).toMatchObject({ kind: "duplicate", firstOffset: 2n });
    expect(producers.check(identity(0, 0))).toMatchObject({
      kind: "error",
      errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
    });
    expect(producers.check(identity(2, 1)).kind).toBe("append");
  });

  it("opens a transaction with a transactional batch and closes it with a marker", async () => {
    const producers = await emptyManager();
    const transactional = identityOf(
      idempotentBatch({
        producerId: PRODUCER,
        producerEpoch: 3,
        baseSequence: 0,
        isTransactional: true,
      }),
    );
    producers.recordAppended(transactional, 10n, 11n, BATCH_TIMESTAMP_MS, NOW_MS);
    expect(producers.activeProducers()[0]).toMatchObject({
      currentTxnStartOffset: 10n,
      producerEpoch: 3,
      lastSequence: 1,
    });
    expect(producers.check(identity(2, 3))).toMatchObject({
      kind: "error",
      errorCode: ErrorCode.INVALID_TXN_STATE,
    });
    producers.recordTransactionMarker(PRODUCER, 3, 4, 12n, BATCH_TIMESTAMP_MS, NOW_MS);
    expect(producers.activeProducers()[0]).toMatchObject({
      currentTxnStartOffset: -1n,
      coordinatorEpoch: 4,
    });
    expect(producers.mapEndOffset).toBe(13n);
    expect(producers.check(identity(2, 3)).kind).toBe("append");
  });

  it("expires producers idle for producer.id.expiration.ms, but not one in a transaction", async () => {
    const producers = await emptyManager({ producerIdExpirationMs: 1000 });
    producers.recordAppended(identity(0, 0, 1n), 0n, 1n, 10_000n, NOW_MS);
    const inTransaction = identityOf(
      idempotentBatch({ producerId: 2n, producerEpoch: 0, baseSequence: 0, isTransactional: true }),
    );
    producers.recordAppended(inTransaction, 2n, 3n, 10_000n, NOW_MS);
    producers.recordAppended(identity(0, 0, 3n), 4n, 5n, 10_500n, NOW_MS);
    producers.expire(10_999);
    expect(producers.activeProducers().map((p) => p.producerId)).toEqual([1n, 2n, 3n]);
    producers.expire(11_000);
    expect(producers.activeProducers().map((p) => p.producerId)).toEqual([2n, 3n]);
    // An expired producer is unknown again: any sequence is accepted (KIP-360).
    expect(producers.check(identity(40, 0, 1n)).kind).toBe("append");
  });

  it("bounds the producers it remembers, forgetting the longest idle first", async () => {
    const producers = await emptyManager({ maxProducerIds: 3 });
    for (const id of [1n, 2n, 3n, 4n])
      producers.recordAppended(
        identity(0, 0, id),
        id * 2n,
        id * 2n + 1n,
        BATCH_TIMESTAMP_MS + id,
        NOW_MS,
      );
    expect(producers.activeProducers().map((p) => p.producerId)).toEqual([2n, 3n, 4n]);
    // Idle producers go first, before any live one is forgotten.
    producers.recordAppended(
      identity(0, 0, 5n),
      20n,
      21n,
      BATCH_TIMESTAMP_MS + 86_400_000n,
      NOW_MS + 86_400_000 + 3,
    );
    expect(producers.activeProducers().map((p) => p.producerId)).toEqual([4n, 5n]);
  });

  it("refuses a snapshot that would end before batches it holds", async () => {
    const producers = await emptyManager();
    producers.recordAppended(identity(0), 0n, 1n, BATCH_TIMESTAMP_MS, NOW_MS);
    await expect(producers.takeSnapshot(1n)).rejects.toThrow(/would hold batches/);
  });

  it("rejects with the storage error when a snapshot cannot be written, and can try again", async () => {
    const fs = new MemoryFileSystem();
    const producers = await ProducerStateManager.open({ fs, directory: PARTITION_DIRECTORY });
    producers.recordAppended(identity(0), 0n, 1n, BATCH_TIMESTAMP_MS, NOW_MS);
    fs.faults.failFlush = true;
    await expect(producers.takeSnapshot(2n)).rejects.toBeInstanceOf(StorageError);
    expect(producers.check(identity(0)).kind).toBe("duplicate");
    fs.faults.failFlush = false;
    await producers.takeSnapshot(2n);
    expect(producers.snapshotOffsets()).toEqual([2n]);
  });

  it("keeps only the newest snapshots", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    for (let n = 0; n < 4; n++) {
      await produce(
        partition,
        idempotentBatch({ producerId: PRODUCER, producerEpoch: 0, baseSequence: 2 * n }),
      );
      await partition.producers.takeSnapshot(partition.log.logEndOffset);
    }
    await partition.producers.takeSnapshot(partition.log.logEndOffset); // nothing new: no file
    expect(partition.producers.snapshotOffsets()).toEqual([6n, 8n]);
    expect(
      (await partition.fs.list(PARTITION_DIRECTORY)).filter((n) => n.endsWith(".snapshot")),
    ).toEqual(["00000000000000000006.snapshot", "00000000000000000008.snapshot"]);
  });
});

describe("truncating the log under the producer state", () => {
  it("forgets batches cut by a follower's truncation and drops snapshots past the cut", async () => {
    const follower = await openPartition(new MemoryFileSystem());
    let offset = 0n;
    for (let n = 0; n < 4; n++) {
      const batch = idempotentBatch({
        producerId: PRODUCER,
        producerEpoch: 0,
        baseSequence: 2 * n,
      });
      new DataView(batch.buffer, batch.byteOffset).setBigInt64(0, offset); // the leader's offsets
      await replicate(follower, batch);
      offset += 2n;
      if (n === 1) await follower.producers.takeSnapshot(follower.log.logEndOffset); // at 4
    }
    await follower.producers.takeSnapshot(follower.log.logEndOffset); // at 8
    // A new leader's log ends at 6: batch 3 goes.
    await follower.log.truncateTo(6n);
    await follower.producers.truncateAndReload(follower.log, NOW_MS);
    expect(follower.producers.snapshotOffsets()).toEqual([4n, 6n]);
    expect(follower.producers.mapEndOffset).toBe(6n);
    expect(follower.producers.activeProducers()[0]).toMatchObject({ lastSequence: 5 });
    expect(follower.producers.check(identity(2))).toMatchObject({
      kind: "duplicate",
      firstOffset: 2n,
    });
    expect(follower.producers.check(identity(4))).toMatchObject({
      kind: "duplicate",
      firstOffset: 4n,
    });
    expect(follower.producers.check(identity(6)).kind).toBe("append");
  });

  it("drops snapshots at or below a new log start without losing the state", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    for (let n = 0; n < 3; n++) {
      await produce(
        partition,
        idempotentBatch({ producerId: PRODUCER, producerEpoch: 0, baseSequence: 2 * n }),
      );
      await partition.producers.takeSnapshot(partition.log.logEndOffset);
    }
    expect(partition.producers.snapshotOffsets()).toEqual([4n, 6n]);
    await partition.log.deleteRecordsBefore(4n);
    await partition.producers.truncateAndReload(partition.log, NOW_MS);
    expect(partition.producers.snapshotOffsets()).toEqual([6n]);
    expect(partition.producers.check(identity(0))).toMatchObject({
      kind: "duplicate",
      firstOffset: 0n,
    });
  });

  it("starts empty when the log is replaced by an empty one at a later offset", async () => {
    const partition = await openPartition(new MemoryFileSystem());
    await produce(
      partition,
      idempotentBatch({ producerId: PRODUCER, producerEpoch: 0, baseSequence: 0 }),
    );
    await partition.producers.takeSnapshot(partition.log.logEndOffset);
    await partition.log.truncateFullyAndStartAt(100n);
    await partition.producers.truncateAndReload(partition.log, NOW_MS);
    expect(partition.producers.activeProducers()).toEqual([]);
    expect(partition.producers.mapEndOffset).toBe(100n);
    expect(partition.producers.snapshotOffsets()).toEqual([]);
  });
});
