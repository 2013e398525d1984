/**
 * The cluster benchmark's results as figures against the targets (medians over the
 * rounds, with the spread and the ratio to target), a line per latency run, and where the
 * CPU went during each kind of run.
 */
import type { ClusterBenchResults } from "./cluster-bench-run.ts";
import { atLeast, atMost, cpuLines, spreadOf, type Figure } from "./cluster-bench-report.ts";
import type { BenchSettings } from "./cluster-bench-settings.ts";
import type { EndToEndResult } from "./end-to-end-latency.ts";

export const acksName = (acks: number): string => (acks === -1 ? "all" : String(acks));

const median = (values: number[]) => spreadOf(values).median;
const perSecond = (value: number) => Math.round(value).toLocaleString("en-US");

export function latencyLine(result: EndToEndResult): string {
  const e2e = result.endToEnd;
  const behind =
    result.sentRecords < result.scheduledRecords
      ? `; fell behind, sent ${result.sentRecords} of ${result.scheduledRecords} scheduled`
      : "";
  return (
    `acks=${acksName(result.acks)} at ${perSecond(result.targetRecordsPerSecond)} records/s ` +
    `(sent at ${perSecond(result.achievedRecordsPerSecond)}/s${behind}): ` +
    `${e2e.records} records measured, avg ${e2e.averageMs.toFixed(2)} ms, p50 ${e2e.p50Ms.toFixed(2)} ms, ` +
    `p99 ${e2e.p99Ms.toFixed(2)} ms, p99.9 ${e2e.p999Ms.toFixed(2)} ms, max ${e2e.maxMs.toFixed(2)} ms; ` +
    `produce acknowledged p50 ${result.produceAck.p50Ms.toFixed(2)} ms, p99 ${result.produceAck.p99Ms.toFixed(2)} ms`
  );
}

export function figuresOf(results: ClusterBenchResults, settings: BenchSettings): Figure[] {
  const { targets } = settings;
  type Runs = ClusterBenchResults["acksOne"];
  const rates = (runs: Runs) => runs.map((run) => run.result.recordsPerSecond);
  const produceP99 = (runs: Runs) =>
    `produce p99 ${median(runs.map((run) => run.result.latency.p99Ms)).toFixed(1)} ms`;
  const figures: Figure[] = [
    atLeast(
      "produce acks=1",
      "records/s",
      rates(results.acksOne),
      targets.acksOneRecordsPerSecond,
      produceP99(results.acksOne),
    ),
    atLeast(
      "produce acks=all",
      "records/s",
      rates(results.acksAll),
      targets.acksAllRecordsPerSecond,
      produceP99(results.acksAll),
    ),
  ];
  for (const runs of results.latencies) {
    const { acks, targetRecordsPerSecond } = runs[0]!.result;
    const label = `end-to-end acks=${acksName(acks)} at ${targetRecordsPerSecond / 1000}k/s`;
    const sentRates = runs.map((run) => run.result.achievedRecordsPerSecond);
    const sent = `sent at ${perSecond(median(sentRates))}/s`;
    const p99s = runs.map((run) => run.result.endToEnd.p99Ms);
    figures.push({
      name: `${label}, p50`,
      unit: "ms",
      spread: spreadOf(runs.map((run) => run.result.endToEnd.p50Ms)),
    });
    figures.push(
      targetRecordsPerSecond >= targets.endToEndRecordsPerSecond
        ? atMost(`${label}, p99`, "ms", p99s, targets.endToEndP99Ms, sent)
        : { name: `${label}, p99`, unit: "ms", spread: spreadOf(p99s), note: sent },
    );
  }
  for (const { sessionTimeoutMs, runs } of results.failovers) {
    const moved = Math.round(median(runs.map((run) => run.result.leaderMovedMs)));
    figures.push(
      atMost(
        `failover, session timeout ${sessionTimeoutMs} ms`,
        "ms",
        runs.map((run) => run.result.failoverMs),
        sessionTimeoutMs + targets.failoverSlackMs,
        `new leader in Metadata after ${moved} ms`,
      ),
    );
  }
  return figures;
}

export function cpuReport(results: ClusterBenchResults): string[] {
  const acknowledged = (runs: ClusterBenchResults["acksOne"]) =>
    runs.map((run) => run.result.recordsAcknowledgedInAll);
  return [
    ...cpuLines(
      "acks=1",
      results.acksOne.map((run) => run.cpu),
      acknowledged(results.acksOne),
    ),
    ...cpuLines(
      "acks=all",
      results.acksAll.map((run) => run.cpu),
      acknowledged(results.acksAll),
    ),
    ...results.latencies.flatMap((runs) =>
      cpuLines(
        `end-to-end acks=${acksName(runs[0]!.result.acks)}`,
        runs.map((run) => run.cpu),
        runs.map((run) => run.result.sentRecords),
      ),
    ),
  ];
}
