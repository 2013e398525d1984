import { describe, expect, it } from "vitest";
import { crc32c } from "../../protocol/records/crc32c.ts";
import { ProducerStateEntry } from "./producer-state-entry.ts";
import {
  decodeProducerSnapshot,
  encodeProducerSnapshot,
  offsetOfProducerSnapshot,
  producerSnapshotFileName,
} from "./producer-snapshot-file.ts";

function sampleEntries(): ProducerStateEntry[] {
  const idempotent = new ProducerStateEntry(7n);
  idempotent.addBatch(2, {
    firstSequence: 0,
    lastSequence: 4,
    firstOffset: 10n,
    lastOffset: 14n,
    timestampMs: 111n,
  });
  idempotent.addBatch(2, {
    firstSequence: 5,
    lastSequence: 7,
    firstOffset: 20n,
    lastOffset: 22n,
    timestampMs: 222n,
  });
  const transactional = new ProducerStateEntry(9n, 4, 3, 333n, 40n);
  transactional.addBatch(4, {
    firstSequence: 0,
    lastSequence: 0,
    firstOffset: 40n,
    lastOffset: 40n,
    timestampMs: 333n,
  });
  const markerOnly = new ProducerStateEntry(11n, 1, 6, 444n, null);
  return [idempotent, transactional, markerOnly];
}

describe("the producer snapshot file", () => {
  it("is named by the offset it covers up to, in 20 digits", () => {
    expect(producerSnapshotFileName(1234n)).toBe("00000000000000001234.snapshot");
    expect(offsetOfProducerSnapshot("00000000000000001234.snapshot")).toBe(1234n);
    expect(offsetOfProducerSnapshot("00000000000000001234.log")).toBeNull();
    expect(offsetOfProducerSnapshot("1234.snapshot")).toBeNull();
  });

  it("lays entries out as Kafka does: version 1, CRC32C of the rest, then 46-byte entries", () => {
    const bytes = encodeProducerSnapshot(sampleEntries());
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getInt16(0)).toBe(1);
    expect(view.getUint32(2)).toBe(crc32c(bytes, 0, 6));
    expect(view.getInt32(6)).toBe(3);
    expect(bytes.length).toBe(10 + 3 * 46);
    // The first entry: producer 7, epoch 2, its newest batch only (sequence 7 at offset 22, 2 offsets before it).
    expect(view.getBigInt64(10)).toBe(7n);
    expect(view.getInt16(18)).toBe(2);
    expect(view.getInt32(20)).toBe(7);
    expect(view.getBigInt64(24)).toBe(22n);
    expect(view.getInt32(32)).toBe(2);
    expect(view.getBigInt64(36)).toBe(222n);
    expect(view.getInt32(44)).toBe(-1); // no coordinator epoch
    expect(view.getBigInt64(48)).toBe(-1n); // no open transaction
    // The marker-only producer has no batch: last sequence and offset are -1.
    expect(view.getInt32(10 + 2 * 46 + 10)).toBe(-1);
    expect(view.getBigInt64(10 + 2 * 46 + 14)).toBe(-1n);
  });

  it("reads back each producer's epoch, newest batch, coordinator epoch and open transaction", () => {
    const read = decodeProducerSnapshot(encodeProducerSnapshot(sampleEntries()));
    if (!read.ok) throw new Error(read.reason);
    const [idempotent, transactional, markerOnly] = read.entries;
    expect(idempotent!.producerEpoch).toBe(2);
    expect(idempotent!.batchCount).toBe(1);
    expect(idempotent!.findDuplicate(2, 5, 7)).toEqual({
      firstSequence: 5,
      lastSequence: 7,
      firstOffset: 20n,
      lastOffset: 22n,
      timestampMs: 222n,
    });
    expect(idempotent!.findDuplicate(2, 0, 4)).toBeNull();
    expect(transactional!.currentTxnFirstOffset).toBe(40n);
    expect(transactional!.coordinatorEpoch).toBe(3);
    expect(markerOnly!.isEmpty).toBe(true);
    expect(markerOnly!.coordinatorEpoch).toBe(6);
    expect(markerOnly!.lastTimestampMs).toBe(444n);
  });

  it("recovers the first sequence of a newest batch that wrapped past Int32.MAX", () => {
    const entry = new ProducerStateEntry(1n);
    entry.addBatch(0, {
      firstSequence: 0x7fffffff,
      lastSequence: 1,
      firstOffset: 50n,
      lastOffset: 52n,
      timestampMs: 1n,
    });
    const read = decodeProducerSnapshot(encodeProducerSnapshot([entry]));
    expect(read.ok && read.entries[0]!.findDuplicate(0, 0x7fffffff, 1)?.firstOffset).toBe(50n);
  });

  it("refuses a flipped byte, a wrong version and a cut file as corrupt", () => {
    const bytes = encodeProducerSnapshot(sampleEntries());
    const flipped = bytes.slice();
    flipped[30]! ^= 1;
    expect(decodeProducerSnapshot(flipped)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("CRC"),
    });
    const version = bytes.slice();
    version[1] = 2;
    expect(decodeProducerSnapshot(version)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("version"),
    });
    expect(decodeProducerSnapshot(bytes.subarray(0, 3)).ok).toBe(false);
    expect(decodeProducerSnapshot(new Uint8Array(0)).ok).toBe(false);
  });

  it("writes and reads an empty table", () => {
    const read = decodeProducerSnapshot(encodeProducerSnapshot([]));
    expect(read).toEqual({ ok: true, entries: [] });
  });
});
