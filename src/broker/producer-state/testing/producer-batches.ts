/** Test helpers: batches as an idempotent or transactional producer sends them. */
import {
  readRecordBatchHeader,
  type RecordBatchHeader,
} from "../../../protocol/records/batch-header.ts";
import { encodeRecordBatch } from "../../../protocol/records/record-batch-encoder.ts";
import type { BatchIdentity } from "../sequence-check.ts";

const encoder = new TextEncoder();
export const BATCH_TIMESTAMP_MS = 1_700_000_000_000n;

export interface ProducerBatchOptions {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordCount?: number;
  isTransactional?: boolean;
  timestampMs?: bigint;
}

/** A batch of `recordCount` records (default 2) carrying the producer's id, epoch and sequence. */
export function idempotentBatch(options: ProducerBatchOptions): Uint8Array {
  const count = options.recordCount ?? 2;
  const encoded = encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({
      value: encoder.encode(`seq-${options.baseSequence + i}`),
      timestamp: options.timestampMs ?? BATCH_TIMESTAMP_MS,
    })),
    producerId: options.producerId,
    producerEpoch: options.producerEpoch,
    baseSequence: options.baseSequence,
    isTransactional: options.isTransactional ?? false,
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

/** A COMMIT or ABORT marker, as the transaction coordinator has the leader write it. */
export function transactionMarkerBatch(
  producerId: bigint,
  producerEpoch: number,
  type: "COMMIT" | "ABORT",
  coordinatorEpoch: number,
): Uint8Array {
  const key = new Uint8Array(4);
  new DataView(key.buffer).setInt16(2, type === "COMMIT" ? 1 : 0);
  const value = new Uint8Array(6);
  new DataView(value.buffer).setInt32(2, coordinatorEpoch);
  const encoded = encodeRecordBatch({
    records: [{ key, value, timestamp: BATCH_TIMESTAMP_MS }],
    producerId,
    producerEpoch,
    baseSequence: -1,
    isTransactional: true,
    isControl: true,
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

export function headerOf(batch: Uint8Array): RecordBatchHeader {
  const read = readRecordBatchHeader(batch);
  if (!read.ok) throw read.error;
  return read.value;
}

/** The identity fields of a batch, for check and recordAppended. */
export function identityOf(batch: Uint8Array): BatchIdentity {
  return headerOf(batch);
}
