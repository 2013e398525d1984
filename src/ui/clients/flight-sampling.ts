/**
 * Which record flights get a dot, and how thick each route's flow is. UI.md: at high rates
 * draw a sample of records and show the rate as a flow thickness, not a blizzard of dots.
 * Pure (time comes in as numbers), so the choices are tested without a browser.
 */
import type { Flight, FlightEnd } from "../playground/flight-bus.ts";

/** Dots in the air at once, at most. */
export const MAX_DOTS_IN_FLIGHT = 60;
/** New dots per frame, at most: a steady stream rather than waves that fill the budget at once. */
export const MAX_NEW_DOTS_PER_FRAME = 8;
/** How long a dot takes from end to end (UI.md: 150–400 ms, ease-out). */
export const FLIGHT_DURATION_MS = 300;
/** Below this a route's dots tell the story alone; above it the route also shows a flow. */
export const FLOW_MIN_RATE_PER_SEC = 40;
/** The widest a flow gets, in CSS pixels: wide enough to read as busy, narrow enough to read through. */
export const MAX_FLOW_WIDTH = 6;
/** How quickly a route's measured rate follows a change (an exponential average's time constant). */
const RATE_TIME_CONSTANT_MS = 1_000;
/** A route whose rate fell below this is forgotten. */
const FORGET_BELOW_RATE_PER_SEC = 0.5;

const endName = (end: FlightEnd) => `${end.kind}:${end.id}`;

/** One line on screen: who to whom, for which partition (replica anchors are per partition). */
export function routeKey(flight: Flight): string {
  return `${flight.kind}|${endName(flight.from)}>${endName(flight.to)}|${flight.topic}:${flight.partition}`;
}

/**
 * At most `budget` of `flights`, fair across routes (one from each route in turn, starting
 * at route `turn` so a busy frame after frame does not always favour the same routes), in
 * the order they came: produce before replicate before fetch, as the session emitted them.
 */
export function sampleFlights<T extends Flight>(
  flights: readonly T[],
  budget: number,
  turn = 0,
): T[] {
  if (budget <= 0) return [];
  if (flights.length <= budget) return [...flights];
  const byRoute = new Map<string, number[]>();
  flights.forEach((flight, index) => {
    const key = routeKey(flight);
    const list = byRoute.get(key);
    if (list === undefined) byRoute.set(key, [index]);
    else list.push(index);
  });
  const routes = [...byRoute.values()];
  const start = ((turn % routes.length) + routes.length) % routes.length;
  const picked: number[] = [];
  for (let round = 0; picked.length < budget; round += 1) {
    for (let step = 0; step < routes.length && picked.length < budget; step += 1) {
      const index = routes[(start + step) % routes.length]![round];
      if (index !== undefined) picked.push(index);
    }
  }
  return picked.sort((a, b) => a - b).map((index) => flights[index]!);
}

/** Each route's records per second, as an exponentially weighted average. */
export class RouteRates {
  private readonly routes = new Map<string, { value: number; atMs: number }>();

  add(key: string, records: number, nowMs: number): void {
    const value = this.rate(key, nowMs) + (records * 1_000) / RATE_TIME_CONSTANT_MS;
    this.routes.set(key, { value, atMs: nowMs });
  }

  rate(key: string, nowMs: number): number {
    const route = this.routes.get(key);
    if (route === undefined) return 0;
    return route.value * Math.exp(-Math.max(0, nowMs - route.atMs) / RATE_TIME_CONSTANT_MS);
  }

  /** Routes still carrying something, with their rates; quiet ones are dropped. */
  active(nowMs: number): { key: string; ratePerSec: number }[] {
    const answer: { key: string; ratePerSec: number }[] = [];
    for (const key of [...this.routes.keys()]) {
      const ratePerSec = this.rate(key, nowMs);
      if (ratePerSec < FORGET_BELOW_RATE_PER_SEC) this.routes.delete(key);
      else answer.push({ key, ratePerSec });
    }
    return answer;
  }

  get size(): number {
    return this.routes.size;
  }
}

/** A flow's line width in CSS pixels: 0 below the threshold, then growing with the rate's log. */
export function flowWidth(ratePerSec: number): number {
  if (ratePerSec < FLOW_MIN_RATE_PER_SEC) return 0;
  return Math.min(MAX_FLOW_WIDTH, 1.5 + 1.5 * Math.log2(ratePerSec / FLOW_MIN_RATE_PER_SEC));
}

/** Cubic ease-out on [0, 1]: fast start, gentle arrival, no bounce. */
export function easeOut(progress: number): number {
  const t = Math.min(1, Math.max(0, progress));
  return 1 - (1 - t) ** 3;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a dot leaves or reaches a box: a client card's side that faces the other end (a
 * record leaves a producer's edge), a replica's centre (records land in the log itself).
 */
export function endPoint(box: Box, edge: boolean, towards: Box): { x: number; y: number } {
  const centreX = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (!edge) return { x: centreX, y };
  const otherX = towards.x + towards.width / 2;
  return { x: otherX >= centreX ? box.x + box.width : box.x, y };
}
