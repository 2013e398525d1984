/**
 * What every worker-harness spec sets up: the worker harness page for one named worker on
 * a persistent profile (harness-page.ts), and a check that the page ran clean. Call
 * `useHarnessSession` at the top of a spec file.
 */
import { askWorker, killWorker, openHarnessPage } from "../../scripts/worker-harness-driver.ts";
import { useHarnessPage } from "./harness-page.ts";

export interface HarnessSession {
  ask<Response extends { command: string }>(request: { command: string }): Promise<Response>;
  /** worker.terminate(): no close, no goodbye; the next ask starts a new worker. */
  kill(): Promise<void>;
  /** Reloads the page, which also ends the worker (a restart of the whole tab). */
  reload(): Promise<void>;
  expectNoPageErrors(): void;
}

export function useHarnessSession(workerName: string): HarnessSession {
  const url = `/e2e/harness/worker-harness.html?worker=${workerName}`;
  const harness = useHarnessPage(`${workerName}-profile-`, url);
  return {
    ask: (request) => askWorker(harness.page, request),
    kill: () => killWorker(harness.page),
    reload: () => openHarnessPage(harness.page, url),
    expectNoPageErrors: () => harness.expectNoPageErrors(),
  };
}
