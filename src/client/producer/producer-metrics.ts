/**
 * The producer's numbers by the names Kafka's producer metrics use (producer-metrics
 * group), for the page to show. Kafka averages over 30 s sample windows; these count since
 * the producer started, which is what a playground session wants to see.
 */
export interface ProducerMetricsSnapshot {
  /** Records put into Produce requests (a retried record counts again). */
  "record-send-total": number;
  /** Records whose send failed for good. */
  "record-error-total": number;
  /** Records sent again after a retriable error. */
  "record-retry-total": number;
  /** Produce requests sent. */
  "request-total": number;
  /** Milliseconds from sending a Produce request to its answer (NaN before the first, as Kafka shows). */
  "request-latency-avg": number;
  "request-latency-max": number;
  /** Bytes per batch as sent (after compression). */
  "batch-size-avg": number;
  "records-per-request-avg": number;
  "buffer-available-bytes": number;
  "requests-in-flight": number;
}

export class ProducerMetrics {
  private recordsSent = 0;
  private recordErrors = 0;
  private recordRetries = 0;
  private requests = 0;
  private answeredRequests = 0;
  private latencySumMs = 0;
  private latencyMaxMs = Number.NaN;
  private batches = 0;
  private batchBytes = 0;
  inFlight = 0;

  requestSent(records: number, batchSizes: readonly number[]): void {
    this.requests++;
    this.recordsSent += records;
    this.batches += batchSizes.length;
    for (const size of batchSizes) this.batchBytes += size;
  }

  requestAnswered(latencyMs: number): void {
    this.answeredRequests++;
    this.latencySumMs += latencyMs;
    this.latencyMaxMs = Number.isNaN(this.latencyMaxMs)
      ? latencyMs
      : Math.max(this.latencyMaxMs, latencyMs);
  }

  recordsRetried(count: number): void {
    this.recordRetries += count;
  }

  recordsFailed(count: number): void {
    this.recordErrors += count;
  }

  snapshot(bufferAvailableBytes: number): ProducerMetricsSnapshot {
    return {
      "record-send-total": this.recordsSent,
      "record-error-total": this.recordErrors,
      "record-retry-total": this.recordRetries,
      "request-total": this.requests,
      "request-latency-avg":
        this.answeredRequests === 0 ? Number.NaN : this.latencySumMs / this.answeredRequests,
      "request-latency-max": this.latencyMaxMs,
      "batch-size-avg": this.batches === 0 ? Number.NaN : this.batchBytes / this.batches,
      "records-per-request-avg":
        this.requests === 0 ? Number.NaN : this.recordsSent / this.requests,
      "buffer-available-bytes": bufferAvailableBytes,
      "requests-in-flight": this.inFlight,
    };
  }
}
