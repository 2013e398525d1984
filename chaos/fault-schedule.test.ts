import { describe, expect, it } from "vitest";
import { countByKind, describeFault, planFaults, type Fault } from "./fault-schedule.ts";

const BROKERS = [1, 2, 3, 4, 5];

/** Replays a schedule: which brokers are down and which links faulty after each step. */
function replay(steps: readonly { fault: Fault }[]) {
  const down = new Set<number>();
  const faulty = new Set<string>();
  let mostDown = 0;
  const problems: string[] = [];
  const key = (a: unknown, b: unknown) => [String(a), String(b)].sort().join("|");
  for (const { fault } of steps) {
    switch (fault.kind) {
      case "kill":
        if (down.has(fault.broker)) problems.push(`killed ${fault.broker} twice`);
        down.add(fault.broker);
        break;
      case "restart":
        if (!down.has(fault.broker)) problems.push(`restarted ${fault.broker}, which was up`);
        down.delete(fault.broker);
        break;
      case "heal":
        if (!faulty.delete(key(fault.from, fault.to))) problems.push(`healed a healthy link`);
        break;
      default:
        if (faulty.has(key(fault.from, fault.to))) problems.push(`broke a faulty link again`);
        faulty.add(key(fault.from, fault.to));
    }
    mostDown = Math.max(mostDown, down.size);
  }
  return { down, faulty, mostDown, problems };
}

describe("the fault schedule", () => {
  it("is the same for the same seed and different for another", () => {
    const options = { seed: 7, durationMs: 60_000, brokers: BROKERS };
    expect(planFaults(options)).toEqual(planFaults(options));
    expect(planFaults({ ...options, seed: 8 }).steps).not.toEqual(planFaults(options).steps);
  });

  it("draws every kind over a minute, in time order, within the duration", () => {
    const counts = { kill: 0, restart: 0, cut: 0, heal: 0, latency: 0, loss: 0 };
    for (let seed = 1; seed <= 5; seed++) {
      const { steps } = planFaults({ seed, durationMs: 60_000, brokers: BROKERS });
      const times = steps.map((step) => step.atMs);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((atMs) => atMs > 0 && atMs < 60_000)).toBe(true);
      const byKind = countByKind(steps.map((step) => step.fault));
      for (const kind of Object.keys(counts) as (keyof typeof counts)[])
        counts[kind] += byKind[kind];
    }
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(0);
  });

  it("restarts only killed brokers, keeps at most maxBrokersDown down, and heals what is left at the end", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const schedule = planFaults({
        seed,
        durationMs: 120_000,
        brokers: BROKERS,
        maxBrokersDown: 2,
        gapMs: [300, 1_000],
      });
      const during = replay(schedule.steps);
      expect(during.problems, `seed ${seed}`).toEqual([]);
      expect(during.mostDown).toBeLessThanOrEqual(2);
      const after = replay([...schedule.steps, ...schedule.healAtEnd.map((fault) => ({ fault }))]);
      expect(after.problems, `seed ${seed}`).toEqual([]);
      expect(after.down.size, `seed ${seed}`).toBe(0);
      expect(after.faulty.size, `seed ${seed}`).toBe(0);
    }
  });

  it("can leave the page's links alone", () => {
    const { steps } = planFaults({
      seed: 3,
      durationMs: 120_000,
      brokers: BROKERS,
      includePage: false,
    });
    const touchesPage = steps.some(
      ({ fault }) => "from" in fault && (fault.from === "page" || fault.to === "page"),
    );
    expect(touchesPage).toBe(false);
  });

  it("names each fault in words", () => {
    expect(describeFault({ kind: "kill", broker: 4 })).toBe("kill broker 4");
    expect(describeFault({ kind: "cut", from: "page", to: 2, oneWay: true })).toBe("cut page → 2");
    expect(describeFault({ kind: "loss", from: 1, to: 3, oneWay: false, lossRate: 0.25 })).toBe(
      "25% loss on 1 ↔ 3",
    );
  });
});
