/**
 * A scheduler whose time moves only when told to: the simulator's virtual time, and the
 * tests' way to check latency and retransmission exactly.
 */
import type { Scheduler } from "./scheduler.ts";
import { TimerQueue } from "./timer-queue.ts";

export class ManualScheduler implements Scheduler {
  private readonly timers = new TimerQueue();

  constructor(private now = 0) {}

  nowMs(): number {
    return this.now;
  }

  after(delayMs: number, run: () => void): void {
    this.timers.add(this.now + Math.max(0, delayMs), run);
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Move time forward by `ms`, running each timer at its own due time, in order. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError("time does not go back");
    const target = this.now + ms;
    for (;;) {
      const next = this.timers.nextDueMs();
      if (next === null || next > target) break;
      this.now = Math.max(this.now, next);
      this.timers.runDue(this.now);
    }
    this.now = target;
  }

  /** Run whatever is due now (timers added at zero delay). */
  runDue(): void {
    this.advance(0);
  }
}
