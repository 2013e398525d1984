/**
 * The one record of a transaction marker batch (Kafka's EndTransactionMarker): the control
 * key says COMMIT or ABORT, the value carries the epoch of the transaction coordinator that
 * wrote it. Rebuilding producer state from the log needs both: a marker closes the
 * producer's open transaction and fences older coordinators.
 */
import type { RecordBatchHeader } from "../../protocol/records/batch-header.ts";
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";

/** ControlRecordType ids 0 and 1; the other control types are KRaft's. */
const CONTROL_TYPE_ABORT = 0;
const CONTROL_TYPE_COMMIT = 1;

export interface EndTransactionMarker {
  type: "COMMIT" | "ABORT";
  coordinatorEpoch: number;
  timestampMs: bigint;
}

/** The marker of the control batch `header` in `bytes`, or null when it holds none. */
export function readEndTransactionMarker(
  bytes: Uint8Array,
  header: RecordBatchHeader,
): EndTransactionMarker | null {
  const decoded = decodeRecordBatch(bytes, { position: header.position, verifyCrc: false });
  // An empty control batch: the cleaner removed the transaction it ended (Kafka skips it too).
  const record = decoded.ok ? decoded.value.records[0] : undefined;
  if (record === undefined) return null;
  const key = record.key;
  const value = record.value;
  if (key === null || key.length < 4 || value === null || value.length < 6) return null;
  const typeId = new DataView(key.buffer, key.byteOffset, key.byteLength).getInt16(2);
  if (typeId !== CONTROL_TYPE_ABORT && typeId !== CONTROL_TYPE_COMMIT) return null;
  const coordinatorEpoch = new DataView(value.buffer, value.byteOffset, value.byteLength).getInt32(
    2,
  );
  return {
    type: typeId === CONTROL_TYPE_COMMIT ? "COMMIT" : "ABORT",
    coordinatorEpoch,
    timestampMs: record.timestamp,
  };
}
