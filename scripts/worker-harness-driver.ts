/**
 * The Node side of a worker harness (src/runtime/web-worker/testing/worker-harness.ts),
 * shared by the Playwright specs in e2e/harness/ and the browser benchmarks in bench/:
 * a persistent Chromium profile, and asking or killing the page's current worker.
 *
 * Persistent, because OPFS in an incognito context is memory-backed (DESIGN.md section 6):
 * a test of persistence or a storage benchmark there would measure nothing real.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium-launch.ts";

export interface PersistentChromium {
  context: BrowserContext;
  page: Page;
  userDataDirectory: string;
  /** Closes the browser and removes the profile. */
  close(): Promise<void>;
}

/** Headless Chromium on a fresh profile in the temp directory, with one page open. */
export async function launchPersistentChromium(options: {
  profilePrefix: string;
  baseURL?: string;
}): Promise<PersistentChromium> {
  const userDataDirectory = mkdtempSync(join(tmpdir(), options.profilePrefix));
  const context = await chromium.launchPersistentContext(userDataDirectory, {
    ...chromiumLaunchOptions,
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    userDataDirectory,
    async close() {
      await context.close();
      rmSync(userDataDirectory, { recursive: true, force: true });
    },
  };
}

/** Loads a page that installs the worker harness and waits until it has. */
export async function openHarnessPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { state: "attached" });
}

interface WorkerHarnessWindow {
  workerHarness: { ask(request: unknown): Promise<unknown>; kill(): void };
}

/**
 * Sends `request` to the page's current worker (starting one if there is none) and returns
 * its answer; throws the worker's error when it answered `failed`, or a mismatch.
 */
export async function askWorker<Response extends { command: string }>(
  page: Page,
  request: { command: string },
): Promise<Response> {
  const response = (await page.evaluate(
    (message) => (window as unknown as WorkerHarnessWindow).workerHarness.ask(message),
    request,
  )) as { command: string; error?: string };
  if (response.command === "failed") throw new Error(`the worker failed: ${response.error}`);
  if (response.command !== request.command) {
    throw new Error(`asked "${request.command}", the worker answered "${response.command}"`);
  }
  return response as Response;
}

/** worker.terminate() on the page's current worker: the next ask starts a new one. */
export async function killWorker(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as WorkerHarnessWindow).workerHarness.kill());
}
