/**
 * What the playground page hands the chaos agent on `window.kafkaPlayground` (src/main.tsx):
 * the store the page draws from, the actions its controls call, and the running session.
 */
import type * as PlaygroundActions from "../../src/ui/playground/actions.ts";
import type { PlaygroundSession } from "../../src/ui/playground/session.ts";
import type { usePlayground } from "../../src/ui/store/store.ts";

export interface PlaygroundHandles {
  store: typeof usePlayground;
  actions: typeof PlaygroundActions;
  session(): PlaygroundSession | null;
}

export function playgroundHandles(): PlaygroundHandles {
  const handles = (window as unknown as { kafkaPlayground?: PlaygroundHandles }).kafkaPlayground;
  if (handles === undefined)
    throw new Error("window.kafkaPlayground is missing: not the playground page");
  return handles;
}

export function runningSession(): PlaygroundSession {
  const session = playgroundHandles().session();
  if (session === null) throw new Error("the playground session has not started");
  return session;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `ready` every `everyMs` until it holds; throws `what` after `timeoutMs`. */
export async function waitUntil(
  ready: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
  everyMs = 250,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await ready())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(everyMs);
  }
}

/** `work`, or an error once `ms` passed (a client call into a cut network can wait long). */
export function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms),
    ),
  ]);
}
