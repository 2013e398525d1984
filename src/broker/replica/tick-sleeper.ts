/**
 * Waiting without timers: a promise that the owner's tick resolves once the clock has
 * reached the wake-up time. Used for back-offs in the core (replica fetchers, heartbeats).
 */
import type { Clock } from "../../client/clock.ts";

export class TickSleeper {
  private sleepers: { untilMs: number; wake(): void }[] = [];

  constructor(private readonly clock: Clock) {}

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ untilMs: this.clock.nowMs() + ms, wake }));
  }

  tick(): void {
    const now = this.clock.nowMs();
    const due = this.sleepers.filter((sleeper) => sleeper.untilMs <= now);
    if (due.length === 0) return;
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.untilMs > now);
    for (const sleeper of due) sleeper.wake();
  }

  /** Wake everyone now (shutdown). */
  wakeAll(): void {
    const all = this.sleepers;
    this.sleepers = [];
    for (const sleeper of all) sleeper.wake();
  }
}
