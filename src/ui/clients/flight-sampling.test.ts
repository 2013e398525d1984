import { describe, expect, it } from "vitest";
import type { Flight } from "../playground/flight-bus.ts";
import {
  easeOut,
  endPoint,
  flowWidth,
  FLOW_MIN_RATE_PER_SEC,
  MAX_FLOW_WIDTH,
  RouteRates,
  routeKey,
  sampleFlights,
} from "./flight-sampling.ts";

function produce(producer: string, partition: number, leader = 1): Flight {
  return {
    kind: "produce",
    from: { kind: "producer", id: producer },
    to: { kind: "broker", id: leader },
    topic: "orders",
    partition,
    records: 1,
    key: null,
  };
}

function replicate(partition: number, follower: number): Flight {
  return {
    kind: "replicate",
    from: { kind: "broker", id: 1 },
    to: { kind: "broker", id: follower },
    topic: "orders",
    partition,
    records: 1,
    key: null,
  };
}

describe("sampling flights", () => {
  it("keeps every flight when they fit the budget", () => {
    const flights = [produce("p1", 0), replicate(0, 2)];
    expect(sampleFlights(flights, 5)).toEqual(flights);
    expect(sampleFlights(flights, 0)).toEqual([]);
  });

  it("takes from every route before taking a second from any, keeping the original order", () => {
    const busy = Array.from({ length: 30 }, () => produce("p1", 0));
    const flights = [...busy, produce("p2", 1), replicate(0, 2), replicate(0, 3)];
    const sample = sampleFlights(flights, 4);
    expect(sample).toHaveLength(4);
    expect(new Set(sample.map(routeKey)).size).toBe(4);
    // Order kept: the produce flights first, then the replications.
    expect(sample.map((flight) => flight.kind)).toEqual([
      "produce",
      "produce",
      "replicate",
      "replicate",
    ]);
  });

  it("starts at a different route on each turn so no route is always left out", () => {
    const flights = [
      produce("p1", 0),
      produce("p1", 0),
      produce("p2", 1),
      produce("p2", 1),
      produce("p3", 2),
    ];
    const seen = new Set<string>();
    for (let turn = 0; turn < 3; turn += 1) {
      const sample = sampleFlights(flights, 1, turn);
      expect(sample).toHaveLength(1);
      seen.add(routeKey(sample[0]!));
    }
    expect(seen.size).toBe(3);
  });
});

describe("route rates", () => {
  it("measures a steady stream at its rate and decays when it stops", () => {
    const rates = new RouteRates();
    // 100 records/s for 5 s, in 10 ms steps.
    for (let t = 0; t <= 5_000; t += 10) rates.add("r", 1, t);
    expect(rates.rate("r", 5_000)).toBeGreaterThan(90);
    expect(rates.rate("r", 5_000)).toBeLessThan(110);
    expect(rates.rate("r", 7_000)).toBeLessThan(20);
    expect(rates.active(5_000)).toHaveLength(1);
    expect(rates.active(20_000)).toEqual([]);
    expect(rates.size).toBe(0);
  });
});

describe("flow width and easing", () => {
  it("shows no flow below the threshold and a bounded, growing one above it", () => {
    expect(flowWidth(FLOW_MIN_RATE_PER_SEC - 1)).toBe(0);
    expect(flowWidth(FLOW_MIN_RATE_PER_SEC)).toBeGreaterThan(0);
    expect(flowWidth(1_000)).toBeGreaterThan(flowWidth(100));
    expect(flowWidth(1_000_000)).toBe(MAX_FLOW_WIDTH);
  });

  it("eases out from 0 to 1 without overshooting", () => {
    expect(easeOut(0)).toBe(0);
    expect(easeOut(1)).toBe(1);
    expect(easeOut(0.5)).toBeGreaterThan(0.5);
    expect(easeOut(2)).toBe(1);
  });
});

describe("dot end points", () => {
  const producer = { x: 0, y: 100, width: 200, height: 80 };
  const replica = { x: 400, y: 20, width: 30, height: 20 };
  const consumer = { x: 700, y: 300, width: 180, height: 60 };

  it("leaves a client card from the side facing the broker and lands in the replica's centre", () => {
    expect(endPoint(producer, true, replica)).toEqual({ x: 200, y: 140 });
    expect(endPoint(replica, false, producer)).toEqual({ x: 415, y: 30 });
    expect(endPoint(consumer, true, replica)).toEqual({ x: 700, y: 330 });
  });
});
