/**
 * ToolsUtils.printMetrics: an empty line, a "Metric Name   Value" header, then each
 * metric as "group:name:{tags}" padded to the longest name, " : ", and its value with
 * three decimals, sorted by name (Kafka keeps them in a TreeMap).
 */
import { formatFixed } from "../framework/java-format.ts";

export interface MetricEntry {
  group: string;
  name: string;
  tags: Readonly<Record<string, string>>;
  value: number;
}

/** Java's Map.toString of the tags: "{client-id=perf-producer-client}". */
function tagsText(tags: Readonly<Record<string, string>>): string {
  return `{${Object.entries(tags)
    .map(([key, value]) => `${key}=${value}`)
    .join(", ")}}`;
}

export function metricsLines(metrics: readonly MetricEntry[]): string[] {
  if (metrics.length === 0) return [];
  const named = metrics
    .map((metric) => ({
      name: `${metric.group}:${metric.name}:${tagsText(metric.tags)}`,
      value: metric.value,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const width = Math.max(...named.map((entry) => entry.name.length));
  return [
    "",
    `${"Metric Name".padEnd(width)}   Value`,
    ...named.map((entry) => `${entry.name.padEnd(width)} : ${formatFixed(entry.value, 3)}`),
  ];
}
