/**
 * ProducerPerformance's Stats: every acknowledged record's latency and size, a report line
 * each time a record completes 5 s or more after the current window began, and the total
 * with latency percentiles from a sample of at most 500,000 latencies (every n-th record).
 * Lines are formatted as Kafka's printf formats them:
 *
 *   2005 records sent, 400.9 records/sec (0.39 MB/sec), 3.2 ms avg latency, 21.0 ms max latency.
 *   10000 records sent, 399.664269 records/sec (0.39 MB/sec), 3.12 ms avg latency, 21.00 ms max latency, 3 ms 50th, 5 ms 95th, 8 ms 99th, 21 ms 99.9th.
 */
import { formatFixed } from "../framework/java-format.ts";

const REPORTING_INTERVAL_MS = 5000;
const MAX_SAMPLES = 500_000;
const BYTES_PER_MB = 1024 * 1024;

export class ProducerPerfStats {
  private readonly startMs: number;
  private readonly sampling: number;
  private readonly latencies: Int32Array;
  private iteration = 0;
  private index = 0;
  count = 0;
  bytes = 0;
  private maxLatency = 0;
  private totalLatency = 0;
  private windowCount = 0;
  private windowMaxLatency = 0;
  private windowTotalLatency = 0;
  private windowBytes = 0;
  private windowStartMs: number;

  constructor(
    numRecords: number,
    private readonly nowMs: () => number,
    private readonly print: (line: string) => void,
  ) {
    this.startMs = nowMs();
    this.windowStartMs = this.startMs;
    this.sampling = Math.floor(numRecords / Math.min(numRecords, MAX_SAMPLES));
    this.latencies = new Int32Array(Math.floor(numRecords / this.sampling) + 1);
  }

  /** One record acknowledged `latencyMs` after it was sent, at `timeMs`. */
  record(latencyMs: number, bytes: number, timeMs: number): void {
    this.count++;
    this.bytes += bytes;
    this.totalLatency += latencyMs;
    this.maxLatency = Math.max(this.maxLatency, latencyMs);
    this.windowCount++;
    this.windowBytes += bytes;
    this.windowTotalLatency += latencyMs;
    this.windowMaxLatency = Math.max(this.windowMaxLatency, latencyMs);
    if (this.iteration % this.sampling === 0) this.latencies[this.index++] = latencyMs;
    if (timeMs - this.windowStartMs >= REPORTING_INTERVAL_MS) {
      this.printWindow();
      this.newWindow();
    }
    this.iteration++;
  }

  private printWindow(): void {
    const elapsedMs = this.nowMs() - this.windowStartMs;
    const recordsPerSec = (1000 * this.windowCount) / elapsedMs;
    const mbPerSec = (1000 * this.windowBytes) / elapsedMs / BYTES_PER_MB;
    this.print(
      `${this.windowCount} records sent, ${formatFixed(recordsPerSec, 1)} records/sec (${formatFixed(mbPerSec, 2)} MB/sec), ` +
        `${formatFixed(this.windowTotalLatency / this.windowCount, 1)} ms avg latency, ${formatFixed(this.windowMaxLatency, 1)} ms max latency.`,
    );
  }

  private newWindow(): void {
    this.windowStartMs = this.nowMs();
    this.windowCount = 0;
    this.windowMaxLatency = 0;
    this.windowTotalLatency = 0;
    this.windowBytes = 0;
  }

  printTotal(): void {
    const elapsedMs = this.nowMs() - this.startMs;
    const recordsPerSec = (1000 * this.count) / elapsedMs;
    const mbPerSec = (1000 * this.bytes) / elapsedMs / BYTES_PER_MB;
    const [p50, p95, p99, p999] = this.percentiles([0.5, 0.95, 0.99, 0.999]);
    this.print(
      `${this.count} records sent, ${formatFixed(recordsPerSec, 6)} records/sec (${formatFixed(mbPerSec, 2)} MB/sec), ` +
        `${formatFixed(this.totalLatency / this.count, 2)} ms avg latency, ${formatFixed(this.maxLatency, 2)} ms max latency, ` +
        `${p50} ms 50th, ${p95} ms 95th, ${p99} ms 99th, ${p999} ms 99.9th.`,
    );
  }

  private percentiles(fractions: readonly number[]): number[] {
    const size = Math.min(this.index, this.latencies.length);
    const sorted = this.latencies.slice(0, size).sort();
    // With no sample at all Kafka reads the array's first slot, which is 0.
    return fractions.map((fraction) => sorted[Math.trunc(fraction * size)] ?? this.latencies[0]!);
  }
}
