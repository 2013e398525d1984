/**
 * The admin client's settings, by Kafka's AdminClient names (`retries`, `retry.backoff.ms`,
 * `retry.backoff.max.ms`, `default.api.timeout.ms`) or KafkaJS's (`retry: { retries,
 * initialRetryTime, maxRetryTime }`), with Kafka's defaults. A Kafka name wins when both
 * are given, as it is the one Kafka's tools document.
 */
import { ConfigError } from "../cluster/client-cluster.ts";

/** KafkaJS's RetryOptions, the fields an admin client uses. */
export interface KafkaJsRetryOptions {
  /** Retries after the first attempt. */
  retries?: number;
  /** First wait between attempts, ms (KafkaJS's retry.backoff.ms). */
  initialRetryTime?: number;
  /** Longest wait between attempts, ms. */
  maxRetryTime?: number;
}

export interface AdminOptions {
  retry?: KafkaJsRetryOptions;
  /** Kafka's admin `retries` (default: no limit but the call's timeout). */
  retries?: number;
  "retry.backoff.ms"?: number;
  "retry.backoff.max.ms"?: number;
  /** How long a call may take, retries included, when it names no timeout (default 60000). */
  "default.api.timeout.ms"?: number;
}

export interface AdminSettings {
  retries: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  defaultApiTimeoutMs: number;
}

export function adminSettings(options: AdminOptions = {}): AdminSettings {
  const settings: AdminSettings = {
    retries: options.retries ?? options.retry?.retries ?? Number.MAX_SAFE_INTEGER,
    retryBackoffMs: options["retry.backoff.ms"] ?? options.retry?.initialRetryTime ?? 100,
    retryBackoffMaxMs: options["retry.backoff.max.ms"] ?? options.retry?.maxRetryTime ?? 1000,
    defaultApiTimeoutMs: options["default.api.timeout.ms"] ?? 60_000,
  };
  const byKafkaName: [string, number][] = [
    ["retries", settings.retries],
    ["retry.backoff.ms", settings.retryBackoffMs],
    ["retry.backoff.max.ms", settings.retryBackoffMaxMs],
    ["default.api.timeout.ms", settings.defaultApiTimeoutMs],
  ];
  for (const [name, value] of byKafkaName) {
    if (!Number.isInteger(value) || value < 0) {
      throw new ConfigError(`Invalid value ${value} for configuration ${name}`);
    }
  }
  return settings;
}
