/**
 * How the cluster benchmark reports: one kafka-producer-perf-test line per run (records
 * sent, records/sec, MB/sec, latencies), the figures against the targets (medians
 * over the rounds, with the ratio to target), and where the CPU went. MB here is
 * kafka-producer-perf-test's: record bytes (the 100-byte values) / 1024 / 1024.
 */
import type { LatencySummary } from "./latency-samples.ts";
import type { CpuUsage } from "./thread-cpu.ts";
import { formatTable, spreadOf, type Figure } from "../log/log-bench-report.ts";

export { formatTable, spreadOf, type Figure };

const fixed = (value: number, digits: number) => value.toFixed(digits);
const whole = (value: number) => Math.round(value).toLocaleString("en-US");

/** kafka-producer-perf-test's closing line, for `records` acknowledged over `seconds`. */
export function perfTestLine(
  records: number,
  seconds: number,
  valueBytes: number,
  latency: LatencySummary,
): string {
  const perSecond = records / seconds;
  const megabytes = (perSecond * valueBytes) / 1024 / 1024;
  return (
    `${records} records sent, ${fixed(perSecond, 1)} records/sec (${fixed(megabytes, 2)} MB/sec), ` +
    `${fixed(latency.averageMs, 2)} ms avg latency, ${fixed(latency.maxMs, 2)} ms max latency, ` +
    `${fixed(latency.p50Ms, 1)} ms 50th, ${fixed(latency.p95Ms, 1)} ms 95th, ` +
    `${fixed(latency.p99Ms, 1)} ms 99th, ${fixed(latency.p999Ms, 1)} ms 99.9th.`
  );
}

/** "57.3 % of target" for a figure where more is better, or less is better. */
export function ratioNote(value: number, target: number, better: "higher" | "lower"): string {
  const ratio = better === "higher" ? value / target : target / value;
  return `${fixed(ratio * 100, 1)} % of target`;
}

export function atLeast(
  name: string,
  unit: string,
  values: number[],
  target: number,
  note = "",
): Figure {
  const spread = spreadOf(values);
  return {
    name,
    unit,
    spread,
    target: { text: `≥ ${whole(target)} ${unit}`, met: spread.median >= target },
    note: [ratioNote(spread.median, target, "higher"), note].filter(Boolean).join("; "),
  };
}

export function atMost(
  name: string,
  unit: string,
  values: number[],
  target: number,
  note = "",
): Figure {
  const spread = spreadOf(values);
  return {
    name,
    unit,
    spread,
    target: { text: `≤ ${whole(target)} ${unit}`, met: spread.median <= target },
    note: [ratioNote(spread.median, target, "lower"), note].filter(Boolean).join("; "),
  };
}

/** One line per measurement kind: average cores each group kept busy, and time waiting for a core. */
export function cpuLines(label: string, usages: CpuUsage[], recordsPerUsage?: number[]): string[] {
  if (usages.length === 0) return [];
  const names = [...new Set(usages.flatMap((usage) => Object.keys(usage.groups)))].sort();
  const wall = usages.reduce((sum, usage) => sum + usage.wallSeconds, 0);
  const cores = (pick: (usage: CpuUsage) => number) =>
    usages.reduce((sum, usage) => sum + pick(usage), 0) / wall;
  const parts = names.map((name) => {
    const busy = cores((usage) => usage.groups[name]?.cpuSeconds ?? 0);
    const waiting = cores((usage) => usage.groups[name]?.waitSeconds ?? 0);
    return `${name} ${fixed(busy, 2)} (+${fixed(waiting, 2)} waiting)`;
  });
  const machine = cores((usage) => usage.machineBusyCores * usage.wallSeconds);
  const others = cores((usage) => usage.otherBusyCores * usage.wallSeconds);
  const lines = [
    `${label}: cores busy on average over ${fixed(wall, 1)} s — ${parts.join(", ")}`,
    `${" ".repeat(label.length)}  machine ${fixed(machine, 2)} of ${usages[0]!.logicalCores} cores busy, ${fixed(others, 2)} of them with other work`,
  ];
  if (recordsPerUsage !== undefined) {
    const cpu = usages.reduce(
      (sum, usage) =>
        sum + Object.values(usage.groups).reduce((total, group) => total + group.cpuSeconds, 0),
      0,
    );
    const records = recordsPerUsage.reduce((sum, count) => sum + count, 0);
    lines.push(
      `${" ".repeat(label.length)}  Chromium CPU per record: ${fixed((cpu / records) * 1e6, 2)} µs`,
    );
  }
  return lines;
}
