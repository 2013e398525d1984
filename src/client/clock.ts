/**
 * Time as the core sees it: milliseconds from the shell. The browser shell scales and
 * pauses it (the playground's time control), the simulator advances it in virtual ticks,
 * the Node shell reads the real clock. The core never reads a clock of its own.
 */
export interface Clock {
  /** Whole milliseconds: timestamps and deadlines become int64 (bigint) values. */
  nowMs(): number;
}

/** A clock moved by hand, for tests and the simulator. */
export class ManualClock implements Clock {
  constructor(private now = 0) {}
  nowMs(): number {
    return this.now;
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError("time does not go back");
    this.now += ms;
  }
  set(ms: number): void {
    if (ms < this.now) throw new RangeError("time does not go back");
    this.now = ms;
  }
}
