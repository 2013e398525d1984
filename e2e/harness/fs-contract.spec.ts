/**
 * The FileSystem contract in real Chromium, on the two browser backends, inside a dedicated
 * worker (OPFS sync access handles exist only there), in a persistent profile (OPFS in an
 * incognito context is memory-backed, which would prove nothing about persistence).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test, type BrowserContext, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../../scripts/chromium-launch.ts";
import { FILE_SYSTEM_CONTRACT_CASES } from "../../src/log/fs/file-system-contract.ts";
import type {
  BrowserBackend,
  ContractRequest,
  ContractResponse,
} from "../../src/runtime/web-worker/testing/fs-contract-messages.ts";
import type { FsHarness } from "./fs-contract-page.ts";
import { collectPageErrors } from "../console-guard.ts";

/** The product's two backends, plus OPFS with rename forced onto its copy fallback. */
const CONTRACT_BACKENDS: BrowserBackend[] = ["opfs", "opfs-copy-rename", "indexeddb"];
const PERSISTENCE_BACKENDS: BrowserBackend[] = ["opfs", "indexeddb"];

test.describe.configure({ mode: "serial", timeout: 180_000 });

let userDataDirectory: string;
let context: BrowserContext;
let page: Page;
let expectNoPageErrors: () => void;

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
test.beforeAll(async ({}, testInfo) => {
  userDataDirectory = mkdtempSync(join(tmpdir(), "fs-contract-profile-"));
  context = await chromium.launchPersistentContext(userDataDirectory, {
    ...chromiumLaunchOptions,
    baseURL: testInfo.project.use.baseURL,
  });
  page = await context.newPage();
  expectNoPageErrors = collectPageErrors(page);
  await openHarness();
});

test.afterAll(async () => {
  await context.close();
  rmSync(userDataDirectory, { recursive: true, force: true });
});

async function openHarness(): Promise<void> {
  await page.goto("/e2e/harness/fs-contract.html");
  await expect(page.locator("body")).toHaveAttribute("data-ready", "true");
}

async function ask<Command extends ContractRequest["command"]>(
  request: ContractRequest & { command: Command },
): Promise<Extract<ContractResponse, { command: Command }>> {
  const response = await page.evaluate(
    (message) => (window as unknown as { fsHarness: FsHarness }).fsHarness.ask(message),
    request as ContractRequest,
  );
  if (response.command === "failed") throw new Error(`the worker failed: ${response.error}`);
  expect(response.command).toBe(request.command);
  return response as Extract<ContractResponse, { command: Command }>;
}

async function killWorker(): Promise<void> {
  await page.evaluate(() => (window as unknown as { fsHarness: FsHarness }).fsHarness.kill());
}

test("the contract worker has OPFS sync access handles", async () => {
  const probe = await ask({ command: "probe" });
  expect(probe.opfsAvailable).toBe(true);
});

test("IndexedDB writes behind: data reaches the database before a flush, in order", async () => {
  const { results } = await ask({ command: "run-write-behind", runId: String(Date.now()) });
  expect(results.length).toBeGreaterThan(0);
  for (const result of results) {
    await test.step(result.name, () => {
      expect.soft(result.error, result.name).toBe("");
    });
  }
});

for (const backend of CONTRACT_BACKENDS) {
  test(`every contract case passes on ${backend}`, async () => {
    const { results } = await ask({
      command: "run-contract",
      backend,
      runId: `${backend}-${Date.now()}`,
    });
    expect(results.map((result) => result.name)).toEqual(
      FILE_SYSTEM_CONTRACT_CASES.map((contractCase) => contractCase.name),
    );
    for (const result of results) {
      await test.step(`${result.name} (${result.durationMs.toFixed(0)} ms)`, () => {
        expect.soft(result.error, result.name).toBe("");
      });
    }
    expectNoPageErrors();
  });
}

for (const backend of PERSISTENCE_BACKENDS) {
  test(`flushed data on ${backend} survives a killed worker and a page reload`, async () => {
    const root = `persistence-${backend}`;
    const path = "broker-1/orders-0/00000000000000000000.log";
    const text = `flushed before the kill on ${backend}`;
    const written = await ask({ command: "write-and-flush", backend, root, path, text });
    expect(written.sizeBytes).toBe(text.length);
    await killWorker(); // the file is still open: no close, no goodbye

    await openHarness(); // a reload, and with it a new worker
    const read = await ask({ command: "read", backend, root, path });
    expect(read.text).toBe(text);
    expectNoPageErrors();
  });
}
