/**
 * The spec side of the bad-input harness page: a persistent Chromium profile (OPFS in an
 * incognito context is memory-backed), the page, and typed calls into `window.badInput`.
 * Call `useBadInputSession` at the top of a spec file.
 */
import { test, type Page } from "@playwright/test";
import {
  launchPersistentChromium,
  openHarnessPage,
  type PersistentChromium,
} from "../../scripts/worker-harness-driver.ts";
import { collectPageErrors } from "../console-guard.ts";
import type { BadInputHarness } from "./bad-input-page.ts";

export const BAD_INPUT_URL = "/e2e/harness/bad-input.html";

type Method = keyof BadInputHarness;
type Result<M extends Method> = Awaited<ReturnType<BadInputHarness[M]>>;

/** Calls `window.badInput[method](...args)` in the page. */
export function call<M extends Method>(
  page: Page,
  method: M,
  ...args: Parameters<BadInputHarness[M]>
): Promise<Result<M>> {
  return page.evaluate(
    ([name, list]) => {
      const harness = (
        window as unknown as { badInput: Record<string, (...a: unknown[]) => unknown> }
      ).badInput;
      return harness[name]!(...list);
    },
    [method, args] as [string, unknown[]],
  ) as Promise<Result<M>>;
}

export interface BadInputSession {
  readonly chromium: PersistentChromium;
  readonly page: Page;
  expectNoPageErrors(): void;
}

export function useBadInputSession(profilePrefix: string): BadInputSession {
  let chromium: PersistentChromium | null = null;
  let expectNoPageErrors: () => void = () => {
    throw new Error("the bad-input session has not started");
  };

  // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
  test.beforeAll(async ({}, testInfo) => {
    chromium = await launchPersistentChromium({
      profilePrefix,
      baseURL: testInfo.project.use.baseURL,
    });
    expectNoPageErrors = collectPageErrors(chromium.page);
    await openHarnessPage(chromium.page, BAD_INPUT_URL);
  });

  test.afterAll(async () => {
    if (chromium === null) return;
    await call(chromium.page, "dispose").catch(() => {});
    await chromium.close();
  });

  const started = (): PersistentChromium => {
    if (chromium === null) throw new Error("the bad-input session has not started");
    return chromium;
  };
  return {
    get chromium() {
      return started();
    },
    get page() {
      return started().page;
    },
    expectNoPageErrors: () => expectNoPageErrors(),
  };
}
