/**
 * What bench/cluster/main.ts asks the benchmark's worker, and what it answers. Plain data:
 * the answers cross into Node through Playwright.
 */
import type { EndToEndResult } from "./end-to-end-latency.ts";
import type { FailoverResult } from "./failover.ts";
import type { PartitionLeader } from "./cluster-requests.ts";
import type { ThroughputResult } from "./produce-throughput.ts";

export interface TopicShape {
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export type ClusterBenchRequest =
  | { command: "environment"; batchBytesMax: number; valueBytes: number }
  | { command: "start-cluster"; nodes: number; properties: Record<string, string> }
  | {
      command: "produce-throughput";
      topic: TopicShape;
      acks: number;
      warmupMs: number;
      measureMs: number;
      requestTimeoutMs: number;
    }
  | {
      command: "end-to-end-latency";
      topic: TopicShape;
      acks: number;
      recordsPerSecond: number;
      lingerMs: number;
      warmupMs: number;
      measureMs: number;
      requestTimeoutMs: number;
    }
  | {
      command: "failover";
      topic: TopicShape;
      sessionTimeoutMs: number;
      produceBeforeKillMs: number;
      retryBackoffMs: number;
      requestTimeoutMs: number;
      limitMs: number;
    }
  | { command: "stop-cluster" };

export type ClusterBenchResponse =
  | {
      command: "environment";
      userAgent: string;
      crossOriginIsolated: boolean;
      hardwareConcurrency: number;
      batchBytes: number;
      recordsPerBatch: number;
    }
  | { command: "start-cluster"; startupMs: number; nodeIds: number[]; activeController: number }
  | ({ command: "produce-throughput"; leaders: PartitionLeader[] } & ThroughputResult)
  | ({ command: "end-to-end-latency"; leaders: PartitionLeader[] } & EndToEndResult)
  | ({ command: "failover" } & FailoverResult)
  | { command: "stop-cluster" };
