/**
 * The lesson specs' fixtures: like the playground's, except that the lessons of one
 * Playwright worker share one browser profile, so one lesson starts on the cluster the
 * previous one left, as a learner's "Next lesson" does. Each lesson's setup rebuilds what
 * it needs (brokers, topics, groups), so the order of lessons does not matter; the
 * cluster's first boot, the slowest part of opening the page, happens once. After a
 * failure Playwright starts a new worker, and the next lesson a fresh profile.
 */
import { test as base, type BrowserContext, type Page } from "@playwright/test";
import {
  expect,
  snapshotFixture,
  usePageWithoutErrors,
  withPlaygroundContext,
  type PlaygroundFixtures,
} from "../playground/playground-fixture.ts";

export const test = base.extend<
  Omit<PlaygroundFixtures, "context">,
  { sharedContext: BrowserContext }
>({
  sharedContext: [
    // Playwright reads a fixture's dependencies from its first parameter: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => withPlaygroundContext(workerInfo.project.use.baseURL, use),
    { scope: "worker" },
  ],
  page: async ({ sharedContext }, use) => usePageWithoutErrors(sharedContext, use),
  snapshot: snapshotFixture,
});

export { expect, type Page };
