/**
 * What every harness spec sets up: a persistent Chromium profile (OPFS in an incognito
 * context is memory-backed), the worker harness page for one named worker, and a check
 * that the page ran clean. Call `useHarnessSession` at the top of a spec file.
 */
import { test } from "@playwright/test";
import {
  askWorker,
  killWorker,
  launchPersistentChromium,
  openHarnessPage,
  type PersistentChromium,
} from "../../scripts/worker-harness-driver.ts";
import { collectPageErrors } from "../console-guard.ts";

export interface HarnessSession {
  ask<Response extends { command: string }>(request: { command: string }): Promise<Response>;
  /** worker.terminate(): no close, no goodbye; the next ask starts a new worker. */
  kill(): Promise<void>;
  /** Reloads the page, which also ends the worker (a restart of the whole tab). */
  reload(): Promise<void>;
  expectNoPageErrors(): void;
}

export function useHarnessSession(workerName: string): HarnessSession {
  let chromium: PersistentChromium;
  let expectNoPageErrors: () => void = () => {
    throw new Error("the harness session has not started");
  };
  const url = `/e2e/harness/worker-harness.html?worker=${workerName}`;

  // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
  test.beforeAll(async ({}, testInfo) => {
    chromium = await launchPersistentChromium({
      profilePrefix: `${workerName}-profile-`,
      baseURL: testInfo.project.use.baseURL,
    });
    expectNoPageErrors = collectPageErrors(chromium.page);
    await openHarnessPage(chromium.page, url);
  });

  test.afterAll(async () => {
    await chromium?.close();
  });

  return {
    ask: (request) => askWorker(chromium.page, request),
    kill: () => killWorker(chromium.page),
    reload: () => openHarnessPage(chromium.page, url),
    expectNoPageErrors: () => expectNoPageErrors(),
  };
}
