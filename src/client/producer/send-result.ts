/**
 * Collects the outcome of every record of one send() into KafkaJS's answer: one
 * RecordMetadata per partition written to, with the offset of the send's first record
 * there. The send fails if any of its records failed (the first error wins), as in KafkaJS.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { RecordOutcome } from "./producer-batch.ts";
import type { RecordMetadata } from "./producer-types.ts";

interface PartitionResult {
  topicName: string;
  partition: number;
  firstOffset: bigint | null;
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
}

export class SendResult {
  private pending = 0;
  private sealed = false;
  private error: Error | null = null;
  private readonly partitions = new Map<string, PartitionResult>();
  private finish!: () => void;
  private readonly allSettled = new Promise<void>((resolve) => (this.finish = resolve));

  /** A callback for one more record of `topic` (its partition is known once it lands). */
  track(topic: string): (outcome: RecordOutcome, partition: number) => void {
    this.pending++;
    return (outcome, partition) => {
      if (outcome.ok) {
        const key = `${topic}\u0000${partition}`;
        let entry = this.partitions.get(key);
        if (entry === undefined) {
          entry = {
            topicName: topic,
            partition,
            firstOffset: null,
            logAppendTimeMs: -1n,
            logStartOffset: -1n,
          };
          this.partitions.set(key, entry);
        }
        if (
          entry.firstOffset === null ||
          (outcome.offset >= 0n && outcome.offset < entry.firstOffset)
        ) {
          entry.firstOffset = outcome.offset;
          entry.logAppendTimeMs = outcome.logAppendTimeMs;
          entry.logStartOffset = outcome.logStartOffset;
        }
      } else {
        this.error ??= outcome.error;
      }
      this.pending--;
      this.maybeFinish();
    };
  }

  /** Every record was handed over: the answer comes once they all settled. */
  async result(): Promise<RecordMetadata[]> {
    this.sealed = true;
    this.maybeFinish();
    await this.allSettled;
    if (this.error !== null) throw this.error;
    return [...this.partitions.values()].map((entry) => ({
      topicName: entry.topicName,
      partition: entry.partition,
      errorCode: ErrorCode.NONE,
      baseOffset: String(entry.firstOffset ?? -1n),
      logAppendTime: String(entry.logAppendTimeMs),
      logStartOffset: String(entry.logStartOffset),
    }));
  }

  private maybeFinish(): void {
    if (this.sealed && this.pending === 0) this.finish();
  }
}
