/**
 * What bench/clients/main.ts asks the client benchmark's worker, and what it answers.
 * Plain data: the answers cross into Node through Playwright.
 */
import type { TopicShape } from "../cluster/cluster-bench-messages.ts";
import type { ConsumerThroughputResult } from "./consumer-throughput.ts";
import type { FillResult } from "./fill-topic.ts";
import type { ProducerThroughputOptions, ProducerThroughputResult } from "./producer-throughput.ts";
import type { RebalanceOptions, RebalanceResult } from "./rebalance.ts";

export type ClientsBenchRequest =
  | { command: "environment" }
  | { command: "start-cluster"; nodes: number; properties: Record<string, string> }
  | ({ command: "producer-throughput"; shape: TopicShape } & Omit<
      ProducerThroughputOptions,
      "topic"
    >)
  | { command: "fill-topic"; shape: TopicShape; records: number; valueBytes: number }
  | { command: "consumer-throughput"; topic: string; records: number; stallMs: number }
  | ({ command: "rebalance"; shape: TopicShape } & Omit<
      RebalanceOptions,
      "topic" | "partitions" | "groupId"
    >)
  | { command: "stop-cluster" };

export type ClientsBenchResponse =
  | {
      command: "environment";
      userAgent: string;
      crossOriginIsolated: boolean;
      hardwareConcurrency: number;
    }
  | {
      command: "start-cluster";
      startupMs: number;
      nodeIds: number[];
      activeController: number;
      /** Until FindCoordinator answered: __consumer_offsets created. */
      groupCoordinatorsMs: number;
    }
  | ({ command: "producer-throughput"; topic: string } & ProducerThroughputResult)
  | ({ command: "fill-topic"; topic: string; partitions: number } & FillResult)
  | ({ command: "consumer-throughput"; topic: string; groupId: string } & ConsumerThroughputResult)
  | ({ command: "rebalance"; topic: string; groupId: string } & RebalanceResult)
  | { command: "stop-cluster" };
