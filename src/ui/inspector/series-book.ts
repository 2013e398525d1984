/**
 * Small time series for the inspector's sparklines: one fixed-size ring per series (the
 * last minute at one sample a second), and a bounded number of series (the least recently
 * written goes first), so a long session with many partitions and clients stays small.
 */

export interface SeriesSample {
  /** Node time, ms. */
  atMs: number;
  value: number;
}

/** A fixed-capacity ring: pushing past capacity drops the oldest. */
export class Ring<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    const end = (this.start + this.count) % this.capacity;
    this.items[end] = item;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++)
      out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }
}

/** A minute of one-second samples. */
export const SAMPLES_PER_SERIES = 60;
/** Enough for every partition, client and group a playground holds, with room to spare. */
export const MAX_SERIES = 512;

const EMPTY: readonly SeriesSample[] = Object.freeze([]);

export class SeriesBook {
  private readonly rings = new Map<string, Ring<SeriesSample>>();
  /** Snapshots handed out, kept until their series changes (stable for React). */
  private readonly snapshots = new Map<string, readonly SeriesSample[]>();

  constructor(
    private readonly maxSeries: number = MAX_SERIES,
    private readonly samplesPerSeries: number = SAMPLES_PER_SERIES,
  ) {}

  get seriesCount(): number {
    return this.rings.size;
  }

  record(key: string, sample: SeriesSample): void {
    let ring = this.rings.get(key);
    if (ring === undefined) ring = new Ring<SeriesSample>(this.samplesPerSeries);
    // Re-inserting keeps the map in order of last write: the first key is the stalest.
    this.rings.delete(key);
    this.rings.set(key, ring);
    ring.push(sample);
    this.snapshots.delete(key);
    while (this.rings.size > this.maxSeries) {
      const stalest = this.rings.keys().next().value as string;
      this.rings.delete(stalest);
      this.snapshots.delete(stalest);
    }
  }

  /** The series oldest first; the same array until the series changes. */
  series(key: string): readonly SeriesSample[] {
    const cached = this.snapshots.get(key);
    if (cached !== undefined) return cached;
    const ring = this.rings.get(key);
    if (ring === undefined) return EMPTY;
    const snapshot = Object.freeze(ring.toArray());
    this.snapshots.set(key, snapshot);
    return snapshot;
  }
}

/**
 * A counter's series turned into a rate per second between neighbouring samples. A counter
 * that went down (a client restarted, a broker's count reset) gives no negative rate: 0.
 */
export function ratesOf(samples: readonly SeriesSample[]): SeriesSample[] {
  const rates: SeriesSample[] = [];
  for (let i = 1; i < samples.length; i++) {
    const previous = samples[i - 1] as SeriesSample;
    const current = samples[i] as SeriesSample;
    const elapsedMs = current.atMs - previous.atMs;
    if (elapsedMs <= 0) continue;
    rates.push({
      atMs: current.atMs,
      value: Math.max(0, ((current.value - previous.value) * 1000) / elapsedMs),
    });
  }
  return rates;
}
