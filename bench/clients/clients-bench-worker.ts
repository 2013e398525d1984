/**
 * The client benchmark's worker, driven by bench/clients/main.ts through
 * bench/chromium-runner.ts. It plays the page: it holds the ClusterHost (three node
 * workers on OPFS, as bench:cluster starts them) and runs our client library on it exactly
 * as the playground does, `new Kafka({ brokers, transport: pageClientIo(host) })`.
 */
import { answerRequests } from "../../src/runtime/web-worker/testing/worker-requests.ts";
import type { TopicShape } from "../cluster/cluster-bench-messages.ts";
import {
  activeController,
  startCluster,
  stopCluster,
  type BenchCluster,
} from "../cluster/bench-cluster.ts";
import { benchKafka, createTopicWithAdmin, prepareGroupCoordinators } from "./bench-kafka.ts";
import type { ClientsBenchRequest, ClientsBenchResponse } from "./clients-bench-messages.ts";
import { measureConsumerThroughput } from "./consumer-throughput.ts";
import { fillTopic } from "./fill-topic.ts";
import { measureProducerThroughput } from "./producer-throughput.ts";
import { measureRebalance } from "./rebalance.ts";

let cluster: BenchCluster | null = null;
/** Numbers topics and groups, so every run starts on fresh ones. */
let runs = 0;

function kafka(clientId: string) {
  if (cluster === null) throw new Error("no cluster: ask start-cluster first");
  return benchKafka(cluster.host, clientId);
}

async function newTopic(prefix: string, shape: TopicShape): Promise<string> {
  const name = `${prefix}-${++runs}`;
  await createTopicWithAdmin(kafka("bench-admin"), name, shape);
  return name;
}

async function answer(request: ClientsBenchRequest): Promise<ClientsBenchResponse> {
  switch (request.command) {
    case "environment":
      return {
        command: "environment",
        userAgent: navigator.userAgent,
        crossOriginIsolated: self.crossOriginIsolated,
        hardwareConcurrency: navigator.hardwareConcurrency,
      };
    case "start-cluster": {
      if (cluster !== null) stopCluster(cluster);
      cluster = await startCluster(request.nodes, request.properties);
      return {
        command: "start-cluster",
        startupMs: cluster.startupMs,
        nodeIds: cluster.nodeIds,
        activeController: await activeController(cluster),
        groupCoordinatorsMs: await prepareGroupCoordinators(kafka("bench-admin")),
      };
    }
    case "producer-throughput": {
      const { command: _, shape, ...options } = request;
      const topic = await newTopic(`producer-acks${options.acks}`, shape);
      const result = await measureProducerThroughput(kafka("producer-perf-test"), {
        topic,
        ...options,
      });
      return { command: "producer-throughput", topic, ...result };
    }
    case "fill-topic": {
      const topic = await newTopic(`filled-${request.shape.partitions}p`, request.shape);
      const result = await fillTopic(kafka("filler"), topic, request.records, request.valueBytes);
      return { command: "fill-topic", topic, partitions: request.shape.partitions, ...result };
    }
    case "consumer-throughput": {
      const groupId = `consumer-perf-${++runs}`;
      const result = await measureConsumerThroughput(kafka("consumer-perf-test"), {
        topic: request.topic,
        groupId,
        records: request.records,
        stallMs: request.stallMs,
      });
      return { command: "consumer-throughput", topic: request.topic, groupId, ...result };
    }
    case "rebalance": {
      const { command: _, shape, ...options } = request;
      const topic = await newTopic(`rebalance-${options.strategy}`, shape);
      const groupId = `rebalancing-${runs}`;
      const result = await measureRebalance(kafka("rebalance-bench"), {
        topic,
        partitions: shape.partitions,
        groupId,
        ...options,
      });
      return { command: "rebalance", topic, groupId, ...result };
    }
    case "stop-cluster":
      if (cluster !== null) stopCluster(cluster);
      cluster = null;
      return { command: "stop-cluster" };
  }
}

answerRequests(answer);
