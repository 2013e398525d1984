/**
 * How an admin call retries, as Kafka's AdminClient does: every call has a deadline (its
 * own timeout, else default.api.timeout.ms), a retriable failure — a lost connection, a
 * request timeout, NOT_CONTROLLER, NOT_LEADER_OR_FOLLOWER, NOT_COORDINATOR and the like —
 * is tried again after `retry.backoff.ms` doubling up to `retry.backoff.max.ms`, and once
 * the deadline or `retries` is reached the last failure is what the caller gets. Calls
 * that name several topics, partitions or groups retry only the ones that failed.
 */
import { isRetriable } from "../kafka-error.ts";
import { backoffMs } from "../cluster/backoff.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import type { AdminSettings } from "./admin-options.ts";

export interface AdminContext {
  cluster: ClientCluster;
  settings: AdminSettings;
}

/** The node time by which a call must be done: `timeoutMs` from now, else default.api.timeout.ms. */
export function deadlineAfter(context: AdminContext, timeoutMs?: number): number {
  return context.cluster.io.nowMs() + (timeoutMs ?? context.settings.defaultApiTimeoutMs);
}

/** A request's timeout: request.timeout.ms, but never past the call's deadline. */
export function requestTimeout(context: AdminContext, deadlineMs: number): { timeoutMs: number } {
  const remaining = deadlineMs - context.cluster.io.nowMs();
  return { timeoutMs: Math.max(1, Math.min(context.cluster.requestTimeoutMs, remaining)) };
}

/** Waits before retry `attempt` (0 for the first), or returns false when no retry fits the deadline. */
async function backOff(
  context: AdminContext,
  attempt: number,
  deadlineMs: number,
): Promise<boolean> {
  if (attempt >= context.settings.retries) return false;
  const { cluster, settings } = context;
  const wait = backoffMs(attempt, settings, cluster.io.random);
  if (cluster.io.nowMs() + wait >= deadlineMs) return false;
  await cluster.sleep(wait);
  return true;
}

/** Runs `attempt` until it succeeds or fails in a way not worth retrying. */
export async function retrying<T>(
  context: AdminContext,
  deadlineMs: number,
  attempt: (attemptNumber: number) => Promise<T>,
): Promise<T> {
  for (let attemptNumber = 0; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!isRetriable(error) || !(await backOff(context, attemptNumber, deadlineMs))) throw error;
    }
  }
}

/** Each item's outcome: its value, or the error it failed with. */
export type Outcome<V> = { ok: true; value: V } | { ok: false; error: Error };

export const succeeded = <V>(value: V): Outcome<V> => ({ ok: true, value });
export const failed = <V>(error: Error): Outcome<V> => ({ ok: false, error });

/**
 * Settles every key: `round` is sent the keys still pending and answers an outcome for
 * each; keys that failed retriably go into the next round after a back-off, until the
 * deadline. A round that throws retriably (its broker went away) retries all its keys.
 */
export async function settleEach<K, V>(
  context: AdminContext,
  deadlineMs: number,
  keys: readonly K[],
  round: (pending: K[], attemptNumber: number) => Promise<Map<K, Outcome<V>>>,
): Promise<Map<K, Outcome<V>>> {
  const settled = new Map<K, Outcome<V>>();
  let pending = [...new Set(keys)];
  for (let attemptNumber = 0; pending.length > 0; attemptNumber++) {
    // The keys to try again, each with the failure it had this round.
    const retry = new Map<K, Error>();
    try {
      const outcomes = await round(pending, attemptNumber);
      for (const key of pending) {
        const outcome = outcomes.get(key);
        if (outcome === undefined) throw new Error(`no outcome for ${String(key)}`);
        if (!outcome.ok && isRetriable(outcome.error)) retry.set(key, outcome.error);
        else settled.set(key, outcome);
      }
    } catch (error) {
      if (!isRetriable(error)) throw error;
      for (const key of pending) retry.set(key, error as Error);
    }
    if (retry.size > 0 && !(await backOff(context, attemptNumber, deadlineMs))) {
      // Out of time or retries: each key keeps the failure it last had.
      for (const [key, error] of retry) settled.set(key, failed(error));
      break;
    }
    pending = [...retry.keys()];
  }
  return settled;
}

/** The values of `outcomes` in key order, or the first failure thrown. */
export function valuesOrThrow<K, V>(keys: readonly K[], outcomes: Map<K, Outcome<V>>): V[] {
  return keys.map((key) => {
    const outcome = outcomes.get(key);
    if (outcome === undefined) throw new Error(`no outcome for ${String(key)}`);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  });
}
