/**
 * What the harness specs share: a persistent Chromium profile for the file's tests (OPFS in
 * an incognito context is memory-backed) with a harness page open and a check that it ran
 * clean, and typed calls into the object a harness page puts on `window`.
 */
import { test, type Page } from "@playwright/test";
import {
  launchPersistentChromium,
  openHarnessPage,
  type PersistentChromium,
} from "../../scripts/worker-harness-driver.ts";
import { collectPageErrors } from "../console-guard.ts";

/** Calls `window[global][method](...args)` in the page; the typed wrappers say what comes back. */
export function callHarness(
  page: Page,
  global: string,
  method: string,
  args: unknown[],
): Promise<unknown> {
  return page.evaluate(
    ([name, property, list]) => {
      const harnesses = window as unknown as Record<
        string,
        Record<string, (...a: unknown[]) => unknown>
      >;
      return harnesses[name]![property]!(...list);
    },
    [global, method, args] as [string, string, unknown[]],
  );
}

export interface HarnessPage {
  readonly chromium: PersistentChromium;
  readonly page: Page;
  expectNoPageErrors(): void;
}

/**
 * Opens `url` on a fresh persistent profile before the file's tests and closes it after
 * them (running `beforeClose` first, if given).
 */
export function useHarnessPage(
  profilePrefix: string,
  url: string,
  beforeClose?: (page: Page) => Promise<unknown>,
): HarnessPage {
  let chromium: PersistentChromium | null = null;
  let expectNoPageErrors: () => void = () => {
    throw new Error("the harness page has not opened");
  };

  // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
  test.beforeAll(async ({}, testInfo) => {
    chromium = await launchPersistentChromium({
      profilePrefix,
      baseURL: testInfo.project.use.baseURL,
    });
    expectNoPageErrors = collectPageErrors(chromium.page);
    await openHarnessPage(chromium.page, url);
  });

  test.afterAll(async () => {
    if (chromium === null) return;
    await beforeClose?.(chromium.page).catch(() => {});
    await chromium.close();
  });

  const opened = (): PersistentChromium => {
    if (chromium === null) throw new Error("the harness page has not opened");
    return chromium;
  };
  return {
    get chromium() {
      return opened();
    },
    get page() {
      return opened().page;
    },
    expectNoPageErrors: () => expectNoPageErrors(),
  };
}
