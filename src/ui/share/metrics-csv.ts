/**
 * Every metric's samples as CSV, one row per sample: time (ISO 8601, UTC), Kafka's metric
 * name, labels (what the number covers and in what unit, `name=value` pairs joined by
 * ';'), and the value as sampled (unscaled: bytes per second stay bytes per second).
 */
import type { MetricName, MetricSample } from "../store/activity-slice.ts";

/** What each chart's number covers: its unit and how the page folds many into one. */
const METRIC_LABELS: Record<MetricName, Record<string, string>> = {
  MessagesInPerSec: { unit: "records/s", aggregate: "sum", over: "partition leaders" },
  BytesInPerSec: { unit: "bytes/s", aggregate: "sum", over: "partition leaders" },
  UnderReplicatedPartitions: { unit: "partitions", aggregate: "count", over: "partitions" },
  "records-lag-max": { unit: "records", aggregate: "max", over: "consumer groups" },
  "request-latency-p99": { unit: "ms", aggregate: "max", over: "producers" },
  IsrSize: { unit: "replicas", aggregate: "min", over: "partitions" },
};

export const CSV_HEADER = ["time", "metric", "labels", "value"] as const;

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function metricLabels(name: MetricName, clusterId: string | null): string {
  const labels = { ...(clusterId === null ? {} : { cluster: clusterId }), ...METRIC_LABELS[name] };
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(";");
}

/** A number as CSV writes it: whole numbers whole, others to six decimals at most. */
function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

export function metricsCsv(
  metrics: Readonly<Record<MetricName, readonly MetricSample[]>>,
  clusterId: string | null,
): string {
  const rows: { atMs: number; order: number; line: string }[] = [];
  (Object.keys(metrics) as MetricName[]).forEach((name, order) => {
    const labels = csvField(metricLabels(name, clusterId));
    for (const sample of metrics[name]) {
      const time = new Date(sample.atMs).toISOString();
      rows.push({
        atMs: sample.atMs,
        order,
        line: [time, csvField(name), labels, csvNumber(sample.value)].join(","),
      });
    }
  });
  rows.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  return [CSV_HEADER.join(","), ...rows.map((row) => row.line)].join("\r\n") + "\r\n";
}
