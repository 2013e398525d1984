/**
 * sendRecord()'s side of a batch's outcome: Java's per-record Callback, called once with
 * the record's metadata (Java's RecordMetadata: its offset is the batch's base offset plus
 * the record's place in it) or the error. As Java's ProducerBatch does, a callback that
 * throws is the caller's problem: the producer goes on.
 */
import type { BatchOutcome, ProducerBatch } from "./producer-batch.ts";
import type { SendCallback, SentRecordMetadata } from "./producer-types.ts";
import type { SendListener } from "./record-appender.ts";

class SentRecord implements SentRecordMetadata {
  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly baseOffset: bigint,
    private readonly index: number,
    readonly logAppendTimeMs: bigint,
    readonly acknowledgedAtMs: number,
  ) {}

  /** Worked out when asked: most callers never look. */
  get offset(): bigint {
    return this.baseOffset < 0n ? -1n : this.baseOffset + BigInt(this.index);
  }
}

export class CallbackListener implements SendListener {
  private called = false;

  constructor(private readonly callback: SendCallback) {}

  added(): void {}

  recordsSettled(batch: ProducerBatch, outcome: BatchOutcome, firstIndex: number): void {
    if (outcome.ok) {
      this.call(
        null,
        new SentRecord(
          batch.topic,
          batch.partition,
          outcome.baseOffset,
          firstIndex,
          outcome.logAppendTimeMs,
          outcome.acknowledgedAtMs,
        ),
      );
    } else {
      this.call(outcome.error, null);
    }
  }

  /** The record never got into a batch. */
  failed(error: unknown): void {
    this.call(error instanceof Error ? error : new Error(String(error)), null);
  }

  private call(error: Error | null, metadata: SentRecordMetadata | null): void {
    if (this.called) return;
    this.called = true;
    try {
      this.callback(error, metadata);
    } catch {
      // Java logs "Error executing user-provided callback" and carries on.
    }
  }
}
