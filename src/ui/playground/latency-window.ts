/** Latencies of the last second (node time), for a p99 that follows what happens now. */
const WINDOW_MS = 1_000;
const MAX_SAMPLES = 5_000;

export class LatencyWindow {
  private samples: { atMs: number; latencyMs: number }[] = [];

  add(atMs: number, latencyMs: number): void {
    this.samples.push({ atMs, latencyMs });
    if (this.samples.length > MAX_SAMPLES)
      this.samples.splice(0, this.samples.length - MAX_SAMPLES);
  }

  /** The 99th percentile of the last second, or null when nothing was measured. */
  p99(nowMs: number): number | null {
    this.samples = this.samples.filter((sample) => nowMs - sample.atMs <= WINDOW_MS);
    if (this.samples.length === 0) return null;
    const sorted = this.samples.map((sample) => sample.latencyMs).sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
  }
}
