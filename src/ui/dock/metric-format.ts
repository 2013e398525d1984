/**
 * How each of Kafka's metrics reads: its unit (bytes scaled to KB/s and MB/s) and its
 * number, with the precision that matters (whole counts, one decimal for rates).
 */
import type { MetricName } from "../store/activity-slice.ts";

export type MetricUnitKey =
  | "metrics.unit.recordsPerSec"
  | "metrics.unit.bytesPerSec"
  | "metrics.unit.kilobytesPerSec"
  | "metrics.unit.megabytesPerSec"
  | "metrics.unit.partitions"
  | "metrics.unit.records"
  | "metrics.unit.ms"
  | "metrics.unit.replicas";

export type MetricHelpKey = `metrics.help.${MetricName}`;

/** What one sample of a metric counts; rates may be fractional, counts are whole. */
const KIND: Record<MetricName, { unit: MetricUnitKey; whole: boolean }> = {
  MessagesInPerSec: { unit: "metrics.unit.recordsPerSec", whole: false },
  BytesInPerSec: { unit: "metrics.unit.bytesPerSec", whole: false },
  UnderReplicatedPartitions: { unit: "metrics.unit.partitions", whole: true },
  "records-lag-max": { unit: "metrics.unit.records", whole: true },
  "request-latency-p99": { unit: "metrics.unit.ms", whole: false },
  IsrSize: { unit: "metrics.unit.replicas", whole: true },
};

export function metricHelpKey(name: MetricName): MetricHelpKey {
  return `metrics.help.${name}`;
}

/** How a chart's values are scaled for its axis and figure: bytes/s by the peak's size. */
export function metricScale(
  name: MetricName,
  peak: number,
): { divisor: number; unit: MetricUnitKey } {
  if (name !== "BytesInPerSec") return { divisor: 1, unit: KIND[name].unit };
  if (peak >= 1_000_000) return { divisor: 1_000_000, unit: "metrics.unit.megabytesPerSec" };
  if (peak >= 1_000) return { divisor: 1_000, unit: "metrics.unit.kilobytesPerSec" };
  return { divisor: 1, unit: "metrics.unit.bytesPerSec" };
}

/** A value already divided by its scale, as the figure shows it. */
export function formatMetricNumber(name: MetricName, scaled: number): string {
  if (KIND[name].whole) return String(Math.round(scaled));
  if (scaled >= 100) return String(Math.round(scaled));
  return scaled.toFixed(1);
}
