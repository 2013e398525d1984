/**
 * What the page sends the file-system contract worker, and what it answers. Shared by the
 * worker (fs-contract-worker.ts) and the Playwright harness page that drives it.
 */
import type { ContractCaseResult } from "../../../log/fs/file-system-contract.ts";
import type { BrowserBackend } from "./browser-backends.ts";
import type { FailedResponse } from "./worker-requests.ts";

export type { BrowserBackend };

export type ContractRequest =
  /** Whether this worker has OPFS sync access handles. */
  | { command: "probe" }
  /** Runs every contract case, each on a fresh root named after `runId`. */
  | { command: "run-contract"; backend: BrowserBackend; runId: string }
  /** Runs the IndexedDB write-behind checks, each on a fresh database. */
  | { command: "run-write-behind"; runId: string }
  /** Writes `text` to `path` under `root` and flushes, leaving the file open (for a kill). */
  | {
      command: "write-and-flush";
      backend: BrowserBackend;
      root: string;
      path: string;
      text: string;
    }
  /** Reads the file back whole. */
  | { command: "read"; backend: BrowserBackend; root: string; path: string };

export type ContractResponse =
  | { command: "probe"; opfsAvailable: boolean }
  | { command: "run-contract"; results: ContractCaseResult[] }
  | { command: "run-write-behind"; results: ContractCaseResult[] }
  | { command: "write-and-flush"; sizeBytes: number }
  | { command: "read"; text: string }
  | FailedResponse;
