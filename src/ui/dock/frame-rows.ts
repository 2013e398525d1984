/**
 * The packet table's pure parts: a tapped frame as the words of its row (API by Kafka's
 * name and version, endpoints, size), and the API and node filters.
 */
import { APIS } from "../../protocol/generated/api-table.ts";
import type { FrameRecord } from "../../runtime/network/frame-tap.ts";
import type { EndpointId } from "../../runtime/network/link-conditions.ts";
import { formatBytes } from "./format-bytes.ts";
import { formatClock } from "./timeline-filter.ts";

/** Kafka's name for an API key; "?" for a frame whose key is not known (-1). */
export function apiName(apiKey: number): string {
  if (apiKey < 0) return "?";
  return APIS.get(apiKey)?.name ?? `ApiKey ${apiKey}`;
}

/** A frame's two ends: brokers by id ("B2"), page-side clients as the page. */
export function endpointLabel(endpoint: EndpointId, pageWord: string): string {
  return typeof endpoint === "number" ? `B${endpoint}` : endpoint === "page" ? pageWord : endpoint;
}

/** The frame's identity across endpoints: ids count per sending endpoint. */
export function frameKey(frame: Pick<FrameRecord, "from" | "id">): string {
  return `${frame.from}:${frame.id}`;
}

export interface FrameRow {
  key: string;
  time: string;
  from: string;
  to: string;
  listener: string;
  direction: FrameRecord["direction"];
  /** "Produce v11"; the name alone when the version is not known. */
  api: string;
  correlationId: string;
  size: string;
  dropped: boolean;
}

export function frameRow(frame: FrameRecord, pageWord: string): FrameRow {
  const name = apiName(frame.apiKey);
  return {
    key: frameKey(frame),
    time: formatClock(frame.atMs),
    from: endpointLabel(frame.from, pageWord),
    to: endpointLabel(frame.to, pageWord),
    listener: frame.listener,
    direction: frame.direction,
    api: frame.apiKey < 0 || frame.apiVersion < 0 ? name : `${name} v${frame.apiVersion}`,
    correlationId: String(frame.correlationId),
    size: formatBytes(frame.bytes),
    dropped: frame.dropped,
  };
}

export interface FrameFilter {
  /** Only frames of this API key; null for all. */
  apiKey: number | null;
  /** Only frames sent or received by this endpoint; null for all. */
  endpoint: EndpointId | null;
}

export function filterFrames(
  frames: readonly FrameRecord[],
  filter: FrameFilter,
): readonly FrameRecord[] {
  if (filter.apiKey === null && filter.endpoint === null) return frames;
  return frames.filter(
    (frame) =>
      (filter.apiKey === null || frame.apiKey === filter.apiKey) &&
      (filter.endpoint === null || frame.from === filter.endpoint || frame.to === filter.endpoint),
  );
}

/** The API keys seen in `frames`, by name, for the API filter. */
export function apisSeen(frames: readonly FrameRecord[]): number[] {
  const keys = new Set<number>();
  for (const frame of frames) if (frame.apiKey >= 0) keys.add(frame.apiKey);
  return [...keys].sort((a, b) => apiName(a).localeCompare(apiName(b)));
}

/** The endpoints seen in `frames`: brokers by id, then the page. */
export function endpointsSeen(frames: readonly FrameRecord[]): EndpointId[] {
  const ends = new Set<EndpointId>();
  for (const frame of frames) {
    ends.add(frame.from);
    ends.add(frame.to);
  }
  return [...ends].sort((a, b) =>
    typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === "number" ? -1 : 1,
  );
}
