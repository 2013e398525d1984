/**
 * A worker's (or the page's) node time: scaled and pausable by the playground's time
 * control, and the scheduler for everything that waits on it (ticks, link latency,
 * retransmissions). While paused, no timer fires and the pause gate holds arrivals, so
 * slowing down or pausing can never make a node see a timeout that did not happen in node
 * time. One real timer is armed at a time, for the earliest node-time timer.
 */
import type { Clock } from "../../client/clock.ts";
import type { Scheduler } from "../network/scheduler.ts";
import { TimerQueue } from "../network/timer-queue.ts";
import { PauseGate } from "./pause-gate.ts";
import { nodeTimeAt, type TimeBase } from "./time-base.ts";

/** Real time and real timers, from the browser (or a test). */
export interface WallClock {
  nowMs(): number;
  setTimer(delayMs: number, run: () => void): unknown;
  clearTimer(handle: unknown): void;
}

/** Fixed for the life of the worker; read once, as every clock read would otherwise ask again. */
const timeOrigin = typeof performance === "undefined" ? 0 : performance.timeOrigin;

export const BROWSER_WALL_CLOCK: WallClock = {
  nowMs: () => timeOrigin + performance.now(),
  setTimer: (delayMs, run) => setTimeout(run, delayMs),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class PlaygroundClock implements Clock, Scheduler {
  readonly gate = new PauseGate();
  private readonly timers = new TimerQueue();
  private lastNowMs = -Infinity;
  private armed: { handle: unknown; dueMs: number } | null = null;

  constructor(
    private base: TimeBase,
    private readonly wall: WallClock,
  ) {
    if (base.paused) this.gate.close();
  }

  /**
   * Node time in whole milliseconds (Kafka's timestamps are integers); never goes back,
   * even when a new base arrives a little late.
   */
  nowMs(): number {
    this.lastNowMs = Math.max(this.lastNowMs, Math.floor(nodeTimeAt(this.base, this.wall.nowMs())));
    return this.lastNowMs;
  }

  after(delayMs: number, run: () => void): void {
    const dueMs = this.nowMs() + Math.max(0, delayMs);
    this.timers.add(dueMs, run);
    if (this.armed === null || dueMs < this.armed.dueMs) this.arm();
  }

  get paused(): boolean {
    return this.base.paused;
  }

  get speed(): number {
    return this.base.speed;
  }

  get timeBase(): TimeBase {
    return { ...this.base };
  }

  /** Takes a new speed or pause state from the page. */
  apply(base: TimeBase): void {
    this.nowMs(); // remember where node time is, so the new base cannot move it back
    this.base = { ...base };
    if (base.paused) this.gate.close();
    else this.gate.open();
    this.arm();
  }

  private arm(): void {
    if (this.armed !== null) this.wall.clearTimer(this.armed.handle);
    this.armed = null;
    const dueMs = this.timers.nextDueMs();
    if (dueMs === null || this.base.paused) return;
    const realDelayMs = Math.max(0, Math.ceil((dueMs - this.nowMs()) / this.base.speed));
    this.armed = { dueMs, handle: this.wall.setTimer(realDelayMs, () => this.fire()) };
  }

  private fire(): void {
    this.armed = null;
    try {
      if (!this.base.paused) this.timers.runDue(this.nowMs());
    } finally {
      if (this.armed === null) this.arm();
    }
  }
}
