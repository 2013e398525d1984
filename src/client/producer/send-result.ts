/**
 * Collects the outcome of every record of one send() into KafkaJS's answer: one
 * RecordMetadata per partition written to, with the offset of the send's first record
 * there. The send fails if any of its records failed (the first error wins), as in KafkaJS.
 * Batches report runs of the send's records (RecordListener), so a send of many records
 * costs a few calls here, not one per record.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { BatchOutcome, ProducerBatch, RecordListener } from "./producer-batch.ts";
import type { RecordMetadata } from "./producer-types.ts";

interface PartitionResult {
  topicName: string;
  partition: number;
  firstOffset: bigint | null;
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
}

export class SendResult implements RecordListener {
  private pending = 0;
  private sealed = false;
  private error: Error | null = null;
  /** Most sends write to one partition: it is kept here, any further ones in `others`. */
  private first: PartitionResult | null = null;
  private others: Map<string, PartitionResult> | null = null;
  private resolve!: (metadata: RecordMetadata[]) => void;
  private reject!: (error: Error) => void;
  private readonly answer = new Promise<RecordMetadata[]>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });

  /** One more record of this send was queued. */
  added(): void {
    this.pending++;
  }

  recordsSettled(
    batch: ProducerBatch,
    outcome: BatchOutcome,
    firstIndex: number,
    count: number,
  ): void {
    if (outcome.ok) {
      const offset = outcome.baseOffset < 0n ? -1n : outcome.baseOffset + BigInt(firstIndex);
      const entry = this.entryFor(batch.topic, batch.partition);
      if (entry.firstOffset === null || (offset >= 0n && offset < entry.firstOffset)) {
        entry.firstOffset = offset;
        entry.logAppendTimeMs = outcome.logAppendTimeMs;
        entry.logStartOffset = outcome.logStartOffset;
      }
    } else {
      this.error ??= outcome.error;
    }
    this.pending -= count;
    this.maybeFinish();
  }

  /** Every record was handed over: the answer comes once they all settled. */
  result(): Promise<RecordMetadata[]> {
    this.sealed = true;
    this.maybeFinish();
    return this.answer;
  }

  private entryFor(topic: string, partition: number): PartitionResult {
    const first = this.first;
    if (first === null) return (this.first = newEntry(topic, partition));
    if (first.partition === partition && first.topicName === topic) return first;
    this.others ??= new Map();
    const key = `${topic}\u0000${partition}`;
    let entry = this.others.get(key);
    if (entry === undefined) this.others.set(key, (entry = newEntry(topic, partition)));
    return entry;
  }

  private maybeFinish(): void {
    if (!this.sealed || this.pending !== 0) return;
    if (this.error !== null) {
      this.reject(this.error);
      return;
    }
    const entries = this.first === null ? [] : [this.first, ...(this.others?.values() ?? [])];
    this.resolve(
      entries.map((entry) => ({
        topicName: entry.topicName,
        partition: entry.partition,
        errorCode: ErrorCode.NONE,
        baseOffset: String(entry.firstOffset ?? -1n),
        logAppendTime: String(entry.logAppendTimeMs),
        logStartOffset: String(entry.logStartOffset),
      })),
    );
  }
}

function newEntry(topic: string, partition: number): PartitionResult {
  return {
    topicName: topic,
    partition,
    firstOffset: null,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
  };
}
