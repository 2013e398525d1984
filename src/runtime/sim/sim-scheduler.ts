/**
 * Virtual time for the simulator: a clock that moves only from one scheduled event to the
 * next. After each batch of events the promise work they started (storage, handlers) is
 * allowed to finish before time moves on, so a run is the same sequence of steps on every
 * machine and every run with the same seed.
 */
import type { Clock } from "../../client/clock.ts";
import type { Scheduler } from "../network/scheduler.ts";
import { TimerQueue } from "../network/timer-queue.ts";

/** Let every pending promise callback run (nothing in the simulation waits on real I/O). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class SimScheduler implements Scheduler, Clock {
  private now = 0;
  private readonly timers = new TimerQueue();

  nowMs(): number {
    return this.now;
  }

  after(delayMs: number, run: () => void): void {
    this.timers.add(this.now + Math.max(0, delayMs), run);
  }

  /** Run every event due within the next `ms` of virtual time, in order. */
  async runFor(ms: number): Promise<void> {
    const target = this.now + ms;
    await settle();
    for (;;) {
      const next = this.timers.nextDueMs();
      if (next === null || next > target) break;
      this.now = Math.max(this.now, next);
      this.timers.runDue(this.now);
      await settle();
    }
    this.now = target;
  }

  /** Run until `done()` holds or `limitMs` of virtual time passes; returns whether it held. */
  async runUntil(done: () => boolean, limitMs: number, stepMs = 10): Promise<boolean> {
    const deadline = this.now + limitMs;
    while (!done()) {
      if (this.now >= deadline) return false;
      await this.runFor(Math.min(stepMs, deadline - this.now));
    }
    return true;
  }
}
