/**
 * Kafka's ThroughputThrottler: between sends, if the average rate since the start is above
 * the target, sleep 1/target seconds — not each time, but once the owed sleep adds up to
 * at least 2 ms, then all of it at once. A negative target never throttles; a target of 0
 * blocks for good (as Kafka's does: nothing wakes it in the perf tool). Node time has whole
 * milliseconds, so a sleep is rounded up to the next millisecond, and a send may take no
 * time at all (see shouldThrottle).
 */
const NS_PER_MS = 1_000_000;
const NS_PER_SEC = 1000 * NS_PER_MS;
const MIN_SLEEP_NS = 2 * NS_PER_MS;

export interface ThrottlerClock {
  nowMs(): number;
  after(delayMs: number, run: () => void): void;
}

export class ThroughputThrottler {
  private readonly sleepTimeNs: number;
  private sleepDeficitNs = 0;

  constructor(
    private readonly targetThroughput: number,
    private readonly startMs: number,
    private readonly clock: ThrottlerClock,
  ) {
    this.sleepTimeNs =
      targetThroughput > 0 ? Math.trunc(NS_PER_SEC / targetThroughput) : Number.MAX_SAFE_INTEGER;
  }

  /** Whether `amountSoFar` things sent by `sendStartMs` is faster than the target. */
  shouldThrottle(amountSoFar: number, sendStartMs: number): boolean {
    if (this.targetThroughput < 0) return false;
    // Kafka divides in float precision.
    const elapsedSec = Math.fround((sendStartMs - this.startMs) / 1000);
    // Kafka skips the check until time has passed, which on a real clock is within the
    // first millisecond. On node time a send takes no time at all, so the clock would
    // never move without a sleep: anything sent at no elapsed time is over the target.
    if (elapsedSec <= 0) return amountSoFar > 0;
    return amountSoFar / elapsedSec > this.targetThroughput;
  }

  /** Sleeps what is owed once it reaches 2 ms; resolves at once otherwise. */
  async throttle(): Promise<void> {
    if (this.targetThroughput === 0) return new Promise<void>(() => {});
    this.sleepDeficitNs += this.sleepTimeNs;
    if (this.sleepDeficitNs < MIN_SLEEP_NS) return;
    const sleepMs = Math.ceil(this.sleepDeficitNs / NS_PER_MS);
    await new Promise<void>((resolve) => this.clock.after(sleepMs, resolve));
    this.sleepDeficitNs = 0;
  }
}
