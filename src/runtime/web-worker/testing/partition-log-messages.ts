/**
 * What the page sends the partition log worker, and what it answers. Shared by the worker
 * (partition-log-worker.ts) and e2e/harness/partition-log.spec.ts.
 */
import type { ContractCaseResult } from "../../../log/fs/file-system-contract.ts";
import type {
  RecoveredAfterKill,
  WrittenBeforeKill,
} from "../../../log/testing/partition-log-kill-scenario.ts";
import type { BrowserBackend } from "./browser-backends.ts";
import type { FailedResponse } from "./worker-requests.ts";

export type PartitionLogRequest =
  /** Runs every partition log scenario, each on a fresh root named after `runId`. */
  | { command: "run-scenarios"; backend: BrowserBackend; runId: string }
  /** Writes the kill scenario's log under `root` and leaves it open for the kill. */
  | { command: "write-until-killed"; backend: BrowserBackend; root: string }
  /** In a new worker after the kill: reopens that log and checks it. */
  | {
      command: "recover-after-kill";
      backend: BrowserBackend;
      root: string;
      written: WrittenBeforeKill;
    };

export type PartitionLogResponse =
  | { command: "run-scenarios"; results: ContractCaseResult[] }
  | { command: "write-until-killed"; written: WrittenBeforeKill }
  | { command: "recover-after-kill"; recovered: RecoveredAfterKill }
  | FailedResponse;
