/**
 * One batch of records for one partition, from its first append to its last answer (Java's
 * ProducerBatch): grows until batch.size, waits in the accumulator, is sent (maybe several
 * times), and tells every record's listener once how it ended.
 *
 * Records are laid out in the batch's buffer as they are appended (RecordBatchBuilder, as
 * Java's MemoryRecordsBuilder), so a queued record costs its bytes and no object. Who
 * waits for which records is kept as runs: consecutive records with the same listener (a
 * sendBatch() of 1000 records into one batch is one run), each told its first record's
 * place and its count, so completing a batch costs one call per run, not one per record.
 * The header is written at each send, so an idempotent retry after an epoch bump carries
 * the new producer epoch and sequence.
 */
import type { CompressionType } from "../../protocol/records/attributes.ts";
import { incrementSequence } from "../../protocol/records/batch-header.ts";
import {
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  RECORD_BATCH_OVERHEAD_BYTES,
} from "../../protocol/records/batch-layout.ts";
import {
  RecordBatchBuilder,
  recordSizeInBytes,
  type RecordTimestamp,
} from "../../protocol/records/record-batch-builder.ts";
import type { RecordBatchResult } from "../../protocol/records/record-batch-error.ts";
import type { RecordHeader } from "../../protocol/records/record-batch-input.ts";
import type { Acks } from "./producer-config.ts";

/** What a batch's Produce request carries besides records (records differing here never share a batch). */
export interface BatchRoute {
  acks: Acks;
  /** The Produce request's timeoutMs. */
  timeoutMs: number;
  compression: CompressionType;
}

/**
 * How a batch ended: its base offset (-1 when unknown, e.g. acks=0) and when the producer
 * handled the answer (node time), or why it failed.
 */
export type BatchOutcome =
  | {
      ok: true;
      baseOffset: bigint;
      logAppendTimeMs: bigint;
      logStartOffset: bigint;
      acknowledgedAtMs: number;
    }
  | { ok: false; error: Error };

/** Whoever waits for records: told once per run of its records in a batch. */
export interface RecordListener {
  /** Records `firstIndex` to `firstIndex + count - 1` of `batch` ended with `outcome`. */
  recordsSettled(
    batch: ProducerBatch,
    outcome: BatchOutcome,
    firstIndex: number,
    count: number,
  ): void;
}

/** A record as the producer has serialized it, before it is laid out in a batch. */
export interface SerializedRecord {
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: readonly RecordHeader[];
  timestampMs: RecordTimestamp;
}

/** The most a lone record can take in a batch of its own (Kafka's estimateSizeInBytesUpperBound). */
export function recordUpperBoundBytes(record: SerializedRecord): number {
  return (
    RECORD_BATCH_OVERHEAD_BYTES + recordSizeInBytes(0, 0, record.key, record.value, record.headers)
  );
}

export class ProducerBatch {
  private readonly builder: RecordBatchBuilder;
  /** Runs of records with the same listener: `runListeners[i]` waits for `runCounts[i]` records. */
  private readonly runListeners: RecordListener[] = [];
  private readonly runCounts: number[] = [];
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
    /** batch.size. */
    private readonly batchSize: number,
    /** The bytes reserved for it in buffer.memory: max(batch.size, its first record). */
    readonly reservedBytes: number,
    /** Where its records are laid out: `reservedBytes` long (from the BufferPool). */
    buffer: Uint8Array,
  ) {
    this.lastAttemptMs = createdMs;
    this.builder = new RecordBatchBuilder(buffer);
    this.settled = new Promise<void>((resolve) => (this.markSettled = resolve));
  }

  get recordCount(): number {
    return this.builder.recordCount;
  }

  /** Uncompressed size so far, batch header included (Kafka's estimate before compression). */
  get estimatedBytes(): number {
    return this.builder.sizeInBytes;
  }

  get isFull(): boolean {
    return this.closed || this.builder.sizeInBytes >= this.batchSize;
  }

  get hasSequence(): boolean {
    return this.baseSequence !== NO_SEQUENCE;
  }

  get lastSequence(): number {
    return incrementSequence(this.baseSequence, this.recordCount - 1);
  }

  /**
   * Adds `record` for `listener` when it fits (a first record always does); returns the
   * bytes it added (the header's too for the first), or 0 when it does not fit — the batch
   * is then closed.
   */
  tryAppend(record: SerializedRecord, listener: RecordListener): number {
    if (this.closed) return 0;
    const first = this.builder.recordCount === 0;
    const added = this.builder.tryAppend(
      record.timestampMs,
      record.key,
      record.value,
      record.headers,
      this.batchSize,
    );
    if (added === 0) {
      this.closed = true;
      return 0;
    }
    const last = this.runListeners.length - 1;
    if (last >= 0 && this.runListeners[last] === listener) this.runCounts[last]!++;
    else {
      this.runListeners.push(listener);
      this.runCounts.push(1);
    }
    return first ? this.builder.sizeInBytes : added;
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

  /**
   * The RecordBatch v2 bytes as they are to be sent now. Valid until the next encode (they
   * may be the batch's own buffer): the request is encoded before the batch can be sent again.
   */
  encode(): RecordBatchResult<Uint8Array> {
    this.closed = true;
    return this.builder.build({
      compression: this.route.compression,
      producerId: this.producerId,
      producerEpoch: this.producerEpoch,
      baseSequence: this.baseSequence,
    });
  }

  /** Its buffer, for the pool to reuse once the batch is done (no sends after that). */
  get buffer(): Uint8Array {
    return this.builder.underlyingBuffer;
  }

  /**
   * Every record landed: record i at `baseOffset + i` (-1 for all when the offset is
   * unknown), as the answer handled at `acknowledgedAtMs` says.
   */
  complete(
    baseOffset: bigint,
    logAppendTimeMs: bigint,
    logStartOffset: bigint,
    acknowledgedAtMs: number,
  ): void {
    this.settle({ ok: true, baseOffset, logAppendTimeMs, logStartOffset, acknowledgedAtMs });
  }

  fail(error: Error): void {
    this.settle({ ok: false, error });
  }

  private settle(outcome: BatchOutcome): void {
    if (this.done) return;
    this.done = true;
    let firstIndex = 0;
    for (let run = 0; run < this.runListeners.length; run++) {
      const count = this.runCounts[run]!;
      this.runListeners[run]!.recordsSettled(this, outcome, firstIndex, count);
      firstIndex += count;
    }
    this.markSettled();
  }
}
