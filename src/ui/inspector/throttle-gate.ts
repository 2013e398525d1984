/**
 * When a fast-changing value may be shown again: at most once per interval, the first
 * change at once (leading) and the last one of a burst after the interval (trailing), so
 * the inspector reads the store ~4 times a second however often the store changes.
 * Pure: the caller says what time it is and owns the timer.
 */

/** Four reads a second: fast enough to feel live, slow enough that numbers can be read. */
export const THROTTLE_INTERVAL_MS = 250;

export type ThrottleDecision =
  /** Show the new value now. */
  | { kind: "emit" }
  /** Set a timer for `delayMs`, then call `fire` and show the value then. */
  | { kind: "schedule"; delayMs: number }
  /** A timer is already set: it will show this change too. */
  | { kind: "wait" };

export class ThrottleGate {
  private lastEmitMs = Number.NEGATIVE_INFINITY;
  private scheduled = false;

  constructor(private readonly intervalMs: number = THROTTLE_INTERVAL_MS) {
    if (!(intervalMs >= 0)) throw new RangeError(`intervalMs must be >= 0, got ${intervalMs}`);
  }

  /** A change arrived at `nowMs`. */
  offer(nowMs: number): ThrottleDecision {
    if (this.scheduled) return { kind: "wait" };
    const sinceMs = nowMs - this.lastEmitMs;
    if (sinceMs >= this.intervalMs) {
      this.lastEmitMs = nowMs;
      return { kind: "emit" };
    }
    this.scheduled = true;
    return { kind: "schedule", delayMs: this.intervalMs - sinceMs };
  }

  /** The timer a "schedule" asked for went off at `nowMs`: the value is shown now. */
  fire(nowMs: number): void {
    this.scheduled = false;
    this.lastEmitMs = nowMs;
  }

  /** The timer was cleared (the reader went away). */
  cancel(): void {
    this.scheduled = false;
  }
}
