/**
 * `npm run bench:cluster`: a three-node cluster (three Web Workers, each a KRaft voter and
 * broker on OPFS) in headless Chromium, measured as Kafka's tools would:
 *
 * - produce throughput with acks=1 and acks=all (min.insync.replicas=2), replication
 *   factor 3, 100-byte records in 16 KiB batches, five requests in flight per leader;
 * - end-to-end latency, producer to a long-polling Fetch consumer, at 100,000 records/s
 *   (the check) and at a rate the cluster keeps up with;
 * - failover: the partition leader's worker killed while producing with acks=all, until
 *   writes are accepted again, with the default broker.session.timeout.ms and a lower one.
 *
 * Prints kafka-producer-perf-test lines and a table against the targets, with
 * where the CPU went, and saves bench/results/cluster-<date>.json. `--quick` runs one short
 * round of each (for checking the harness) and saves nothing. It measures, it does not assert.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measuredOnMachine } from "../bench-machine.ts";
import { runInChromiumWorker } from "../chromium-runner.ts";
import { cpuReport, figuresOf } from "./cluster-bench-figures.ts";
import { formatTable } from "./cluster-bench-report.ts";
import { runClusterBenchmark } from "./cluster-bench-run.ts";
import { benchSettings } from "./cluster-bench-settings.ts";

const quick = process.argv.includes("--quick");
const settings = benchSettings(quick);
const workerEntry = fileURLToPath(new URL("./cluster-bench-worker.ts", import.meta.url));
const startedAt = new Date();
const { machine, results } = await measuredOnMachine(() =>
  runInChromiumWorker(workerEntry, async (session) => ({
    browserVersion: session.browserVersion,
    results: await runClusterBenchmark(session, settings),
  })),
);
const browserVersion = machine.chromium;
const [loadBefore, loadAfter] = [machine.loadAverageBefore, machine.loadAverageAfter];
const environment = results.environment;
const figures = figuresOf(results, settings);
const { topic } = settings;
console.log("");
console.log(
  `Cluster benchmark: Chromium ${browserVersion} headless, persistent profile, cross-origin isolated: ` +
    `${environment.crossOriginIsolated}; ${machine.cpu}, ${machine.logicalCores} cores shared, 1-minute load ` +
    `average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after`,
);
console.log(
  `${settings.nodes} nodes (Web Workers; KRaft voters and brokers; OPFS), started in ` +
    `${Math.round(results.clusterStarts[0]!.startupMs)} ms; topic of ${topic.partitions} partitions, led ` +
    `evenly by the ${settings.nodes} brokers, replication factor ${topic.replicationFactor}, min.insync.replicas 2; ` +
    `${environment.recordsPerBatch} records of ${settings.valueBytes} bytes per ${environment.batchBytes}-byte batch; ` +
    `${settings.rounds} rounds of ${settings.throughput.measureMs / 1000} s after ${settings.throughput.warmupMs / 1000} s warm-up`,
);
for (const line of formatTable(figures)) console.log(line);
for (const line of cpuReport(results)) console.log(line);

if (!quick) {
  const directory = fileURLToPath(new URL("../results/", import.meta.url));
  mkdirSync(directory, { recursive: true });
  const path = `${directory}cluster-${startedAt.toISOString().slice(0, 10)}.json`;
  const record = {
    benchmark: "cluster",
    command: "npm run bench:cluster",
    startedAt: startedAt.toISOString(),
    machine,
    worker: environment,
    settings,
    figures,
    raw: results,
  };
  const json = JSON.stringify(
    record,
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    2,
  );
  writeFileSync(path, `${json}\n`);
  console.log(`saved ${path}`);
}
