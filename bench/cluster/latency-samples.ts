/**
 * Latencies gathered during a measurement and their summary. A sample may stand for many
 * records (every record of a batch waited as long as its Produce did), so percentiles are
 * taken over records, as kafka-producer-perf-test reports them, not over requests.
 */

export interface LatencySummary {
  /** How many records the samples stand for. */
  records: number;
  averageMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

export class LatencySamples {
  private latencies = new Float64Array(1024);
  private weights = new Float64Array(1024);
  private size = 0;

  constructor(private readonly capacity: number) {}

  get count(): number {
    return this.size;
  }

  /** One sample of `milliseconds` standing for `records` records; past the capacity, throws. */
  add(milliseconds: number, records = 1): void {
    if (this.size === this.latencies.length) this.grow();
    this.latencies[this.size] = milliseconds;
    this.weights[this.size] = records;
    this.size++;
  }

  summary(): LatencySummary {
    if (this.size === 0) throw new Error("no latency samples");
    const order = Array.from({ length: this.size }, (_, index) => index).sort(
      (a, b) => this.latencies[a]! - this.latencies[b]!,
    );
    let records = 0;
    let weighted = 0;
    for (let index = 0; index < this.size; index++) {
      records += this.weights[index]!;
      weighted += this.latencies[index]! * this.weights[index]!;
    }
    const percentile = (fraction: number): number => {
      const wanted = fraction * records;
      let seen = 0;
      for (const index of order) {
        seen += this.weights[index]!;
        if (seen >= wanted) return this.latencies[index]!;
      }
      return this.latencies[order.at(-1)!]!;
    };
    return {
      records,
      averageMs: weighted / records,
      p50Ms: percentile(0.5),
      p95Ms: percentile(0.95),
      p99Ms: percentile(0.99),
      p999Ms: percentile(0.999),
      maxMs: this.latencies[order.at(-1)!]!,
    };
  }

  private grow(): void {
    if (this.latencies.length >= this.capacity) {
      throw new RangeError(`more than ${this.capacity} latency samples`);
    }
    const length = Math.min(this.capacity, this.latencies.length * 2);
    const latencies = new Float64Array(length);
    const weights = new Float64Array(length);
    latencies.set(this.latencies);
    weights.set(this.weights);
    this.latencies = latencies;
    this.weights = weights;
  }
}
