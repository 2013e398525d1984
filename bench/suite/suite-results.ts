/** What one run of the suite measured: plain data, saved whole in the JSON. */
import type { EndToEndResult } from "../cluster/end-to-end-latency.ts";
import type { PostMessageTransferResult } from "../physical/postmessage-transfer.ts";
import type { RawOpfsResult } from "../physical/raw-opfs-throughput.ts";
import type { ConsumerPerfTotal, ProducerPerfTotal } from "./perf-lines.ts";
import type { ToolRun } from "./tool-run.ts";
import type { UiFramesResult } from "./ui-frames.ts";

export interface ProducerRun {
  acks: string;
  topic: string;
  command: string;
  run: ToolRun;
  /** The tool's total line read back; null when it printed none. */
  total: ProducerPerfTotal | null;
}

export interface ConsumerRun {
  topic: string;
  command: string;
  run: ToolRun;
  total: ConsumerPerfTotal | null;
}

export interface WorkerResults {
  environment: { userAgent: string; crossOriginIsolated: boolean; hardwareConcurrency: number };
  clusterStartupMs: number;
  postMessage: PostMessageTransferResult;
  rawOpfs: RawOpfsResult;
  producer: ProducerRun[];
  consumer: ConsumerRun;
  endToEnd: EndToEndResult;
}

/** The page's run, or why it could not run (the build failed, the page never got ready). */
export type UiOutcome = ({ ok: true } & UiFramesResult) | { ok: false; error: string };

export interface SuiteResults extends WorkerResults {
  ui: UiOutcome;
}
