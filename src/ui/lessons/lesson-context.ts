/**
 * What a lesson's steps can see and do: the page's state (the same store the canvas draws),
 * the page's own actions, the admin client for what the store does not keep, and a few
 * waits. Lessons never reach into the brokers any other way.
 */
import type { Admin } from "../../client/admin/admin.ts";
import * as playgroundActions from "../playground/actions.ts";
import type { ActionResult } from "../playground/actions.ts";
import { playgroundSession } from "../playground/session.ts";
import { usePlayground, type PlaygroundState } from "../store/store.ts";

export type PlaygroundActions = typeof playgroundActions;

export interface LessonContext {
  state(): PlaygroundState;
  readonly actions: PlaygroundActions;
  admin(): Admin;
  /** Resolves once `condition` holds on the store; rejects naming `what` after `timeoutMs`. */
  until(
    condition: (state: PlaygroundState) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<void>;
  sleep(ms: number): Promise<void>;
  /** The action's value, or a thrown LessonActionError with Kafka's name for what failed. */
  must<T>(result: Promise<ActionResult<T>>): Promise<T>;
}

/** An action a lesson needed failed; the lesson panel shows the Kafka name and message. */
export class LessonActionError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(`${errorName}: ${message}`);
    this.name = "LessonActionError";
  }
}

const DEFAULT_UNTIL_MS = 30_000;

export function untilState(
  store: typeof usePlayground,
  condition: (state: PlaygroundState) => boolean,
  what: string,
  timeoutMs = DEFAULT_UNTIL_MS,
): Promise<void> {
  if (condition(store.getState())) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = store.subscribe((state) => {
      if (!condition(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

export async function mustSucceed<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new LessonActionError(outcome.errorName, outcome.message);
  return outcome.value;
}

/** The context over the page's live session. */
export function pageLessonContext(store: typeof usePlayground = usePlayground): LessonContext {
  return {
    state: () => store.getState(),
    actions: playgroundActions,
    admin: () => playgroundSession().admin,
    until: (condition, what, timeoutMs) => untilState(store, condition, what, timeoutMs),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    must: mustSucceed,
  };
}
