/**
 * `npm run bench:clients`: our client library (src/client, the KafkaJS-shaped Kafka,
 * producer, consumer and admin) on the product path — a three-node cluster of Web Workers
 * on OPFS in headless Chromium, the clients on the page side of the ClusterHost over
 * pageClientIo — measured as Kafka's tools would:
 *
 * - producer throughput with acks=1 and acks=all (idempotent): 100-byte records, batch.size
 *   16384, linger.ms 5, replication factor 3, 6 partitions, many sendBatch calls in flight;
 * - consumer throughput: one group member reading pre-filled topics of 1 and 6 partitions;
 * - rebalance: a fourth member joining a group of three on 24 partitions under a steady
 *   producer, eager (range) against cooperative (cooperative-sticky).
 *
 * Prints kafka-producer-perf-test and kafka-consumer-perf-test lines, a line per
 * rebalance, a table of medians and where the CPU went, and saves
 * bench/results/clients-<date>.json. `--quick` runs one short round of each and saves
 * nothing. It measures, it does not assert.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measuredOnMachine } from "../bench-machine.ts";
import { runInChromiumWorker } from "../chromium-runner.ts";
import { formatTable } from "../cluster/cluster-bench-report.ts";
import { cpuReport, figuresOf } from "./clients-bench-report.ts";
import { runClientsBenchmark } from "./clients-bench-run.ts";
import { clientsBenchSettings } from "./clients-bench-settings.ts";

const quick = process.argv.includes("--quick");
const settings = clientsBenchSettings(quick);
const workerEntry = fileURLToPath(new URL("./clients-bench-worker.ts", import.meta.url));
const startedAt = new Date();
const { machine, results } = await measuredOnMachine(() =>
  runInChromiumWorker(workerEntry, async (session) => ({
    browserVersion: session.browserVersion,
    results: await runClientsBenchmark(session, settings),
  })),
);
const browserVersion = machine.chromium;
const [loadBefore, loadAfter] = [machine.loadAverageBefore, machine.loadAverageAfter];
const figures = figuresOf(results);
const { producer, rebalance } = settings;
const group = Object.entries(rebalance.groupDefaults)
  .map(([name, value]) => `${name} ${value}`)
  .join(", ");
console.log("");
console.log(
  `Client benchmark: Chromium ${browserVersion} headless, persistent profile, cross-origin isolated: ` +
    `${results.environment.crossOriginIsolated}; ${machine.cpu}, ${machine.logicalCores} cores shared, ` +
    `1-minute load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after`,
);
console.log(
  `${settings.nodes} nodes (Web Workers; KRaft voters and brokers; OPFS) started in ` +
    `${Math.round(results.cluster.startupMs)} ms (then __consumer_offsets in ` +
    `${Math.round(results.cluster.groupCoordinatorsMs)} ms), group.initial.rebalance.delay.ms=0; clients: new Kafka({ brokers: ` +
    `broker-1..3:9092, transport: pageClientIo(host) }) in the page's worker`,
);
console.log(
  `producer: ${producer.topic.partitions} partitions, replication factor ${producer.topic.replicationFactor}, ` +
    `min.insync.replicas 2, ${settings.valueBytes}-byte values, null keys, batch.size ${producer.batchSize}, ` +
    `linger.ms ${producer.lingerMs}, ${producer.sendsInFlight} sendBatch calls of ${producer.recordsPerSend} ` +
    `records in flight; ${settings.rounds} rounds of ${producer.measureMs / 1000} s after ` +
    `${producer.warmupMs / 1000} s warm-up; latency per sendBatch call`,
);
console.log(
  `consumer: ${settings.consumer.recordsPerTopic} records per topic, eachBatch, Kafka's consumer defaults; ` +
    `rebalance: ${rebalance.members} + 1 members, ${rebalance.topic.partitions} partitions, steady producer ` +
    `of ${Math.round((rebalance.topic.partitions * 1000) / rebalance.producerTickMs)} records/s; Kafka's ` +
    `defaults ${group}`,
);
for (const line of formatTable(figures)) console.log(line);
for (const line of cpuReport(results)) console.log(line);

if (!quick) {
  const directory = fileURLToPath(new URL("../results/", import.meta.url));
  mkdirSync(directory, { recursive: true });
  const path = `${directory}clients-${startedAt.toISOString().slice(0, 10)}.json`;
  const record = {
    benchmark: "clients",
    command: "npm run bench:clients",
    startedAt: startedAt.toISOString(),
    machine,
    worker: results.environment,
    settings,
    figures,
    raw: results,
  };
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`saved ${path}`);
}
