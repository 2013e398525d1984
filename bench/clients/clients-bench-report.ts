/**
 * How the client benchmark reports: kafka-consumer-perf-test's line for a consumer run, a
 * line per rebalance run, and the figures (medians over the rounds, with the spread) for
 * the table. MB is the perf tools' MB: bytes / 1024 / 1024.
 */
import type { ProducerMetricsSnapshot } from "../../src/client/producer/producer-metrics.ts";
import { cpuLines, spreadOf, type Figure } from "../cluster/cluster-bench-report.ts";
import type { ClientsAnswer, ClientsBenchResults } from "./clients-bench-run.ts";

export const CONSUMER_PERF_HEADER =
  "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, " +
  "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

/** The perf tool's `yyyy-MM-dd HH:mm:ss:SSS` (UTC). */
const perfTime = (epochMs: number) =>
  new Date(epochMs)
    .toISOString()
    .replace("T", " ")
    .replace("Z", "")
    .replace(/\.(\d{3})$/, ":$1");

const f4 = (value: number) => value.toFixed(4);
const median = (values: number[]) => spreadOf(values).median;
const whole = (value: number) => Math.round(value).toLocaleString("en-US");

/**
 * kafka-consumer-perf-test's totals: rates over run() to the last record, and (fetch.*)
 * over the time after the group join. The table's figure is first record to last.
 */
export function consumerPerfLine(result: ClientsAnswer<"consumer-throughput">): string {
  const megabytes = result.bytes / 2 ** 20;
  const elapsedSeconds = (result.endEpochMs - result.startEpochMs) / 1000;
  const fetchMs = result.endEpochMs - result.startEpochMs - result.joinMs;
  return [
    perfTime(result.startEpochMs),
    perfTime(result.endEpochMs),
    f4(megabytes),
    f4(megabytes / elapsedSeconds),
    result.records,
    f4(result.records / elapsedSeconds),
    Math.round(result.joinMs),
    Math.round(fetchMs),
    f4(megabytes / (fetchMs / 1000)),
    f4(result.records / (fetchMs / 1000)),
  ].join(", ");
}

/** The producer's own metrics for a run, by Kafka's metric names. */
export function producerMetricsLine(metrics: ProducerMetricsSnapshot): string {
  return (
    `request-total ${metrics["request-total"]}, records-per-request-avg ` +
    `${metrics["records-per-request-avg"].toFixed(0)}, batch-size-avg ${metrics["batch-size-avg"].toFixed(0)}, ` +
    `request-latency-avg ${metrics["request-latency-avg"].toFixed(1)} ms, record-retry-total ` +
    `${metrics["record-retry-total"]}, record-error-total ${metrics["record-error-total"]}`
  );
}

export const protocolOf = (strategy: string) =>
  strategy.startsWith("cooperative") ? "cooperative" : "eager";

export function rebalanceLine(result: ClientsAnswer<"rebalance">): string {
  const producer = result.producer;
  return (
    `${result.strategy} (${protocolOf(result.strategy)}): every member had its final assignment ` +
    `${whole(result.joinToFinalAssignmentMs)} ms after the 4th member's run() (last group_join at ` +
    `${whole(result.joinToLastGroupJoinMs)} ms); ${result.revokedPartitions} partitions revoked, ` +
    `${result.movedPartitions} moved; longest unconsumed partition ${whole(result.longestGapMs)} ms ` +
    `(partition ${result.longestGapPartition}; ${whole(result.baselineLongestGapMs)} ms before the join); ` +
    `producer ${producer.recordsAcknowledged}/${producer.recordsSent} acknowledged (send() took ` +
    `${whole(producer.ackLatencyAvgMs)} ms on average, ${whole(producer.ackLatencyMaxMs)} ms at most)` +
    (producer.skippedTicks > 0 ? `, ${producer.skippedTicks} ticks skipped` : "") +
    (producer.errors.length > 0 ? `, errors: ${producer.errors.join(" | ")}` : "") +
    (result.revokedAfterFinal > 0 ? `; ${result.revokedAfterFinal} revoked after settling` : "")
  );
}

export function figuresOf(results: ClientsBenchResults): Figure[] {
  type ProducerRuns = ClientsBenchResults["producer"]["acksOne"];
  const producerFigure = (name: string, runs: ProducerRuns): Figure => ({
    name,
    unit: "records/s",
    spread: spreadOf(runs.map((run) => run.result.recordsPerSecond)),
    note:
      `${median(runs.map((run) => run.result.megabytesPerSecond)).toFixed(2)} MB/s; ` +
      `p50 ${median(runs.map((run) => run.result.latency.p50Ms)).toFixed(1)} ms, ` +
      `p99 ${median(runs.map((run) => run.result.latency.p99Ms)).toFixed(1)} ms`,
  });
  const figures: Figure[] = [
    producerFigure("producer acks=1", results.producer.acksOne),
    producerFigure("producer acks=all, idempotent", results.producer.acksAll),
  ];
  for (const { partitions, runs } of results.consumer) {
    figures.push({
      name: `consumer, ${partitions} partition${partitions === 1 ? "" : "s"}`,
      unit: "records/s",
      spread: spreadOf(runs.map((run) => run.result.recordsPerSecond)),
      note:
        `${median(runs.map((run) => run.result.megabytesPerSecond)).toFixed(2)} MB/s first to last record; ` +
        `group join ${whole(median(runs.map((run) => run.result.joinMs)))} ms`,
    });
  }
  for (const { strategy, runs } of results.rebalances) {
    const label = `rebalance ${strategy} (${protocolOf(strategy)})`;
    const pick = (read: (run: ClientsAnswer<"rebalance">) => number) =>
      spreadOf(runs.map((run) => read(run.result)));
    figures.push(
      {
        name: `${label}: join to final assignment`,
        unit: "ms",
        spread: pick((run) => run.joinToFinalAssignmentMs),
        note: `last group_join at ${whole(median(runs.map((run) => run.result.joinToLastGroupJoinMs)))} ms`,
      },
      {
        name: `${label}: partitions revoked`,
        unit: "of 24",
        spread: pick((run) => run.revokedPartitions),
        note: `${median(runs.map((run) => run.result.movedPartitions))} changed owner`,
      },
      {
        name: `${label}: longest unconsumed`,
        unit: "ms",
        spread: pick((run) => run.longestGapMs),
        note: `${whole(median(runs.map((run) => run.result.baselineLongestGapMs)))} ms in the steady state before`,
      },
    );
  }
  return figures;
}

export function cpuReport(results: ClientsBenchResults): string[] {
  const acknowledged = (runs: ClientsBenchResults["producer"]["acksOne"]) =>
    runs.map((run) => run.result.recordsAcknowledgedInAll);
  const { acksOne, acksAll } = results.producer;
  return [
    ...cpuLines(
      "producer acks=1",
      acksOne.map((run) => run.cpu),
      acknowledged(acksOne),
    ),
    ...cpuLines(
      "producer acks=all",
      acksAll.map((run) => run.cpu),
      acknowledged(acksAll),
    ),
    ...results.consumer.flatMap(({ partitions, runs }) =>
      cpuLines(
        `consumer ${partitions}p`,
        runs.map((run) => run.cpu),
        runs.map((run) => run.result.records),
      ),
    ),
  ];
}
