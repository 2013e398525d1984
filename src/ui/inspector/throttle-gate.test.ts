import { describe, expect, it } from "vitest";
import { ThrottleGate } from "./throttle-gate.ts";

describe("ThrottleGate", () => {
  it("lets the first change through at once", () => {
    expect(new ThrottleGate(250).offer(1_000)).toEqual({ kind: "emit" });
  });

  it("holds a change inside the interval until the interval ends", () => {
    const gate = new ThrottleGate(250);
    gate.offer(1_000);
    expect(gate.offer(1_100)).toEqual({ kind: "schedule", delayMs: 150 });
  });

  it("folds every change of a burst into the one scheduled emit", () => {
    const gate = new ThrottleGate(250);
    gate.offer(0);
    expect(gate.offer(10).kind).toBe("schedule");
    expect(gate.offer(20)).toEqual({ kind: "wait" });
    expect(gate.offer(240)).toEqual({ kind: "wait" });
    gate.fire(250);
    // The interval counts from the trailing emit.
    expect(gate.offer(300)).toEqual({ kind: "schedule", delayMs: 200 });
  });

  it("emits at most once per interval under a change every frame", () => {
    const gate = new ThrottleGate(250);
    let emits = 0;
    let timerAt: number | null = null;
    for (let nowMs = 0; nowMs <= 10_000; nowMs += 16) {
      if (timerAt !== null && nowMs >= timerAt) {
        gate.fire(nowMs);
        emits++;
        timerAt = null;
      }
      const decision = gate.offer(nowMs);
      if (decision.kind === "emit") emits++;
      if (decision.kind === "schedule") timerAt = nowMs + decision.delayMs;
    }
    // 10 s at 4 a second, give or take the frame the timer lands on.
    expect(emits).toBeGreaterThanOrEqual(36);
    expect(emits).toBeLessThanOrEqual(41);
  });

  it("emits again at once after a quiet interval", () => {
    const gate = new ThrottleGate(250);
    gate.offer(0);
    expect(gate.offer(5_000)).toEqual({ kind: "emit" });
  });

  it("forgets a cancelled timer so the next change can schedule one", () => {
    const gate = new ThrottleGate(250);
    gate.offer(0);
    gate.offer(10);
    gate.cancel();
    expect(gate.offer(20).kind).toBe("schedule");
  });

  it("refuses a negative interval", () => {
    expect(() => new ThrottleGate(-1)).toThrow(RangeError);
  });
});
