/**
 * The cluster benchmark's sequence of asks to its worker, with the CPU each one cost
 * (thread-cpu.ts) and a line printed as each run ends: throughput and latency rounds on
 * one cluster, then each failover round on a fresh cluster (the last one left a node dead).
 */
import { cpus } from "node:os";
import type { ChromiumWorkerSession } from "../chromium-runner.ts";
import type { ClusterBenchRequest, ClusterBenchResponse } from "./cluster-bench-messages.ts";
import { acksName, latencyLine } from "./cluster-bench-figures.ts";
import { perfTestLine } from "./cluster-bench-report.ts";
import type { BenchSettings } from "./cluster-bench-settings.ts";
import { cpuBetween, snapshotCpu, type CpuUsage } from "./thread-cpu.ts";

export type Answer<Command extends ClusterBenchRequest["command"]> = Extract<
  ClusterBenchResponse,
  { command: Command }
>;

export interface Measured<T> {
  result: T;
  cpu: CpuUsage;
}

function asker(session: ChromiumWorkerSession) {
  const logicalCores = cpus().length;
  return async <Command extends ClusterBenchRequest["command"]>(
    request: ClusterBenchRequest & { command: Command },
  ): Promise<Measured<Answer<Command>>> => {
    const before = snapshotCpu();
    const result = await session.ask<Answer<Command>>(request);
    return { result, cpu: cpuBetween(before, snapshotCpu(), logicalCores) };
  };
}

export async function runClusterBenchmark(session: ChromiumWorkerSession, settings: BenchSettings) {
  const ask = asker(session);
  const say = (line: string) => console.log(line);
  const environment = (
    await ask({
      command: "environment",
      batchBytesMax: settings.batchBytesMax,
      valueBytes: settings.valueBytes,
    })
  ).result;
  const clusterStarts: Answer<"start-cluster">[] = [];
  const acksOne: Measured<Answer<"produce-throughput">>[] = [];
  const acksAll: Measured<Answer<"produce-throughput">>[] = [];
  const latencies: Measured<Answer<"end-to-end-latency">>[][] = settings.latencyRuns.map(() => []);

  const start = async (properties: Record<string, string>) =>
    clusterStarts.push(
      (await ask({ command: "start-cluster", nodes: settings.nodes, properties })).result,
    );

  await start({});
  for (let round = 1; round <= settings.rounds; round++) {
    for (const [acks, into] of [
      [1, acksOne],
      [-1, acksAll],
    ] as const) {
      const run = await ask({
        command: "produce-throughput",
        topic: settings.topic,
        acks,
        ...settings.throughput,
      });
      into.push(run);
      const { records, seconds, latency } = run.result;
      say(
        `acks=${acksName(acks)} round ${round}: ${perfTestLine(records, seconds, settings.valueBytes, latency)}`,
      );
    }
    for (const [index, shape] of settings.latencyRuns.entries()) {
      const run = await ask({
        command: "end-to-end-latency",
        topic: settings.topic,
        ...shape,
        ...settings.latency,
      });
      latencies[index]!.push(run);
      say(`end-to-end round ${round}: ${latencyLine(run.result)}`);
    }
  }

  const failovers: { sessionTimeoutMs: number; runs: Measured<Answer<"failover">>[] }[] = [];
  for (const { sessionTimeoutMs, properties } of settings.failoverSessions) {
    const runs: Measured<Answer<"failover">>[] = [];
    for (let round = 1; round <= settings.failoverRounds; round++) {
      await start(properties);
      const run = await ask({
        command: "failover",
        topic: settings.topic,
        sessionTimeoutMs,
        limitMs: sessionTimeoutMs + 20_000,
        ...settings.failover,
      });
      runs.push(run);
      const r = run.result;
      say(
        `failover round ${round}, broker.session.timeout.ms=${sessionTimeoutMs}: killed node ${r.killedLeader} ` +
          `(leader of partition ${r.partition}; active controller ${r.activeController}), writes accepted by node ` +
          `${r.newLeader} after ${r.failoverMs.toFixed(0)} ms (Metadata named it after ${r.leaderMovedMs.toFixed(0)} ms)`,
      );
    }
    failovers.push({ sessionTimeoutMs, runs });
  }
  await ask({ command: "stop-cluster" });
  return { environment, clusterStarts, acksOne, acksAll, latencies, failovers };
}

export type ClusterBenchResults = Awaited<ReturnType<typeof runClusterBenchmark>>;
