import { describe, expect, it } from "vitest";
import { FAULT_KINDS } from "../fault-schedule.ts";
import { simulateChaos } from "./sim-chaos.ts";

/**
 * A few seeds on every change (a 5-node simulation runs 3–10 times faster than real time on
 * a shared 2-core machine): 2 and 17 rebalance both groups several times, 10 kills three
 * brokers. `tsx chaos/sim/sim-chaos-main.ts --seeds 20` runs many more, each in a worker
 * it can end: seeds 5 and 8 livelock the simulator today (the producer refreshes metadata
 * without backing off while a partition has no leader), which no test timer could stop.
 */
const CI_SEEDS = [2, 10, 17];

describe("the chaos run in the simulator", () => {
  for (const seed of CI_SEEDS) {
    it(`seed ${seed}: acknowledged records kept once and in order, groups sound, cluster live after healing`, async () => {
      const result = await simulateChaos({ seed, faultMs: 15_000 });
      expect(result.violations, `seed ${seed}`).toEqual({});
      expect(result.records.acknowledged).toBeGreaterThan(0);
      expect(FAULT_KINDS.reduce((sum, kind) => sum + result.faults[kind], 0)).toBeGreaterThan(0);
      expect(Object.values(result.generations).every((count) => count > 0)).toBe(true);
    }, 300_000);
  }

  it("is deterministic: the same seed gives the same run", async () => {
    const first = await simulateChaos({ seed: 11, faultMs: 5_000 });
    const second = await simulateChaos({ seed: 11, faultMs: 5_000 });
    expect(second.faults).toEqual(first.faults);
    expect(second.records.acknowledged).toBe(first.records.acknowledged);
    expect(second.generations).toEqual(first.generations);
    expect(second.virtualMs).toBe(first.virtualMs);
  }, 300_000);
});
