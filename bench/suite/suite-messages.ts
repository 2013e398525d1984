/**
 * What bench/suite/main.ts asks the suite's worker, and what it answers. Plain data: the
 * answers cross into Node through Playwright.
 */
import type { TopicShape } from "../cluster/cluster-bench-messages.ts";
import type { EndToEndResult } from "../cluster/end-to-end-latency.ts";
import type { TransferPlan } from "../physical/postmessage-protocol.ts";
import type { PostMessageTransferResult } from "../physical/postmessage-transfer.ts";
import type { RawOpfsOptions, RawOpfsResult } from "../physical/raw-opfs-throughput.ts";
import type { ToolRun } from "./tool-run.ts";

export interface EndToEndRequest {
  acks: number;
  recordsPerSecond: number;
  lingerMs: number;
  batchBytesMax: number;
  valueBytes: number;
  warmupMs: number;
  measureMs: number;
  maxLagMs: number;
  drainLimitMs: number;
  requestTimeoutMs: number;
}

export type SuiteRequest =
  | { command: "environment" }
  | { command: "postmessage-transfer"; plan: TransferPlan; limitMs: number }
  | { command: "raw-opfs-write"; options: Omit<RawOpfsOptions, "root"> }
  | { command: "start-cluster"; nodes: number; properties: Record<string, string> }
  | { command: "create-topic"; prefix: string; shape: TopicShape }
  | { command: "producer-perf-test"; args: string[] }
  | { command: "consumer-perf-test"; args: string[] }
  | ({ command: "end-to-end-latency"; shape: TopicShape } & EndToEndRequest)
  | { command: "stop-cluster" };

export type SuiteResponse =
  | {
      command: "environment";
      userAgent: string;
      crossOriginIsolated: boolean;
      hardwareConcurrency: number;
    }
  | ({ command: "postmessage-transfer" } & PostMessageTransferResult)
  | ({ command: "raw-opfs-write" } & RawOpfsResult)
  | {
      command: "start-cluster";
      startupMs: number;
      nodeIds: number[];
      /** Until FindCoordinator answered: __consumer_offsets created. */
      groupCoordinatorsMs: number;
    }
  | { command: "create-topic"; topic: string }
  | ({ command: "producer-perf-test" } & ToolRun)
  | ({ command: "consumer-perf-test" } & ToolRun)
  | ({ command: "end-to-end-latency"; topic: string; recordsPerBatch: number } & EndToEndResult)
  | { command: "stop-cluster" };

export type SuiteAnswer<Command extends SuiteRequest["command"]> = Extract<
  SuiteResponse,
  { command: Command }
>;
