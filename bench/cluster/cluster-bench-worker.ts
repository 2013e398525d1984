/**
 * The cluster benchmark's worker, driven by bench/cluster/main.ts through
 * bench/chromium-runner.ts. It plays the page: it holds the ClusterHost (whose node
 * workers it starts as nested dedicated workers, one per Kafka node) and runs the clients
 * over the Transports ClusterHost.connect gives, as the playground's page does.
 */
import { answerRequests } from "../../src/runtime/web-worker/testing/worker-requests.ts";
import { buildBenchBatch, type BenchBatch } from "../log/bench-batch.ts";
import {
  activeController,
  createBenchTopic,
  startCluster,
  stopCluster,
  type BenchCluster,
} from "./bench-cluster.ts";
import type {
  ClusterBenchRequest,
  ClusterBenchResponse,
  TopicShape,
} from "./cluster-bench-messages.ts";
import { measureEndToEndLatency } from "./end-to-end-latency.ts";
import { measureFailover } from "./failover.ts";
import { measureProduceThroughput } from "./produce-throughput.ts";

let cluster: BenchCluster | null = null;
let batch: BenchBatch | null = null;
let topics = 0;

function current(): BenchCluster {
  if (cluster === null) throw new Error("no cluster: ask start-cluster first");
  return cluster;
}

function currentBatch(): BenchBatch {
  if (batch === null) throw new Error("ask environment first: it builds the batch");
  return batch;
}

function newTopic(prefix: string, shape: TopicShape) {
  topics++;
  return createBenchTopic(
    current(),
    `${prefix}-${topics}`,
    shape.partitions,
    shape.replicationFactor,
    shape.configs,
  );
}

async function answer(request: ClusterBenchRequest): Promise<ClusterBenchResponse> {
  switch (request.command) {
    case "environment":
      // Every batch of one run shares one timestamp: it is built once and reused.
      batch = buildBenchBatch(request.batchBytesMax, request.valueBytes, BigInt(Date.now()));
      return {
        command: "environment",
        userAgent: navigator.userAgent,
        crossOriginIsolated: self.crossOriginIsolated,
        hardwareConcurrency: navigator.hardwareConcurrency,
        batchBytes: batch.bytes.length,
        recordsPerBatch: batch.records,
      };
    case "start-cluster": {
      if (cluster !== null) stopCluster(cluster);
      cluster = await startCluster(request.nodes, request.properties);
      return {
        command: "start-cluster",
        startupMs: cluster.startupMs,
        nodeIds: cluster.nodeIds,
        activeController: await activeController(cluster),
      };
    }
    case "produce-throughput": {
      const topic = await newTopic(`perf-acks${request.acks}`, request.topic);
      const result = await measureProduceThroughput(current(), topic.leaders, currentBatch(), {
        topic: topic.name,
        acks: request.acks,
        warmupMs: request.warmupMs,
        measureMs: request.measureMs,
        requestTimeoutMs: request.requestTimeoutMs,
      });
      return { command: "produce-throughput", leaders: topic.leaders, ...result };
    }
    case "end-to-end-latency": {
      const topic = await newTopic("e2e", request.topic);
      const valueBytes = 100;
      const result = await measureEndToEndLatency(current(), topic, {
        acks: request.acks,
        recordsPerSecond: request.recordsPerSecond,
        warmupMs: request.warmupMs,
        measureMs: request.measureMs,
        valueBytes,
        recordsPerBatchMax: currentBatch().records,
        requestTimeoutMs: request.requestTimeoutMs,
        drainLimitMs: 10_000,
        maxLagMs: 1000,
        lingerMs: request.lingerMs,
      });
      return { command: "end-to-end-latency", leaders: topic.leaders, ...result };
    }
    case "failover": {
      const topic = await newTopic("failover", request.topic);
      const result = await measureFailover(current(), topic, currentBatch(), request);
      return { command: "failover", ...result };
    }
    case "stop-cluster":
      if (cluster !== null) stopCluster(cluster);
      cluster = null;
      return { command: "stop-cluster" };
  }
}

answerRequests(answer);
