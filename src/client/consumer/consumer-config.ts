/**
 * The consumer's settings under both names a learner may know them by: KafkaJS's option
 * names and Kafka's Java config keys, the Java key winning when both are given. Defaults
 * are Kafka's (so fetch.max.wait.ms is 500, not KafkaJS's 5000). A bad value is refused
 * when the consumer is built, with Kafka's wording, as Java's ConfigDef does.
 */
import { ConfigError } from "../cluster/client-cluster.ts";
import type { ConsumerRebalanceListener } from "./consumer-types.ts";

export type OffsetResetStrategy = "earliest" | "latest" | "none";
export type IsolationLevel = "read_uncommitted" | "read_committed";

type NumberSetting = number | string;
type BooleanSetting = boolean | string;

export interface ConsumerOptions {
  groupId?: string;
  "group.id"?: string;
  /** Static membership (KIP-345): a restart within session.timeout.ms keeps the assignment. */
  "group.instance.id"?: string;
  sessionTimeout?: number;
  "session.timeout.ms"?: NumberSetting;
  /** KafkaJS's name; Kafka uses max.poll.interval.ms as the rebalance timeout. */
  rebalanceTimeout?: number;
  heartbeatInterval?: number;
  "heartbeat.interval.ms"?: NumberSetting;
  "max.poll.interval.ms"?: NumberSetting;
  "enable.auto.commit"?: BooleanSetting;
  "auto.commit.interval.ms"?: NumberSetting;
  "auto.offset.reset"?: OffsetResetStrategy;
  /** Assignor names or Kafka class names, most preferred first (see resolveAssignors). */
  partitionAssigners?: readonly string[];
  "partition.assignment.strategy"?: string | readonly string[];
  minBytes?: number;
  "fetch.min.bytes"?: NumberSetting;
  maxBytes?: number;
  "fetch.max.bytes"?: NumberSetting;
  maxWaitTimeInMs?: number;
  "fetch.max.wait.ms"?: NumberSetting;
  maxBytesPerPartition?: number;
  "max.partition.fetch.bytes"?: NumberSetting;
  "max.poll.records"?: NumberSetting;
  readUncommitted?: boolean;
  "isolation.level"?: IsolationLevel;
  allowAutoTopicCreation?: boolean;
  "allow.auto.create.topics"?: BooleanSetting;
  "client.rack"?: string;
  "retry.backoff.ms"?: NumberSetting;
  "retry.backoff.max.ms"?: NumberSetting;
  /** Java's ConsumerRebalanceListener (revoked / assigned / lost). */
  rebalanceListener?: ConsumerRebalanceListener;
}

export interface ConsumerConfig {
  groupId: string | null;
  groupInstanceId: string | null;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxPollIntervalMs: number;
  /** null: not set by a Java key, so run()'s autoCommit decides. */
  enableAutoCommit: boolean | null;
  autoCommitIntervalMs: number | null;
  autoOffsetReset: OffsetResetStrategy;
  /** As given (resolveAssignors parses it); undefined means Kafka's default. */
  assignmentStrategy: string | readonly string[] | undefined;
  fetchMinBytes: number;
  fetchMaxBytes: number;
  fetchMaxWaitMs: number;
  maxPartitionFetchBytes: number;
  maxPollRecords: number;
  isolationLevel: IsolationLevel;
  allowAutoCreateTopics: boolean;
  clientRack: string;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  rebalanceListener: ConsumerRebalanceListener;
}

export function resolveConsumerConfig(options: ConsumerOptions): ConsumerConfig {
  const groupId = options["group.id"] ?? options.groupId ?? null;
  const sessionTimeoutMs = int(options, "session.timeout.ms", options.sessionTimeout, 45_000, 1);
  const heartbeatIntervalMs = int(
    options,
    "heartbeat.interval.ms",
    options.heartbeatInterval,
    3_000,
    1,
  );
  if (heartbeatIntervalMs >= sessionTimeoutMs) {
    throw new ConfigError("heartbeat.interval.ms must be set lower than session.timeout.ms");
  }
  const maxPollIntervalMs = int(options, "max.poll.interval.ms", undefined, 300_000, 1);
  const autoCommit = bool(options, "enable.auto.commit", undefined, null);
  if (groupId === null && autoCommit === true) {
    throw new ConfigError("enable.auto.commit cannot be set to true when no group.id is given");
  }
  const readUncommitted = options.readUncommitted;
  const isolationLevel =
    options["isolation.level"] ??
    (readUncommitted === undefined
      ? "read_uncommitted"
      : readUncommitted
        ? "read_uncommitted"
        : "read_committed");
  if (isolationLevel !== "read_uncommitted" && isolationLevel !== "read_committed") {
    throw invalid(
      "isolation.level",
      isolationLevel,
      "String must be one of: read_committed, read_uncommitted",
    );
  }
  const reset = options["auto.offset.reset"] ?? "latest";
  if (reset !== "earliest" && reset !== "latest" && reset !== "none") {
    throw invalid("auto.offset.reset", reset, "String must be one of: latest, earliest, none");
  }
  return {
    groupId,
    groupInstanceId: options["group.instance.id"] ?? null,
    sessionTimeoutMs,
    // Java uses max.poll.interval.ms as the rebalance timeout; KafkaJS has its own option.
    rebalanceTimeoutMs:
      options["max.poll.interval.ms"] === undefined && options.rebalanceTimeout !== undefined
        ? options.rebalanceTimeout
        : maxPollIntervalMs,
    heartbeatIntervalMs,
    maxPollIntervalMs,
    enableAutoCommit: autoCommit,
    autoCommitIntervalMs:
      options["auto.commit.interval.ms"] === undefined
        ? null
        : int(options, "auto.commit.interval.ms", undefined, 5_000, 0),
    autoOffsetReset: reset,
    assignmentStrategy: options["partition.assignment.strategy"] ?? options.partitionAssigners,
    fetchMinBytes: int(options, "fetch.min.bytes", options.minBytes, 1, 0),
    fetchMaxBytes: int(options, "fetch.max.bytes", options.maxBytes, 52_428_800, 0),
    fetchMaxWaitMs: int(options, "fetch.max.wait.ms", options.maxWaitTimeInMs, 500, 0),
    maxPartitionFetchBytes: int(
      options,
      "max.partition.fetch.bytes",
      options.maxBytesPerPartition,
      1_048_576,
      0,
    ),
    maxPollRecords: int(options, "max.poll.records", undefined, 500, 1),
    isolationLevel,
    allowAutoCreateTopics:
      bool(options, "allow.auto.create.topics", options.allowAutoTopicCreation, true) ?? true,
    clientRack: options["client.rack"] ?? "",
    retryBackoffMs: int(options, "retry.backoff.ms", undefined, 100, 0),
    retryBackoffMaxMs: int(options, "retry.backoff.max.ms", undefined, 1_000, 0),
    rebalanceListener: options.rebalanceListener ?? {},
  };
}

type JavaKey = Extract<keyof ConsumerOptions, `${string}.${string}`>;

function int(
  options: ConsumerOptions,
  key: JavaKey,
  kafkaJsValue: number | undefined,
  fallback: number,
  min: number,
): number {
  const raw = (options[key] as NumberSetting | undefined) ?? kafkaJsValue;
  if (raw === undefined) return fallback;
  const value = typeof raw === "number" ? raw : raw.trim() === "" ? NaN : Number(raw);
  if (!Number.isInteger(value)) throw invalid(key, raw, "Not a number of type INT");
  if (value < min) throw invalid(key, raw, `Value must be at least ${min}`);
  return value;
}

function bool<T extends boolean | null>(
  options: ConsumerOptions,
  key: JavaKey,
  kafkaJsValue: boolean | undefined,
  fallback: T,
): boolean | T {
  const raw = (options[key] as BooleanSetting | undefined) ?? kafkaJsValue;
  if (raw === undefined) return fallback;
  if (typeof raw === "boolean") return raw;
  const text = raw.trim().toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  throw invalid(key, raw, "Expected value to be either true or false");
}

function invalid(key: string, value: unknown, why: string): ConfigError {
  return new ConfigError(`Invalid value ${String(value)} for configuration ${key}: ${why}`);
}
