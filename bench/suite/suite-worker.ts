/**
 * The suite's worker, driven by bench/suite/main.ts through bench/chromium-runner.ts. It
 * plays the page: it holds the ClusterHost (three node workers on OPFS) and runs the
 * playground's own kafka-producer-perf-test and kafka-consumer-perf-test over
 * pageClientIo, as the page's terminal does; it also measures the physical ceilings
 * (postMessage between two workers, raw OPFS writes) and end-to-end latency.
 */
import { consumerPerfTool } from "../../src/cli/perf/consumer-perf-test.ts";
import { producerPerfTool } from "../../src/cli/perf/producer-perf-test.ts";
import { answerRequests } from "../../src/runtime/web-worker/testing/worker-requests.ts";
import {
  benchKafka,
  createTopicWithAdmin,
  prepareGroupCoordinators,
} from "../clients/bench-kafka.ts";
import {
  createBenchTopic,
  startCluster,
  stopCluster,
  type BenchCluster,
} from "../cluster/bench-cluster.ts";
import { measureEndToEndLatency } from "../cluster/end-to-end-latency.ts";
import { buildBenchBatch } from "../log/bench-batch.ts";
import { measurePostMessageTransfer } from "../physical/postmessage-transfer.ts";
import { measureRawOpfsWrites } from "../physical/raw-opfs-throughput.ts";
import type { SuiteRequest, SuiteResponse } from "./suite-messages.ts";
import { runTool } from "./tool-run.ts";

let cluster: BenchCluster | null = null;
/** Numbers topics, so every run starts on a fresh one. */
let topics = 0;

function current(): BenchCluster {
  if (cluster === null) throw new Error("no cluster: ask start-cluster first");
  return cluster;
}

async function answer(request: SuiteRequest): Promise<SuiteResponse> {
  switch (request.command) {
    case "environment":
      return {
        command: "environment",
        userAgent: navigator.userAgent,
        crossOriginIsolated: self.crossOriginIsolated,
        hardwareConcurrency: navigator.hardwareConcurrency,
      };
    case "postmessage-transfer":
      return {
        command: "postmessage-transfer",
        ...(await measurePostMessageTransfer(request.plan, request.limitMs)),
      };
    case "raw-opfs-write":
      return {
        command: "raw-opfs-write",
        ...(await measureRawOpfsWrites({ root: "suite-raw-opfs", ...request.options })),
      };
    case "start-cluster": {
      if (cluster !== null) stopCluster(cluster);
      cluster = await startCluster(request.nodes, request.properties);
      return {
        command: "start-cluster",
        startupMs: cluster.startupMs,
        nodeIds: cluster.nodeIds,
        // As on a cluster that has served a group before: the consumer perf test's
        // rebalance.time.ms is then its join, not the creation of __consumer_offsets.
        groupCoordinatorsMs: await prepareGroupCoordinators(
          benchKafka(cluster.host, "bench-admin"),
        ),
      };
    }
    case "create-topic": {
      const topic = `${request.prefix}-${++topics}`;
      await createTopicWithAdmin(benchKafka(current().host, "bench-admin"), topic, request.shape);
      return { command: "create-topic", topic };
    }
    case "producer-perf-test":
      return {
        command: "producer-perf-test",
        ...(await runTool(producerPerfTool, request.args, current().host)),
      };
    case "consumer-perf-test":
      return {
        command: "consumer-perf-test",
        ...(await runTool(consumerPerfTool, request.args, current().host)),
      };
    case "end-to-end-latency": {
      // bench/cluster's version, not one on the client library: it sends as Kafka's producer
      // batches (linger.ms, batch.size, 5 requests in flight per broker) and long-polls Fetch
      // as Kafka's consumer does, with the pacing precise enough for 100,000 records/s. Our
      // client producer does not reach that rate here (see the perf test's figure above), so
      // a client version would time its backlog, not the path from producer to consumer.
      const { command: _, shape, batchBytesMax, ...options } = request;
      const topic = await createBenchTopic(
        current(),
        `end-to-end-${++topics}`,
        shape.partitions,
        shape.replicationFactor,
        shape.configs,
      );
      // Only its record count is used: how many records fill a batch.size batch.
      const { records } = buildBenchBatch(batchBytesMax, options.valueBytes, 0n);
      const result = await measureEndToEndLatency(current(), topic, {
        ...options,
        recordsPerBatchMax: records,
      });
      return {
        command: "end-to-end-latency",
        topic: topic.name,
        recordsPerBatch: records,
        ...result,
      };
    }
    case "stop-cluster":
      if (cluster !== null) stopCluster(cluster);
      cluster = null;
      return { command: "stop-cluster" };
  }
}

answerRequests(answer);
