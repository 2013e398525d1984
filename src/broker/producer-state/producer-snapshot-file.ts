/**
 * Kafka's producer state snapshot, `<20-digit offset>.snapshot` in the partition directory:
 * the producer table as it stood just before that offset (ProducerStateManager.writeSnapshot).
 *
 *   version                  int16   1
 *   crc                      uint32  CRC32C of every byte after this field
 *   producer_entries         int32 count, then per producer:
 *     producer_id              int64
 *     epoch                    int16
 *     last_sequence            int32   -1 when no batch is remembered
 *     last_offset              int64   -1 when no batch is remembered
 *     offset_delta             int32   last_offset minus the first offset of that batch
 *     timestamp                int64
 *     coordinator_epoch        int32
 *     current_txn_first_offset int64   -1 when no transaction is open
 *
 * As in Kafka, only each producer's newest batch goes into the file: after a restart from a
 * snapshot alone, a retry of that batch is still recognized, older ones are not (replaying
 * the log past the snapshot brings back the batches written after it).
 */
import { Reader } from "../../protocol/primitives/reader.ts";
import { Writer } from "../../protocol/primitives/writer.ts";
import { crc32c } from "../../protocol/records/crc32c.ts";
import { segmentFileStem } from "../../log/segment-files.ts";
import { decrementSequence, ProducerStateEntry } from "./producer-state-entry.ts";

export const PRODUCER_SNAPSHOT_VERSION = 1;
export const PRODUCER_SNAPSHOT_SUFFIX = ".snapshot";

const CRC_POSITION = 2;
const ENTRIES_POSITION = CRC_POSITION + 4;
const ENTRY_BYTES = 8 + 2 + 4 + 8 + 4 + 8 + 4 + 8;

export function producerSnapshotFileName(offset: bigint): string {
  return `${segmentFileStem(offset)}${PRODUCER_SNAPSHOT_SUFFIX}`;
}

/** The offset a snapshot file name carries, or null when the name is not a snapshot's. */
export function offsetOfProducerSnapshot(name: string): bigint | null {
  const match = /^(\d{20})\.snapshot$/.exec(name);
  return match === null ? null : BigInt(match[1]!);
}

export function encodeProducerSnapshot(entries: Iterable<ProducerStateEntry>): Uint8Array {
  const writer = new Writer();
  writer.int16(PRODUCER_SNAPSHOT_VERSION);
  writer.uint32(0); // the CRC, filled in once the entries are written
  const countAt = writer.position;
  writer.int32(0);
  let count = 0;
  for (const entry of entries) {
    const last = entry.lastBatch;
    writer
      .int64(entry.producerId)
      .int16(entry.producerEpoch)
      .int32(entry.lastSequence)
      .int64(last?.lastOffset ?? -1n)
      .int32(last === null ? 0 : Number(last.lastOffset - last.firstOffset))
      .int64(entry.lastTimestampMs)
      .int32(entry.coordinatorEpoch)
      .int64(entry.currentTxnFirstOffset ?? -1n);
    count++;
  }
  writer.patchInt32(countAt, count);
  writer.patchUint32(CRC_POSITION, crc32c(writer.written(), 0, ENTRIES_POSITION));
  return writer.finish();
}

export type ProducerSnapshotRead =
  { ok: true; entries: ProducerStateEntry[] } | { ok: false; reason: string };

/** Kafka's readSnapshot: a wrong version, a wrong CRC or a short file is a corrupt snapshot. */
export function decodeProducerSnapshot(bytes: Uint8Array): ProducerSnapshotRead {
  const reader = new Reader(bytes);
  const version = reader.int16();
  const storedCrc = reader.uint32();
  if (!reader.ok) return { ok: false, reason: `only ${bytes.length} bytes` };
  if (version !== PRODUCER_SNAPSHOT_VERSION)
    return { ok: false, reason: `unknown snapshot version ${version}` };
  const computedCrc = crc32c(bytes, 0, ENTRIES_POSITION);
  if (storedCrc !== computedCrc)
    return { ok: false, reason: `CRC ${storedCrc} stored, ${computedCrc} computed` };
  const count = reader.int32();
  if (!reader.ok || count < 0 || count * ENTRY_BYTES > reader.remaining) {
    return { ok: false, reason: `${count} entries do not fit ${reader.remaining} bytes` };
  }
  const entries: ProducerStateEntry[] = [];
  for (let i = 0; i < count; i++) {
    const producerId = reader.int64();
    const producerEpoch = reader.int16();
    const lastSequence = reader.int32();
    const lastOffset = reader.int64();
    const offsetDelta = reader.int32();
    const timestampMs = reader.int64();
    const coordinatorEpoch = reader.int32();
    const txnFirstOffset = reader.int64();
    const entry = new ProducerStateEntry(
      producerId,
      producerEpoch,
      coordinatorEpoch,
      timestampMs,
      txnFirstOffset >= 0n ? txnFirstOffset : null,
    );
    if (lastOffset >= 0n) {
      entry.addBatch(producerEpoch, {
        firstSequence: decrementSequence(lastSequence, offsetDelta),
        lastSequence,
        firstOffset: lastOffset - BigInt(offsetDelta),
        lastOffset,
        timestampMs,
      });
    }
    entries.push(entry);
  }
  return { ok: true, entries };
}
