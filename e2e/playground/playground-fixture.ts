/**
 * What every playground spec gets: the production build in a persistent Chromium profile
 * (real OPFS, so a reload finds the cluster again), 1280×800, a check that the page ran
 * without console errors, and a place for each state's screenshot among the test's
 * artifacts.
 */
import {
  test as base,
  chromium,
  expect,
  type BrowserContext,
  type Page,
  type TestInfo,
} from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumLaunchOptions } from "../../scripts/chromium-launch.ts";
import { collectPageErrors } from "../console-guard.ts";

export interface PlaygroundFixtures {
  context: BrowserContext;
  page: Page;
  /** Saves a full-page screenshot named `name` among the test's artifacts. */
  snapshot: (name: string) => Promise<void>;
}

/** Runs `use` with a persistent Chromium profile of its own, deleted afterwards. */
export async function withPlaygroundContext(
  baseURL: string | undefined,
  use: (context: BrowserContext) => Promise<void>,
): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), "playground-profile-"));
  const persistent = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions,
    baseURL,
    viewport: { width: 1280, height: 800 },
  });
  await use(persistent);
  await persistent.close();
  rmSync(profile, { recursive: true, force: true });
}

/** The context's page, failing the test on any console error while the test used it. */
export async function usePageWithoutErrors(
  context: BrowserContext,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const expectNoErrors = collectPageErrors(page);
  await use(page);
  expectNoErrors();
}

/** The `snapshot` fixture: full-page screenshots among the test's artifacts. */
export async function snapshotFixture(
  { page }: { page: Page },
  use: (snapshot: PlaygroundFixtures["snapshot"]) => Promise<void>,
  testInfo: TestInfo,
): Promise<void> {
  await use(async (name) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  });
}

export const test = base.extend<PlaygroundFixtures>({
  context: async ({ baseURL }, use) => withPlaygroundContext(baseURL, use),
  page: async ({ context }, use) => usePageWithoutErrors(context, use),
  snapshot: snapshotFixture,
});

export { expect };

/** Opens the page and waits until the cluster is up: three brokers alive, one controller. */
export async function openPlayground(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.locator('[data-testid^="broker-"][data-state="alive"]')).toHaveCount(3, {
    timeout: 60_000,
  });
  await expect(page.locator('[data-testid^="broker-"][data-controller="true"]')).toHaveCount(1);
}
