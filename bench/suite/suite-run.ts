/**
 * The suite's sequence of asks to its worker, printing each run's lines as it ends: the
 * physical ceilings first (on a quiet worker, before any broker exists), then on one
 * three-node cluster kafka-producer-perf-test with acks=1 and acks=all (each on a fresh
 * topic), kafka-consumer-perf-test reading the acks=all topic back, and end-to-end latency.
 */
import type { ChromiumWorkerSession } from "../chromium-runner.ts";
import { latencyLine } from "../cluster/cluster-bench-figures.ts";
import {
  consumerPerfArgs,
  parseConsumerPerfTotal,
  parseProducerPerfTotal,
  producerPerfArgs,
} from "./perf-lines.ts";
import type { SuiteAnswer, SuiteRequest } from "./suite-messages.ts";
import type { ConsumerRun, ProducerRun, WorkerResults } from "./suite-results.ts";
import { BOOTSTRAP_SERVERS, type SuiteSettings } from "./suite-settings.ts";
import type { ToolRun } from "./tool-run.ts";

/** The tool's output as a terminal shows it: the command typed, then what it printed. */
function echo(say: (line: string) => void, command: string, run: ToolRun): void {
  say(`$ ${command}`);
  for (const line of run.out) say(line);
  for (const line of run.err) say(`(stderr) ${line}`);
  if (run.errLinesDropped > 0) say(`(stderr) ... ${run.errLinesDropped} more lines`);
  if (run.exitCode !== 0) say(`(exit code ${run.exitCode})`);
}

export async function runWorkerSuite(
  session: ChromiumWorkerSession,
  settings: SuiteSettings,
  say: (line: string) => void,
): Promise<WorkerResults> {
  const ask = <Command extends SuiteRequest["command"]>(
    request: SuiteRequest & { command: Command },
  ) => session.ask<SuiteAnswer<Command>>(request);

  const environment = await ask({ command: "environment" });
  const { postMessage: plan, rawOpfs } = settings.physical;
  const postMessage = await ask({ command: "postmessage-transfer", plan, limitMs: 120_000 });
  say(
    `postMessage, worker to worker, transferred ${plan.chunkBytes / 1024} KiB buffers: ` +
      `${Math.round(postMessage.messagesPerSecond).toLocaleString("en-US")} messages/s, ` +
      `${postMessage.megabytesPerSecond.toFixed(1)} MB/s`,
  );
  const opfs = await ask({ command: "raw-opfs-write", options: rawOpfs });
  say(
    `raw OPFS sync-handle writes of ${rawOpfs.chunkBytes / 1024} KiB: ${opfs.megabytesPerSecond.toFixed(1)} MB/s ` +
      `(${(opfs.bytes / 2 ** 20).toFixed(0)} MB; then a flush of ${(opfs.flushSeconds * 1000).toFixed(1)} ms)`,
  );

  const cluster = await ask({
    command: "start-cluster",
    nodes: settings.nodes,
    properties: settings.brokerProperties,
  });
  say(
    `${settings.nodes} brokers (Web Workers on OPFS) ready in ${Math.round(cluster.startupMs)} ms, ` +
      `__consumer_offsets in ${Math.round(cluster.groupCoordinatorsMs)} ms`,
  );

  const producer: ProducerRun[] = [];
  for (const acks of settings.producerPerf.acks) {
    const { topic } = await ask({
      command: "create-topic",
      prefix: `perf-acks-${acks}`,
      shape: settings.topic,
    });
    const { numRecords, recordSize, throughput, props } = settings.producerPerf;
    const args = producerPerfArgs({
      topic,
      numRecords,
      recordSize,
      throughput,
      props: { "bootstrap.servers": BOOTSTRAP_SERVERS, acks, ...props },
    });
    const command = `kafka-producer-perf-test.sh ${args.join(" ")}`;
    const run = await ask({ command: "producer-perf-test", args });
    echo(say, command, run);
    producer.push({ acks, topic, command, run, total: parseProducerPerfTotal(run.out) });
  }

  // Read back the topic the acks=all run filled: every record there is on all three replicas.
  const filled = producer.at(-1)!;
  const args = consumerPerfArgs({
    bootstrapServers: BOOTSTRAP_SERVERS,
    topic: filled.topic,
    messages: settings.consumerPerf.messages,
    timeoutMs: settings.consumerPerf.timeoutMs,
  });
  const command = `kafka-consumer-perf-test.sh ${args.join(" ")}`;
  const consumerRun = await ask({ command: "consumer-perf-test", args });
  echo(say, command, consumerRun);
  const consumer: ConsumerRun = {
    topic: filled.topic,
    command,
    run: consumerRun,
    total: parseConsumerPerfTotal(consumerRun.out),
  };

  const endToEnd = await ask({
    command: "end-to-end-latency",
    shape: settings.topic,
    ...settings.endToEnd,
  });
  say(`end-to-end: ${latencyLine(endToEnd)}`);
  await ask({ command: "stop-cluster" });
  return {
    environment,
    clusterStartupMs: cluster.startupMs,
    postMessage,
    rawOpfs: opfs,
    producer,
    consumer,
    endToEnd,
  };
}
