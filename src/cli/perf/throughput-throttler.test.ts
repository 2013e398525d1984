import { describe, expect, it } from "vitest";
import { ThroughputThrottler } from "./throughput-throttler.ts";

/** A clock whose sleeps pass at once, moving time forward. */
function fakeClock() {
  const clock = {
    now: 0,
    sleeps: [] as number[],
    nowMs: () => clock.now,
    after(delayMs: number, run: () => void) {
      clock.sleeps.push(delayMs);
      clock.now += delayMs;
      run();
    },
  };
  return clock;
}

/** Sends `count` things with `costMs` of work each, throttled as ProducerPerformance throttles. */
async function sendThrottled(target: number, count: number, costMs = 0) {
  const clock = fakeClock();
  const throttler = new ThroughputThrottler(target, clock.now, clock);
  for (let index = 0; index < count; index++) {
    const sendStartMs = clock.now;
    clock.now += costMs;
    if (throttler.shouldThrottle(index, sendStartMs)) await throttler.throttle();
  }
  return clock;
}

describe("ThroughputThrottler", () => {
  it("holds the average rate near the target", async () => {
    const clock = await sendThrottled(100, 500, 1);
    // 500 things at 100/s take about 5 s.
    expect(clock.now).toBeGreaterThanOrEqual(4900);
    expect(clock.now).toBeLessThanOrEqual(5100);
    // Each sleep is what was owed once it reached 2 ms: 1/100 s here.
    expect(new Set(clock.sleeps)).toEqual(new Set([10]));
  });

  it("sleeps only once the owed time adds up to 2 ms", async () => {
    const clock = await sendThrottled(2000, 4000, 0.25);
    expect(clock.sleeps.every((sleep) => sleep >= 2)).toBe(true);
    expect(clock.now).toBeGreaterThanOrEqual(1900);
    expect(clock.now).toBeLessThanOrEqual(2100);
  });

  it("never throttles with a negative target, nor when already slower than the target", async () => {
    expect((await sendThrottled(-1, 1000, 0)).sleeps).toEqual([]);
    expect((await sendThrottled(10, 50, 200)).sleeps).toEqual([]);
  });
});
