/**
 * Records in motion, for the canvas's animation layer: who sent how many records where.
 * These never go through the store (a React render per record would not keep 60 fps);
 * the canvas subscribes and draws a sample, as UI.md asks at high rates.
 */

export type FlightEnd =
  | { kind: "producer"; id: string }
  | { kind: "consumer"; id: string }
  | { kind: "broker"; id: number };

export interface Flight {
  /** produce: producer → leader; replicate: leader → follower; fetch: leader → consumer. */
  kind: "produce" | "replicate" | "fetch";
  from: FlightEnd;
  to: FlightEnd;
  topic: string;
  partition: number;
  records: number;
  /** The key's text when one record (or all) shares it; colours the dot. */
  key: string | null;
}

type FlightListener = (flights: readonly Flight[]) => void;

/** Flights queued since the last frame, bounded: beyond this a frame draws a sample anyway. */
const MAX_QUEUED = 512;

export class FlightBus {
  private queued: Flight[] = [];
  private readonly listeners = new Set<FlightListener>();
  private dropped = 0;

  push(flight: Flight): void {
    if (this.listeners.size === 0) return;
    if (this.queued.length >= MAX_QUEUED) {
      this.dropped += 1;
      return;
    }
    this.queued.push(flight);
  }

  /** Hands everything queued to the listeners (the session calls it once per frame). */
  flush(): void {
    if (this.queued.length === 0) return;
    const flights = this.queued;
    this.queued = [];
    for (const listener of [...this.listeners]) listener(flights);
  }

  /** How many flights were not queued because a frame was already full; resets. */
  takeDropped(): number {
    const dropped = this.dropped;
    this.dropped = 0;
    return dropped;
  }

  subscribe(listener: FlightListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
