/**
 * What happened, for the dock: the timeline of cluster events, the metrics' time series and
 * the frames the packet tap recorded. Each is a bounded list, newest last.
 */
import type { FrameRecord } from "../../runtime/network/frame-tap.ts";

export type TimelineCategory =
  "leader" | "isr" | "broker" | "controller" | "group" | "commit" | "segment" | "topic" | "error";

export interface TimelineEntry {
  id: number;
  /** Node time, ms. */
  atMs: number;
  category: TimelineCategory;
  /** An i18n key ("timeline.*") and its values: the entry is worded in the viewer's language. */
  message: string;
  values: Record<string, string | number>;
  node: number | null;
}

/** Kafka's metric names, sampled once a second. */
export type MetricName =
  | "MessagesInPerSec"
  | "BytesInPerSec"
  | "UnderReplicatedPartitions"
  | "records-lag-max"
  | "request-latency-p99"
  | "IsrSize";

export interface MetricSample {
  atMs: number;
  value: number;
}

export interface ActivitySlice {
  timeline: TimelineEntry[];
  metrics: Record<MetricName, MetricSample[]>;
  frames: FrameRecord[];
  tapping: boolean;
  droppedFrames: number;
}

export const TIMELINE_LIMIT = 500;
export const METRIC_SAMPLES_LIMIT = 120;
export const FRAMES_LIMIT = 1_000;

export const METRIC_NAMES: readonly MetricName[] = [
  "MessagesInPerSec",
  "BytesInPerSec",
  "UnderReplicatedPartitions",
  "records-lag-max",
  "request-latency-p99",
  "IsrSize",
];

export function emptyMetrics(): Record<MetricName, MetricSample[]> {
  return Object.fromEntries(METRIC_NAMES.map((name) => [name, []])) as unknown as Record<
    MetricName,
    MetricSample[]
  >;
}

/** `list` with `added` appended, keeping the newest `limit`. */
export function appendBounded<T>(list: readonly T[], added: readonly T[], limit: number): T[] {
  const joined = added.length === 0 ? [...list] : [...list, ...added];
  return joined.length > limit ? joined.slice(joined.length - limit) : joined;
}
