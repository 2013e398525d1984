import { describe, expect, it } from "vitest";
import { PauseGate } from "./pause-gate.ts";
import { PlaygroundClock, type WallClock } from "./playground-clock.ts";
import { changeTimeBase, initialTimeBase, type TimeBase } from "./time-base.ts";

/** Real time moved by hand, with real timers that fire as it passes them. */
class HandWall implements WallClock {
  private now = 1_000_000;
  private timers = new Map<number, { dueMs: number; run: () => void }>();
  private nextHandle = 0;

  nowMs(): number {
    return this.now;
  }
  setTimer(delayMs: number, run: () => void): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { dueMs: this.now + delayMs, run });
    return handle;
  }
  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get armedTimers(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      const next = [...this.timers.entries()].sort((a, b) => a[1].dueMs - b[1].dueMs)[0];
      if (next === undefined || next[1].dueMs > target) break;
      this.timers.delete(next[0]);
      this.now = Math.max(this.now, next[1].dueMs);
      next[1].run();
    }
    this.now = target;
  }
}

function setUp() {
  const wall = new HandWall();
  let base: TimeBase = initialTimeBase(wall.nowMs());
  const clock = new PlaygroundClock(base, wall);
  const change = (what: { speed?: number; paused?: boolean }) => {
    base = changeTimeBase(base, wall.nowMs(), what);
    clock.apply(base);
  };
  return { wall, clock, change, startMs: wall.nowMs() };
}

describe("PlaygroundClock", () => {
  it("starts at wall time and runs at real speed", () => {
    const { wall, clock, startMs } = setUp();
    expect(clock.nowMs()).toBe(startMs);
    wall.advance(250);
    expect(clock.nowMs()).toBe(startMs + 250);
  });

  it("counts whole milliseconds, as Kafka's timestamps do", () => {
    const { wall, clock, change, startMs } = setUp();
    change({ speed: 0.3 });
    wall.advance(10);
    expect(clock.nowMs()).toBe(startMs + 3);
    wall.advance(1);
    expect(Number.isInteger(clock.nowMs())).toBe(true);
    expect(clock.nowMs()).toBe(startMs + 3);
  });

  it("scales node time and timers by the speed", () => {
    const { wall, clock, change, startMs } = setUp();
    change({ speed: 0.5 });
    const fired: number[] = [];
    clock.after(100, () => fired.push(clock.nowMs() - startMs));
    wall.advance(199);
    expect(fired).toEqual([]);
    wall.advance(1);
    expect(fired).toEqual([100]);
    change({ speed: 4 });
    clock.after(100, () => fired.push(clock.nowMs() - startMs));
    wall.advance(25);
    expect(fired).toEqual([100, 200]);
  });

  it("stands still while paused: no timer fires, and a timer keeps its node-time delay", () => {
    const { wall, clock, change, startMs } = setUp();
    const fired: number[] = [];
    clock.after(100, () => fired.push(clock.nowMs() - startMs));
    wall.advance(60);
    change({ paused: true });
    wall.advance(10_000);
    expect(clock.nowMs()).toBe(startMs + 60);
    expect(fired).toEqual([]);
    expect(wall.armedTimers).toBe(0);
    change({ paused: false });
    wall.advance(39);
    expect(fired).toEqual([]);
    wall.advance(1);
    expect(fired).toEqual([100]);
  });

  it("re-arms a timer set while paused only on resume", () => {
    const { wall, clock, change } = setUp();
    change({ paused: true });
    let fired = false;
    clock.after(0, () => (fired = true));
    wall.advance(1_000);
    expect(fired).toBe(false);
    change({ paused: false });
    wall.advance(0);
    expect(fired).toBe(true);
  });

  it("never goes back when a slower base takes effect late", () => {
    const { wall, clock, startMs } = setUp();
    wall.advance(100);
    expect(clock.nowMs()).toBe(startMs + 100);
    // The page slowed down at wall +50; the worker hears of it at +100.
    clock.apply({ wallMs: startMs + 50, nodeMs: startMs + 50, speed: 0.1, paused: false });
    expect(clock.nowMs()).toBe(startMs + 100);
    wall.advance(1_000);
    expect(clock.nowMs()).toBe(startMs + 50 + 105);
  });

  it("holds arrivals while paused and lets them through in order on resume", () => {
    const { clock, change } = setUp();
    const arrived: string[] = [];
    change({ paused: true });
    clock.gate.pass(() => arrived.push("a"));
    clock.gate.pass(() => arrived.push("b"));
    expect(arrived).toEqual([]);
    change({ paused: false });
    clock.gate.pass(() => arrived.push("c"));
    expect(arrived).toEqual(["a", "b", "c"]);
  });
});

describe("PauseGate", () => {
  it("refuses arrivals beyond its capacity", () => {
    const gate = new PauseGate(2);
    gate.close();
    expect([gate.pass(() => {}), gate.pass(() => {}), gate.pass(() => {})]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("keeps arrivals made during a flush behind the held ones", () => {
    const gate = new PauseGate();
    const arrived: string[] = [];
    gate.close();
    gate.pass(() => {
      arrived.push("held-1");
      gate.pass(() => arrived.push("during-flush"));
    });
    gate.pass(() => arrived.push("held-2"));
    gate.open();
    expect(arrived).toEqual(["held-1", "held-2", "during-flush"]);
  });

  it("lets the rest through when one arrival throws", () => {
    const gate = new PauseGate();
    const arrived: string[] = [];
    gate.close();
    gate.pass(() => {
      throw new Error("bad frame handler");
    });
    gate.pass(() => arrived.push("next"));
    expect(() => gate.open()).toThrow("bad frame handler");
    expect(arrived).toEqual(["next"]);
    expect(gate.heldCount).toBe(0);
  });
});

describe("time bases", () => {
  it("refuses speeds outside the playground's range", () => {
    const base = initialTimeBase(0);
    expect(() => changeTimeBase(base, 0, { speed: 0.01 })).toThrow(RangeError);
    expect(() => changeTimeBase(base, 0, { speed: 8 })).toThrow(RangeError);
    expect(changeTimeBase(base, 10, { speed: 4 })).toEqual({
      wallMs: 10,
      nodeMs: 10,
      speed: 4,
      paused: false,
    });
  });
});
