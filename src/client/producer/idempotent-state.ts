/**
 * The idempotent producer's bookkeeping (the non-transactional half of Kafka's
 * TransactionManager): the producer id and epoch from InitProducerId, and per partition
 * the next sequence, the last acknowledged one, and the batches that hold sequences but
 * are not done ("in flight" in Kafka's sense: sent at least once, maybe waiting to retry).
 *
 * The broker keeps each producer's last five batches per partition, so a retry of a batch
 * it already wrote is answered with the original offsets instead of written twice. What
 * can still go wrong is a gap (OUT_OF_ORDER_SEQUENCE_NUMBER for the batch right after the
 * last acknowledged one, or UNKNOWN_PRODUCER_ID after the broker lost the producer's
 * state): then, as Kafka 2.5+ does (KIP-360), the producer bumps its epoch itself and
 * renumbers that partition's unfinished batches from sequence 0 — the broker accepts a new
 * epoch only from sequence 0, so nothing is written twice and the order is kept. Other
 * partitions move to the new epoch once their own unfinished batches are done.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { incrementSequence } from "../../protocol/records/batch-header.ts";
import {
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
} from "../../protocol/records/batch-layout.ts";
import { isRetriableCode } from "./produce-errors.ts";
import type { ProducerBatch } from "./producer-batch.ts";

const MAX_EPOCH = 32767;

interface PartitionSequences {
  /** The producer id and epoch these sequences belong to. */
  producerId: bigint;
  producerEpoch: number;
  nextSequence: number;
  lastAckedSequence: number;
  /** Batches with a sequence that are not done, by sequence. */
  unfinished: ProducerBatch[];
}

function partitionKey(batch: ProducerBatch): string {
  return `${batch.topic}\u0000${batch.partition}`;
}

export class IdempotentState {
  producerId = NO_PRODUCER_ID;
  producerEpoch = NO_PRODUCER_EPOCH;
  private readonly partitions = new Map<string, PartitionSequences>();
  private epochBumpRequired = false;
  private readonly partitionsToRewrite = new Set<string>();
  /** Partitions where a batch expired after being sent: did the broker write it? */
  private readonly unresolved = new Map<string, number>();

  get hasProducerId(): boolean {
    return this.producerId !== NO_PRODUCER_ID;
  }

  setProducerIdAndEpoch(producerId: bigint, producerEpoch: number): void {
    this.producerId = producerId;
    this.producerEpoch = producerEpoch;
  }

  /**
   * Kafka's shouldStopDrainBatchesForPartition: whether `first` (the head of its
   * partition's queue) must wait. New batches wait while older-epoch batches are
   * unfinished or a sequence is unresolved; a retried batch waits until it is the
   * partition's oldest unfinished one, so retries go out one at a time and in order.
   */
  mustWait(first: ProducerBatch): boolean {
    if (!this.hasProducerId) return true;
    const entry = this.partitions.get(partitionKey(first));
    if (entry === undefined) return false;
    if (!first.hasSequence) {
      if (entry.unfinished.length > 0 && this.isStale(entry)) return true;
      if (this.unresolved.has(partitionKey(first))) return true;
    }
    const oldest = entry.unfinished[0]?.baseSequence ?? NO_SEQUENCE;
    return oldest !== NO_SEQUENCE && first.hasSequence && first.baseSequence !== oldest;
  }

  /** Gives a batch leaving the queue for the first time its producer id, epoch and sequence. */
  assignSequence(batch: ProducerBatch): void {
    if (batch.hasSequence) return;
    const key = partitionKey(batch);
    let entry = this.partitions.get(key);
    if (entry === undefined || (this.isStale(entry) && entry.unfinished.length === 0)) {
      // A new partition, or one whose old-epoch batches are all done: start at 0.
      entry = {
        producerId: this.producerId,
        producerEpoch: this.producerEpoch,
        nextSequence: 0,
        lastAckedSequence: -1,
        unfinished: [],
      };
      this.partitions.set(key, entry);
    }
    batch.setProducerState(this.producerId, this.producerEpoch, entry.nextSequence);
    entry.nextSequence = incrementSequence(entry.nextSequence, batch.recordCount);
    entry.unfinished.push(batch);
  }

  /** Kafka's TransactionManager.canRetry for an idempotent producer. */
  canRetry(batch: ProducerBatch, errorCode: number, logStartOffset: bigint): boolean {
    const key = partitionKey(batch);
    if (errorCode === ErrorCode.UNKNOWN_PRODUCER_ID) {
      // Without the log start offset we cannot tell why; retry until the broker says.
      if (logStartOffset !== -1n) this.requestEpochBump(key);
      return true;
    }
    if (errorCode === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER) {
      const unresolved = this.unresolved.has(key);
      if (!unresolved && !batch.sequenceHasBeenReset && this.isBehindAcknowledged(key, batch)) {
        // The broker took later sequences before this batch (it was refused, say with
        // NOT_LEADER_OR_FOLLOWER by a leader not ready yet, while later ones got in). Written
        // now it would stand after records sent after it, so it fails, as Kafka's producer
        // fails it once its retries run out; failed() starts the partition's next batches in
        // a new epoch.
        return false;
      }
      if (
        !unresolved &&
        (batch.sequenceHasBeenReset || !this.isNextSequence(key, batch.baseSequence))
      ) {
        // An earlier batch is still on its way: retry once it has landed.
        return true;
      }
      const afterUnresolved = this.unresolved.get(key);
      if (
        !unresolved ||
        (afterUnresolved !== undefined &&
          incrementSequence(afterUnresolved, 1) === batch.baseSequence)
      ) {
        // A real gap right after what the broker acknowledged: start over in a new epoch.
        this.requestEpochBump(key);
      }
      return true;
    }
    return isRetriableCode(errorCode);
  }

  /** The broker wrote `batch`. */
  completed(batch: ProducerBatch): void {
    const entry = this.remove(batch);
    if (
      entry !== undefined &&
      entry.producerId === batch.producerId &&
      entry.producerEpoch === batch.producerEpoch
    ) {
      entry.lastAckedSequence = Math.max(entry.lastAckedSequence, batch.lastSequence);
    }
  }

  /**
   * `batch` failed for good. If it may have been written (it expired after a send), the
   * partition stays unresolved until its other batches show whether it was; if it surely
   * was not, the sequences after it would leave a gap, so the partition starts over in a
   * new epoch.
   */
  failed(batch: ProducerBatch, mayHaveBeenWritten: boolean): void {
    if (!batch.hasSequence) return;
    const entry = this.remove(batch);
    if (entry === undefined) return;
    const key = partitionKey(batch);
    if (mayHaveBeenWritten) this.unresolved.set(key, batch.lastSequence);
    else this.requestEpochBump(key);
  }

  /**
   * Run before each drain (Kafka's maybeResolveSequences + bumpIdempotentEpochAndResetIdIfNeeded).
   * Returns true when the producer id must be renewed with InitProducerId (epoch exhausted).
   */
  housekeeping(): boolean {
    for (const key of this.unresolved.keys()) {
      const entry = this.partitions.get(key);
      if (entry === undefined || entry.unfinished.length > 0) continue;
      this.unresolved.delete(key);
      // The expired batch was written iff the broker acknowledged up to the last sequence.
      // (Acknowledged sequences after it mean the broker had it, or it would have refused them.)
      const resolved = incrementSequence(entry.lastAckedSequence, 1) === entry.nextSequence;
      if (!resolved) this.requestEpochBump(key);
    }
    if (!this.epochBumpRequired) return false;
    this.epochBumpRequired = false;
    if (this.producerEpoch >= MAX_EPOCH) {
      // The epoch is exhausted: a new producer id (and every partition starts over).
      this.setProducerIdAndEpoch(NO_PRODUCER_ID, NO_PRODUCER_EPOCH);
      this.partitionsToRewrite.clear();
      return true;
    }
    this.producerEpoch += 1;
    for (const key of this.partitionsToRewrite) this.startSequencesAtBeginning(key);
    this.partitionsToRewrite.clear();
    return false;
  }

  private requestEpochBump(key: string): void {
    this.epochBumpRequired = true;
    this.partitionsToRewrite.add(key);
  }

  private startSequencesAtBeginning(key: string): void {
    const entry = this.partitions.get(key);
    this.unresolved.delete(key);
    if (entry === undefined) return;
    let sequence = 0;
    for (const batch of entry.unfinished) {
      batch.resetProducerState(this.producerId, this.producerEpoch, sequence);
      sequence = incrementSequence(sequence, batch.recordCount);
    }
    entry.producerId = this.producerId;
    entry.producerEpoch = this.producerEpoch;
    entry.nextSequence = sequence;
    entry.lastAckedSequence = -1;
  }

  private isStale(entry: PartitionSequences): boolean {
    return entry.producerId !== this.producerId || entry.producerEpoch !== this.producerEpoch;
  }

  /** Whether the broker already acknowledged sequences at or after this batch's first. */
  private isBehindAcknowledged(key: string, batch: ProducerBatch): boolean {
    const entry = this.partitions.get(key);
    return (
      entry !== undefined &&
      entry.lastAckedSequence >= 0 &&
      batch.baseSequence <= entry.lastAckedSequence
    );
  }

  private isNextSequence(key: string, sequence: number): boolean {
    const entry = this.partitions.get(key);
    return entry !== undefined && incrementSequence(entry.lastAckedSequence, 1) === sequence;
  }

  private remove(batch: ProducerBatch): PartitionSequences | undefined {
    const entry = this.partitions.get(partitionKey(batch));
    if (entry === undefined) return undefined;
    const index = entry.unfinished.indexOf(batch);
    if (index >= 0) entry.unfinished.splice(index, 1);
    return entry;
  }
}
