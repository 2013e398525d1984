/**
 * What a partition remembers of one idempotent producer (Kafka's ProducerStateEntry): its
 * current epoch, the last few batches it appended (to answer a retried batch with its
 * original offsets), the coordinator epoch of its last transaction marker, and the first
 * offset of its open transaction, if any.
 */
import { NO_PRODUCER_EPOCH, NO_SEQUENCE } from "../../protocol/records/batch-layout.ts";

/** Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN: a producer has at most 5 requests in flight. */
export const BATCHES_RETAINED_PER_PRODUCER = 5;

/** One appended batch (Kafka's BatchMetadata): enough to recognize and answer a retry. */
export interface BatchMetadata {
  firstSequence: number;
  lastSequence: number;
  firstOffset: bigint;
  lastOffset: bigint;
  /** The batch's max timestamp (the append time on LogAppendTime topics). */
  timestampMs: bigint;
}

/** Kafka's DefaultRecordBatch.decrementSequence: the inverse of incrementSequence's wrap. */
export function decrementSequence(sequence: number, decrement: number): number {
  if (sequence < decrement) return 0x7fffffff - (decrement - sequence) + 1;
  return sequence - decrement;
}

export class ProducerStateEntry {
  /** Oldest first; never more than BATCHES_RETAINED_PER_PRODUCER. */
  private readonly batches: BatchMetadata[] = [];

  constructor(
    readonly producerId: bigint,
    public producerEpoch = NO_PRODUCER_EPOCH,
    public coordinatorEpoch = -1,
    /** The newest batch's timestamp (or marker's): what producer.id.expiration.ms measures from. */
    public lastTimestampMs = -1n,
    /** First offset of the open transaction, or null when there is none. */
    public currentTxnFirstOffset: bigint | null = null,
  ) {}

  get isEmpty(): boolean {
    return this.batches.length === 0;
  }

  get lastSequence(): number {
    return this.batches.at(-1)?.lastSequence ?? NO_SEQUENCE;
  }

  get lastBatch(): BatchMetadata | null {
    return this.batches.at(-1) ?? null;
  }

  get batchCount(): number {
    return this.batches.length;
  }

  /** A new epoch starts a new sequence space: the batches of the old one no longer count. */
  updateEpoch(producerEpoch: number): void {
    if (producerEpoch === this.producerEpoch) return;
    this.batches.length = 0;
    this.producerEpoch = producerEpoch;
  }

  addBatch(producerEpoch: number, batch: BatchMetadata): void {
    this.updateEpoch(producerEpoch);
    if (this.batches.length === BATCHES_RETAINED_PER_PRODUCER) this.batches.shift();
    this.batches.push(batch);
    this.lastTimestampMs = batch.timestampMs;
  }

  /** The retained batch with exactly this epoch and sequence range: the original of a retry. */
  findDuplicate(
    producerEpoch: number,
    firstSequence: number,
    lastSequence: number,
  ): BatchMetadata | null {
    if (producerEpoch !== this.producerEpoch) return null;
    return (
      this.batches.find(
        (b) => b.firstSequence === firstSequence && b.lastSequence === lastSequence,
      ) ?? null
    );
  }
}
