/**
 * The client benchmark's sequence of asks to its worker, with the CPU each one cost
 * (bench/cluster/thread-cpu.ts) and a line printed as each run ends: producer rounds
 * (acks=1 and acks=all taking turns), the consumer topics filled once and read in rounds,
 * then rebalance rounds (the strategies taking turns), all on one cluster.
 */
import { cpus } from "node:os";
import type { ChromiumWorkerSession } from "../chromium-runner.ts";
import type { Measured } from "../cluster/cluster-bench-run.ts";
import { perfTestLine } from "../cluster/cluster-bench-report.ts";
import { cpuBetween, snapshotCpu } from "../cluster/thread-cpu.ts";
import type { ClientsBenchRequest, ClientsBenchResponse } from "./clients-bench-messages.ts";
import {
  CONSUMER_PERF_HEADER,
  consumerPerfLine,
  producerMetricsLine,
  rebalanceLine,
} from "./clients-bench-report.ts";
import type { ClientsBenchSettings } from "./clients-bench-settings.ts";

export type ClientsAnswer<Command extends ClientsBenchRequest["command"]> = Extract<
  ClientsBenchResponse,
  { command: Command }
>;

function asker(session: ChromiumWorkerSession) {
  const logicalCores = cpus().length;
  return async <Command extends ClientsBenchRequest["command"]>(
    request: ClientsBenchRequest & { command: Command },
  ): Promise<Measured<ClientsAnswer<Command>>> => {
    const before = snapshotCpu();
    const result = await session.ask<ClientsAnswer<Command>>(request);
    return { result, cpu: cpuBetween(before, snapshotCpu(), logicalCores) };
  };
}

export async function runClientsBenchmark(
  session: ChromiumWorkerSession,
  settings: ClientsBenchSettings,
) {
  const ask = asker(session);
  const say = (line: string) => console.log(line);
  const environment = (await ask({ command: "environment" })).result;
  const cluster = (
    await ask({
      command: "start-cluster",
      nodes: settings.nodes,
      properties: settings.brokerProperties,
    })
  ).result;

  const { topic: shape, ...producerOptions } = settings.producer;
  const producer = {
    acksOne: [] as Measured<ClientsAnswer<"producer-throughput">>[],
    acksAll: [] as Measured<ClientsAnswer<"producer-throughput">>[],
  };
  for (let round = 1; round <= settings.rounds; round++) {
    for (const [acks, into] of [
      [1, producer.acksOne],
      [-1, producer.acksAll],
    ] as const) {
      const run = await ask({
        command: "producer-throughput",
        shape,
        acks,
        valueBytes: settings.valueBytes,
        ...producerOptions,
      });
      into.push(run);
      const { records, seconds, latency } = run.result;
      const name = acks === 1 ? "acks=1" : "acks=all idempotent";
      say(
        `${name} round ${round}: ${perfTestLine(records, seconds, settings.valueBytes, latency)}`,
      );
      say(`  ${producerMetricsLine(run.result.metrics)}`);
    }
  }

  const fills: ClientsAnswer<"fill-topic">[] = [];
  for (const topicShape of settings.consumer.topics) {
    const fill = (
      await ask({
        command: "fill-topic",
        shape: topicShape,
        records: settings.consumer.recordsPerTopic,
        valueBytes: settings.valueBytes,
      })
    ).result;
    fills.push(fill);
    say(
      `filled ${fill.topic} (${fill.partitions} partitions) with ${fill.records} records in ` +
        `${fill.seconds.toFixed(1)} s (${Math.round(fill.records / fill.seconds)} records/s, acks=all)`,
    );
  }
  const consumer = fills.map((fill) => ({
    topic: fill.topic,
    partitions: fill.partitions,
    runs: [] as Measured<ClientsAnswer<"consumer-throughput">>[],
  }));
  say(`consumer rounds: ${CONSUMER_PERF_HEADER}`);
  for (let round = 1; round <= settings.rounds; round++) {
    for (const entry of consumer) {
      const run = await ask({
        command: "consumer-throughput",
        topic: entry.topic,
        records: settings.consumer.recordsPerTopic,
        stallMs: settings.consumer.stallMs,
      });
      entry.runs.push(run);
      say(`${entry.partitions} partition(s) round ${round}: ${consumerPerfLine(run.result)}`);
    }
  }

  const {
    topic: rebalanceShape,
    strategies,
    groupDefaults: _,
    ...rebalanceOptions
  } = settings.rebalance;
  const rebalances = strategies.map((strategy) => ({
    strategy,
    runs: [] as Measured<ClientsAnswer<"rebalance">>[],
  }));
  for (let round = 1; round <= settings.rounds; round++) {
    for (const entry of rebalances) {
      const run = await ask({
        command: "rebalance",
        shape: rebalanceShape,
        strategy: entry.strategy,
        valueBytes: settings.valueBytes,
        ...rebalanceOptions,
      });
      entry.runs.push(run);
      say(`rebalance round ${round}: ${rebalanceLine(run.result)}`);
    }
  }
  await ask({ command: "stop-cluster" });
  return { environment, cluster, producer, fills, consumer, rebalances };
}

export type ClientsBenchResults = Awaited<ReturnType<typeof runClientsBenchmark>>;
