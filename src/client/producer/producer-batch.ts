/**
 * One batch of records for one partition, from its first append to its last answer (Java's
 * ProducerBatch): grows until batch.size, waits in the accumulator, is sent (maybe several
 * times), and settles every record's caller once. The bytes are encoded at each send, so
 * an idempotent retry after an epoch bump carries the new producer epoch and sequence.
 */
import type { CompressionType } from "../../protocol/records/attributes.ts";
import { incrementSequence } from "../../protocol/records/batch-header.ts";
import {
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  RECORD_BATCH_OVERHEAD_BYTES,
} from "../../protocol/records/batch-layout.ts";
import type { RecordBatchResult } from "../../protocol/records/record-batch-error.ts";
import type { RecordHeader } from "../../protocol/records/record-batch-input.ts";
import { encodeRecordBatch } from "../../protocol/records/record-batch-encoder.ts";
import {
  sizeOfUnsignedVarlongNumber,
  sizeOfVarint,
  utf8Length,
  zigZagNumber,
} from "../../protocol/records/varint-size.ts";
import type { Acks } from "./producer-config.ts";

/** What a batch's Produce request carries besides records (records differing here never share a batch). */
export interface BatchRoute {
  acks: Acks;
  /** The Produce request's timeoutMs. */
  timeoutMs: number;
  compression: CompressionType;
}

export type RecordOutcome =
  | { ok: true; offset: bigint; logAppendTimeMs: bigint; logStartOffset: bigint }
  | { ok: false; error: Error };

export interface PendingRecord {
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: readonly RecordHeader[];
  timestampMs: bigint;
  /** Called once with where the record landed (its batch's partition), or why it did not. */
  settle(outcome: RecordOutcome, partition: number): void;
}

/** Kafka's DefaultRecord.sizeInBytes: a record's bytes inside a batch, length prefix included. */
export function recordSizeInBytes(
  offsetDelta: number,
  timestampDelta: number,
  key: Uint8Array | null,
  value: Uint8Array | null,
  headers: readonly RecordHeader[],
): number {
  let body = 1; // attributes
  body += sizeOfUnsignedVarlongNumber(zigZagNumber(timestampDelta));
  body += sizeOfVarint(offsetDelta);
  body += key === null ? 1 : sizeOfVarint(key.length) + key.length;
  body += value === null ? 1 : sizeOfVarint(value.length) + value.length;
  body += sizeOfVarint(headers.length);
  for (const header of headers) {
    const keyBytes = utf8Length(header.key);
    body += sizeOfVarint(keyBytes) + keyBytes;
    body += header.value === null ? 1 : sizeOfVarint(header.value.length) + header.value.length;
  }
  return sizeOfVarint(body) + body;
}

/** The most a lone record can take in a batch of its own (Kafka's estimateSizeInBytesUpperBound). */
export function recordUpperBoundBytes(record: Omit<PendingRecord, "settle">): number {
  return (
    RECORD_BATCH_OVERHEAD_BYTES + recordSizeInBytes(0, 0, record.key, record.value, record.headers)
  );
}

export class ProducerBatch {
  readonly records: PendingRecord[] = [];
  /** Uncompressed size so far, batch header included (Kafka's estimate before compression). */
  estimatedBytes = RECORD_BATCH_OVERHEAD_BYTES;
  /** Sends that got an answer or failed; 0 until the first retry is queued. */
  attempts = 0;
  /** When it was last (re)queued: linger and back-off count from here. */
  lastAttemptMs: number;
  /** The back-off before the next retry (drawn once per retry, jitter included). */
  retryBackoffMs = 0;
  /** Closed for appends: the next record starts a new batch. */
  closed = false;
  inFlight = false;
  done = false;
  /** The error that made the last attempt fail, shown when the batch finally expires. */
  lastError: Error | null = null;
  producerId = NO_PRODUCER_ID;
  producerEpoch = NO_PRODUCER_EPOCH;
  baseSequence = NO_SEQUENCE;
  /** Its sequence was rewritten by an epoch bump (a retry of it is then expected to fail once). */
  sequenceHasBeenReset = false;
  /** Resolves once the batch is done, either way (flush and close wait on it). */
  readonly settled: Promise<void>;
  private markSettled!: () => void;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly route: BatchRoute,
    readonly createdMs: number,
    /** batch.size, and the bytes reserved for it in buffer.memory. */
    private readonly batchSize: number,
    readonly reservedBytes: number,
  ) {
    this.lastAttemptMs = createdMs;
    this.settled = new Promise<void>((resolve) => (this.markSettled = resolve));
  }

  get recordCount(): number {
    return this.records.length;
  }

  get isFull(): boolean {
    return this.closed || this.estimatedBytes >= this.batchSize;
  }

  get hasSequence(): boolean {
    return this.baseSequence !== NO_SEQUENCE;
  }

  get lastSequence(): number {
    return incrementSequence(this.baseSequence, this.recordCount - 1);
  }

  /** Adds `record` when it fits (a first record always does); returns the bytes it added, or null. */
  tryAppend(record: PendingRecord): number | null {
    if (this.closed) return null;
    const first = this.records[0];
    const timestampDelta = first === undefined ? 0 : Number(record.timestampMs - first.timestampMs);
    const size = recordSizeInBytes(
      this.records.length,
      timestampDelta,
      record.key,
      record.value,
      record.headers,
    );
    if (first !== undefined && this.estimatedBytes + size > this.batchSize) {
      this.closed = true;
      return null;
    }
    this.records.push(record);
    this.estimatedBytes += size;
    return first === undefined ? this.estimatedBytes : size;
  }

  setProducerState(producerId: bigint, producerEpoch: number, baseSequence: number): void {
    this.producerId = producerId;
    this.producerEpoch = producerEpoch;
    this.baseSequence = baseSequence;
  }

  /** An epoch bump rewrote this batch's producer state (Kafka's resetProducerState). */
  resetProducerState(producerId: bigint, producerEpoch: number, baseSequence: number): void {
    this.setProducerState(producerId, producerEpoch, baseSequence);
    this.sequenceHasBeenReset = true;
  }

  hasReachedDeliveryTimeout(deliveryTimeoutMs: number, nowMs: number): boolean {
    return nowMs - this.createdMs >= deliveryTimeoutMs;
  }

  /** The RecordBatch v2 bytes as they are to be sent now. */
  encode(): RecordBatchResult<Uint8Array> {
    return encodeRecordBatch({
      records: this.records.map((record) => ({
        key: record.key,
        value: record.value,
        headers: record.headers,
        timestamp: record.timestampMs,
      })),
      compression: this.route.compression,
      producerId: this.producerId,
      producerEpoch: this.producerEpoch,
      baseSequence: this.baseSequence,
    });
  }

  /** Every record landed: record i at `baseOffset + i` (-1 for all when the offset is unknown). */
  complete(baseOffset: bigint, logAppendTimeMs: bigint, logStartOffset: bigint): void {
    if (this.done) return;
    this.done = true;
    this.records.forEach((record, index) =>
      record.settle(
        {
          ok: true,
          offset: baseOffset < 0n ? -1n : baseOffset + BigInt(index),
          logAppendTimeMs,
          logStartOffset,
        },
        this.partition,
      ),
    );
    this.markSettled();
  }

  fail(error: Error): void {
    if (this.done) return;
    this.done = true;
    for (const record of this.records) record.settle({ ok: false, error }, this.partition);
    this.markSettled();
  }
}
