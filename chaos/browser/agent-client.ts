/**
 * The Node side of `window.kafkaChaos`: each call runs the agent's method in the page and
 * brings its (JSON) answer back, typed as the agent declares it.
 */
import type { Page } from "@playwright/test";
import type { ChaosAgent } from "../page-agent/agent.ts";

type Method = keyof ChaosAgent;
type Answer<M extends Method> = Awaited<ReturnType<ChaosAgent[M]>>;

export class AgentClient {
  constructor(private readonly page: Page) {}

  call<M extends Method>(method: M, ...args: Parameters<ChaosAgent[M]>): Promise<Answer<M>> {
    return this.page.evaluate(
      ({ method, args }) => {
        const agent = (
          window as unknown as { kafkaChaos: Record<string, (...a: unknown[]) => unknown> }
        ).kafkaChaos;
        return agent[method]!(...args);
      },
      { method, args: args as unknown[] },
    ) as Promise<Answer<M>>;
  }
}
