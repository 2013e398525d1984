/**
 * Kafka's client back-off between retries (KIP-580): `retry.backoff.ms` doubling per
 * attempt up to `retry.backoff.max.ms`, with ±20 % jitter so clients that failed together
 * do not retry together.
 */
export interface BackoffConfig {
  /** retry.backoff.ms (default 100). */
  retryBackoffMs?: number;
  /** retry.backoff.max.ms (default 1000). */
  retryBackoffMaxMs?: number;
}

const JITTER = 0.2;

/** Milliseconds to wait before retry number `attempt` (0 for the first retry). */
export function backoffMs(attempt: number, config: BackoffConfig, random: () => number): number {
  const initial = config.retryBackoffMs ?? 100;
  const max = Math.max(initial, config.retryBackoffMaxMs ?? 1000);
  const exponential = Math.min(max, initial * 2 ** Math.max(0, attempt));
  const jitter = 1 - JITTER + random() * 2 * JITTER;
  return Math.round(Math.min(max, exponential * jitter));
}
