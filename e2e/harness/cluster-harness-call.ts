/** Calls into the cluster harness page (`window.clusterHarness`) from a spec. */
import type { Page } from "@playwright/test";
import type { ClusterHarness } from "../../src/runtime/web-worker/testing/cluster-harness-page.ts";
import { callHarness } from "./harness-page.ts";

export const CLUSTER_HARNESS_URL = "/src/runtime/web-worker/testing/cluster-harness.html";

type Methods = keyof ClusterHarness;

/** Calls `window.clusterHarness[method](...args)` in the page. */
export function call<M extends Methods>(
  page: Page,
  method: M,
  ...args: Parameters<ClusterHarness[M]>
): Promise<Awaited<ReturnType<ClusterHarness[M]>>> {
  return callHarness(page, "clusterHarness", method, args) as Promise<
    Awaited<ReturnType<ClusterHarness[M]>>
  >;
}
