/**
 * What happens to a batch when its Produce answer (or failure) arrives, as Kafka's
 * Sender.completeBatch decides: done; back into the queue after a back-off if the error is
 * retriable and retries and delivery.timeout.ms allow; DUPLICATE_SEQUENCE_NUMBER counted as
 * done (the broker has it, without its offsets); otherwise failed. Errors that mean the
 * leader moved ask for fresh metadata first.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { backoffMs } from "../cluster/backoff.ts";
import { KafkaProtocolError } from "../kafka-error.ts";
import type { IdempotentState } from "./idempotent-state.ts";
import { isInvalidMetadataCode, isRetriableCode } from "./produce-errors.ts";
import type { ProducerBatch } from "./producer-batch.ts";
import type { ProducerConfig } from "./producer-config.ts";
import { ProducerError } from "./producer-error.ts";
import type { ProducerMetadata } from "./producer-metadata.ts";
import type { ProducerEvents } from "./producer-events.ts";
import type { ProducerMetrics } from "./producer-metrics.ts";
import type { RecordAccumulator } from "./record-accumulator.ts";

/** One partition's answer, or the stand-in for a request that got none. */
export interface PartitionOutcome {
  errorCode: number;
  errorMessage: string | null;
  baseOffset: bigint;
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
  /** The client-side failure behind NETWORK_EXCEPTION / REQUEST_TIMED_OUT, kept as the cause. */
  cause?: Error;
}

/** Client- or broker-side timeouts and lost connections: the broker may have written the batch. */
const MAYBE_WRITTEN: ReadonlySet<number> = new Set([
  ErrorCode.NETWORK_EXCEPTION,
  ErrorCode.REQUEST_TIMED_OUT,
]);

export class BatchCompletion {
  constructor(
    private readonly config: ProducerConfig,
    private readonly accumulator: RecordAccumulator,
    private readonly idempotence: IdempotentState | null,
    private readonly metadata: ProducerMetadata,
    private readonly metrics: ProducerMetrics,
    private readonly random: () => number,
    private readonly events: ProducerEvents,
  ) {}

  complete(batch: ProducerBatch, outcome: PartitionOutcome, nowMs: number): void {
    if (this.config.maxInFlight === 1) this.accumulator.unmute(batch);
    const code = outcome.errorCode;
    if (isInvalidMetadataCode(code)) this.metadata.requestUpdate();
    if (code === ErrorCode.NONE) {
      this.succeed(
        batch,
        outcome.baseOffset,
        outcome.logAppendTimeMs,
        outcome.logStartOffset,
        nowMs,
      );
      return;
    }
    const error = outcome.cause ?? new KafkaProtocolError(code, outcome.errorMessage);
    if (this.canRetry(batch, outcome, nowMs)) {
      batch.lastError = error;
      this.metrics.recordsRetried(batch.recordCount);
      this.events.emit("producer.retry", {
        topic: batch.topic,
        partition: batch.partition,
        attempt: batch.attempts,
        error: error instanceof KafkaProtocolError ? error.type : error.name,
        message: error.message,
      });
      // At least 1 ms even with retry.backoff.ms=0, so a dead leader cannot spin the loop in place.
      const delay = Math.max(1, backoffMs(batch.attempts, this.config, this.random));
      this.accumulator.reenqueue(batch, nowMs, delay);
      return;
    }
    if (code === ErrorCode.DUPLICATE_SEQUENCE_NUMBER) {
      // The broker wrote it before but no longer remembers where: success, offsets unknown.
      this.succeed(batch, -1n, -1n, -1n, nowMs);
      return;
    }
    this.fail(batch, error, MAYBE_WRITTEN.has(code));
  }

  /** The batch waited in the queue past delivery.timeout.ms (Kafka's TimeoutException). */
  expire(batch: ProducerBatch, nowMs: number): void {
    const last = batch.lastError === null ? "" : ` (last error: ${batch.lastError.message})`;
    const error = new ProducerError(
      "TimeoutException",
      `Expiring ${batch.recordCount} record(s) for ${batch.topic}-${batch.partition}:` +
        `${nowMs - batch.createdMs} ms has passed since batch creation${last}`,
      true,
      { cause: batch.lastError ?? undefined },
    );
    // A batch that was sent before may have been written although no answer said so.
    this.fail(batch, error, batch.attempts > 0);
  }

  fail(batch: ProducerBatch, error: Error, mayHaveBeenWritten: boolean): void {
    if (this.config.maxInFlight === 1) this.accumulator.unmute(batch);
    this.idempotence?.failed(batch, mayHaveBeenWritten);
    this.accumulator.deallocate(batch);
    this.metrics.recordsFailed(batch.recordCount);
    batch.fail(error);
  }

  private succeed(
    batch: ProducerBatch,
    baseOffset: bigint,
    logAppendTimeMs: bigint,
    logStartOffset: bigint,
    nowMs: number,
  ): void {
    this.idempotence?.completed(batch);
    this.accumulator.deallocate(batch);
    batch.complete(baseOffset, logAppendTimeMs, logStartOffset, nowMs);
  }

  private canRetry(batch: ProducerBatch, outcome: PartitionOutcome, nowMs: number): boolean {
    if (batch.hasReachedDeliveryTimeout(this.config.deliveryTimeoutMs, nowMs)) return false;
    if (batch.attempts >= this.config.retries || batch.done) return false;
    return this.idempotence === null
      ? isRetriableCode(outcome.errorCode)
      : this.idempotence.canRetry(batch, outcome.errorCode, outcome.logStartOffset);
  }
}
