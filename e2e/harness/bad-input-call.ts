/**
 * The spec side of the bad-input harness page: the page on a persistent profile
 * (harness-page.ts) and typed calls into `window.badInput`. Call `useBadInputSession` at the
 * top of a spec file.
 */
import type { Page } from "@playwright/test";
import type { BadInputHarness } from "./bad-input-page.ts";
import { callHarness, useHarnessPage, type HarnessPage } from "./harness-page.ts";

export const BAD_INPUT_URL = "/e2e/harness/bad-input.html";

type Methods = keyof BadInputHarness;

/** Calls `window.badInput[method](...args)` in the page. */
export function call<M extends Methods>(
  page: Page,
  method: M,
  ...args: Parameters<BadInputHarness[M]>
): Promise<Awaited<ReturnType<BadInputHarness[M]>>> {
  return callHarness(page, "badInput", method, args) as Promise<
    Awaited<ReturnType<BadInputHarness[M]>>
  >;
}

export type BadInputSession = HarnessPage;

export function useBadInputSession(profilePrefix: string): BadInputSession {
  return useHarnessPage(profilePrefix, BAD_INPUT_URL, (page) => call(page, "dispose"));
}
