/**
 * A producer's rate as the card sets it: a slider over round stops (1, 2, 5, 10, ...), as a
 * linear slider up to thousands would leave the low rates a learner starts with unreachable,
 * and the rate a stopped producer had, to start it again at.
 */
import { defaultProducerSettings } from "../store/clients-slice.ts";

export const RATE_STOPS = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000] as const;
export const MAX_RATE_PER_SEC = RATE_STOPS[RATE_STOPS.length - 1]!;

/** The slider position nearest to `rate`. */
export function stopIndexOf(rate: number): number {
  let best = 0;
  RATE_STOPS.forEach((stop, index) => {
    if (Math.abs(stop - rate) < Math.abs(RATE_STOPS[best]! - rate)) best = index;
  });
  return best;
}

export function rateAtStop(index: number): number {
  return RATE_STOPS[Math.min(RATE_STOPS.length - 1, Math.max(0, Math.round(index)))]!;
}

/** A typed rate, or null when it is not one (empty, negative, not a number). Capped at the top stop. */
export function parseRate(text: string): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.min(MAX_RATE_PER_SEC, Math.round(value * 100) / 100);
}

/** The rate each stopped producer had, so "Start sending" goes back to it (this visit only). */
const rateBeforeStop = new Map<string, number>();

export function rememberRateBeforeStop(producerId: string, rate: number): void {
  if (rate > 0) rateBeforeStop.set(producerId, rate);
}

export function rateToStartAgain(producerId: string): number {
  return rateBeforeStop.get(producerId) ?? defaultProducerSettings("").ratePerSec;
}
