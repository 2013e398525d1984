/**
 * What a link between two endpoints looks like on the canvas, from the network's directed
 * link table (LinkEntry per direction): a pair is cut if either way is cut (a handshake
 * needs both), degraded if either way is slow or lossy, healthy otherwise.
 */
import type { EndpointId, LinkEntry } from "../../runtime/network/link-conditions.ts";
import { PAGE_ENDPOINT } from "../../runtime/web-worker/node-worker-protocol.ts";

export type LinkState = "healthy" | "cut" | "degraded";

export { PAGE_ENDPOINT };

/** A broker, or the page's own clients (producers, consumers, admin) as one endpoint. */
export type LinkEnd = number | typeof PAGE_ENDPOINT;

export interface PairCondition {
  state: LinkState;
  /** Which ways are cut: both, one of them (a one-way partition), or none. */
  cut: "none" | "both" | "forward" | "backward";
  /** The larger of the two ways' latencies and loss rates. */
  latencyMs: number;
  lossRate: number;
}

function conditionsOf(links: readonly LinkEntry[], from: EndpointId, to: EndpointId) {
  return links.find((entry) => entry.from === from && entry.to === to)?.conditions ?? null;
}

/** The pair's condition; "forward" is a → b. */
export function pairCondition(links: readonly LinkEntry[], a: LinkEnd, b: LinkEnd): PairCondition {
  const forward = conditionsOf(links, a, b);
  const backward = conditionsOf(links, b, a);
  const forwardCut = forward?.cut ?? false;
  const backwardCut = backward?.cut ?? false;
  const cut =
    forwardCut && backwardCut ? "both" : forwardCut ? "forward" : backwardCut ? "backward" : "none";
  const latencyMs = Math.max(forward?.latencyMs ?? 0, backward?.latencyMs ?? 0);
  const lossRate = Math.max(forward?.lossRate ?? 0, backward?.lossRate ?? 0);
  const state: LinkState =
    cut !== "none" ? "cut" : latencyMs > 0 || lossRate > 0 ? "degraded" : "healthy";
  return { state, cut, latencyMs, lossRate };
}

/** Every pair of brokers once, smaller id first: 1↔2, 1↔3, 2↔3. */
export function brokerPairs(brokerIds: readonly number[]): [number, number][] {
  const sorted = [...brokerIds].sort((x, y) => x - y);
  const pairs: [number, number][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) pairs.push([sorted[i]!, sorted[j]!]);
  }
  return pairs;
}

/** The test contract's name for a link: `link-1-2` (smaller id first), `link-page-1`. */
export function linkTestId(a: LinkEnd, b: LinkEnd): string {
  if (a === PAGE_ENDPOINT || b === PAGE_ENDPOINT) return `link-page-${a === PAGE_ENDPOINT ? b : a}`;
  return `link-${Math.min(a, b)}-${Math.max(a, b)}`;
}

/** Loss rate (0..1) as the percentage the inputs show, to one decimal. */
export function lossPercent(lossRate: number): number {
  return Math.round(lossRate * 1000) / 10;
}

export interface LinkInput {
  latencyMs: string;
  lossPercent: string;
}

export type ParsedLinkInput =
  { ok: true; latencyMs: number; lossRate: number } | { ok: false; field: "latency" | "loss" };

/** The popover's fields checked against what the network accepts (link-conditions.ts). */
export function parseLinkInput(input: LinkInput, maxLatencyMs: number): ParsedLinkInput {
  const latencyMs = Number(input.latencyMs.trim() === "" ? "0" : input.latencyMs);
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > maxLatencyMs)
    return { ok: false, field: "latency" };
  const percent = Number(input.lossPercent.trim() === "" ? "0" : input.lossPercent);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100)
    return { ok: false, field: "loss" };
  return { ok: true, latencyMs, lossRate: percent / 100 };
}
