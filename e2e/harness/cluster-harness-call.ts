/** Calls into the cluster harness page (`window.clusterHarness`) from a spec. */
import type { Page } from "@playwright/test";
import type { ClusterHarness } from "../../src/runtime/web-worker/testing/cluster-harness-page.ts";

export const CLUSTER_HARNESS_URL = "/src/runtime/web-worker/testing/cluster-harness.html";

type Method = keyof ClusterHarness;
type Result<M extends Method> = Awaited<ReturnType<ClusterHarness[M]>>;

/** Calls `window.clusterHarness[method](...args)` in the page. */
export function call<M extends Method>(
  page: Page,
  method: M,
  ...args: Parameters<ClusterHarness[M]>
): Promise<Result<M>> {
  return page.evaluate(
    ([name, list]) => {
      const harness = (
        window as unknown as { clusterHarness: Record<string, (...a: unknown[]) => unknown> }
      ).clusterHarness;
      return harness[name]!(...list);
    },
    [method, args] as [string, unknown[]],
  ) as Promise<Result<M>>;
}
