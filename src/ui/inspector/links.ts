/** A link's two directions as the page knows them: the faulty links, healthy otherwise. */
import {
  HEALTHY_LINK,
  type LinkConditions,
  type LinkEntry,
} from "../../runtime/network/link-conditions.ts";

export type Endpoint = number | "page";

export function linkConditionsOf(
  faultyLinks: readonly LinkEntry[],
  from: Endpoint,
  to: Endpoint,
): LinkConditions {
  const entry = faultyLinks.find((link) => link.from === from && link.to === to);
  return { ...(entry?.conditions ?? HEALTHY_LINK) };
}

export function isHealthy(conditions: LinkConditions): boolean {
  return !conditions.cut && conditions.latencyMs === 0 && conditions.lossRate === 0;
}

/** Loss as a whole percentage for a form field, and back (clamped to Kafka-free sanity: 0–100). */
export function lossPercent(lossRate: number): number {
  return Math.round(lossRate * 1000) / 10;
}

export function lossRateOf(percent: number): number {
  if (!Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, percent)) / 100;
}
