/**
 * Compacting one batch: keep each record unless a later record with the same key exists
 * (the offset map says so) or it is a tombstone past its delete horizon. Offsets are kept,
 * so gaps stay where records went. A batch holding a tombstone gets a delete horizon
 * (now + delete.retention.ms) the first time it is cleaned, as in KIP-534; its tombstones
 * are dropped by a cleaning after that time.
 */
import type { DecodedRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import { encodeRecordBatch } from "../../protocol/records/record-batch-encoder.ts";
import type { RecordInput } from "../../protocol/records/record-batch-input.ts";
import type { OffsetMap } from "./offset-map.ts";

export interface CleanedBatch {
  /** The batch to write, or null when nothing in it is kept. */
  bytes: Uint8Array | null;
  recordsKept: number;
  recordsRemoved: number;
}

export function cleanBatch(
  batch: DecodedRecordBatch,
  original: Uint8Array,
  map: OffsetMap,
  nowMs: bigint,
  deleteRetentionMs: number,
): CleanedBatch {
  const { header, records } = batch;
  // Control batches (transaction markers) are left alone; the transaction layer owns them.
  if (header.isControl) return { bytes: original, recordsKept: records.length, recordsRemoved: 0 };
  const horizonPassed = header.deleteHorizonMs !== null && header.deleteHorizonMs <= nowMs;
  const kept: RecordInput[] = [];
  let hasTombstone = false;
  for (const record of records) {
    const key = record.key;
    const latest = key === null ? undefined : map.get(key);
    const superseded = latest !== undefined && latest > record.offset;
    const isTombstone = record.value === null;
    if (superseded || (isTombstone && horizonPassed)) continue;
    hasTombstone ||= isTombstone;
    kept.push({
      key: key === null ? null : key.slice(),
      value: record.value === null ? null : record.value.slice(),
      headers: record.headers,
      timestamp: record.timestamp,
      offsetDelta: record.offsetDelta,
    });
  }
  const removed = records.length - kept.length;
  const needsHorizon = hasTombstone && header.deleteHorizonMs === null;
  if (removed === 0 && !needsHorizon) return { bytes: original, recordsKept: kept.length, recordsRemoved: 0 };
  if (kept.length === 0) return { bytes: null, recordsKept: 0, recordsRemoved: removed };
  const encoded = encodeRecordBatch({
    records: kept,
    baseOffset: header.baseOffset,
    partitionLeaderEpoch: header.partitionLeaderEpoch,
    compression: header.compression,
    timestampType: header.timestampType,
    logAppendTimeMs: header.timestampType === "LogAppendTime" ? header.maxTimestamp : undefined,
    isTransactional: header.isTransactional,
    producerId: header.producerId,
    producerEpoch: header.producerEpoch,
    baseSequence: header.baseSequence,
    // Keep the batch's own last offset: the producer's sequence range stays whole.
    lastOffsetDelta: header.lastOffsetDelta,
    deleteHorizonMs: hasTombstone ? (header.deleteHorizonMs ?? nowMs + BigInt(deleteRetentionMs)) : undefined,
  });
  if (!encoded.ok) throw encoded.error;
  return { bytes: encoded.value, recordsKept: kept.length, recordsRemoved: removed };
}
