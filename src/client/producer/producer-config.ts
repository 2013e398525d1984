/**
 * The producer's settings, resolved once: Kafka's Java config names (which win), then
 * KafkaJS's option names, then Kafka's defaults (Kafka 4.0: acks=all, linger.ms=5,
 * idempotence on). Checked as Kafka's ProducerConfig and KafkaProducer check them, with
 * their ConfigException messages, so a conflict fails when the producer is built.
 */
import { COMPRESSION_TYPES, type CompressionType } from "../../protocol/records/attributes.ts";
import { ConfigError } from "../cluster/client-cluster.ts";
import type { CompressionOption, ConfigValue, ProducerOptions } from "./producer-types.ts";

export type Acks = -1 | 0 | 1;

export interface ProducerConfig {
  acks: Acks;
  idempotent: boolean;
  lingerMs: number;
  batchSize: number;
  maxInFlight: number;
  retries: number;
  deliveryTimeoutMs: number;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  compression: CompressionType;
  /** partitioner.class as given, or null for the built-in partitioner. */
  partitionerClass: string | null;
  ignoreKeys: boolean;
  adaptivePartitioning: boolean;
  maxRequestSize: number;
  bufferMemory: number;
  maxBlockMs: number;
  allowAutoTopicCreation: boolean;
}

const INT_MAX = 2147483647;
/** Kafka's MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION_FOR_IDEMPOTENCE. */
export const MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;

function invalid(name: string, value: unknown, why: string): ConfigError {
  return new ConfigError(`Invalid value ${String(value)} for configuration ${name}: ${why}`);
}

/** A whole number config, as Kafka's ConfigDef parses INT and LONG (strings allowed). */
function numberConfig(
  name: string,
  value: ConfigValue | undefined,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const parsed = typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : value;
  if (typeof parsed !== "number" || !Number.isInteger(parsed)) {
    throw invalid(name, value, "Not a number of type INT");
  }
  if (parsed < min) throw invalid(name, value, `Value must be at least ${min}`);
  if (parsed > max) throw invalid(name, value, `Value must be no more than ${max}`);
  return parsed;
}

function booleanConfig(name: string, value: ConfigValue | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  const text = String(value).trim().toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  throw invalid(name, value, "Expected value to be either true or false");
}

/** Kafka's parseAcks: "all" is -1; else a short that must be -1, 0 or 1. */
export function parseAcks(value: ConfigValue): Acks {
  const text = String(value).trim().toLowerCase();
  const acks = text === "all" ? -1 : /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(acks)) throw new ConfigError(`Invalid configuration value for 'acks': ${value}`);
  if (acks !== -1 && acks !== 0 && acks !== 1) {
    throw invalid("acks", value, "String must be one of: all, -1, 0, 1");
  }
  return acks;
}

/** A codec by Kafka's name or KafkaJS's CompressionTypes code. */
export function parseCompression(value: CompressionOption | ConfigValue): CompressionType {
  if (typeof value === "number") {
    const byCode = COMPRESSION_TYPES[value];
    if (byCode !== undefined && Number.isInteger(value)) return byCode;
  } else {
    const name = String(value).trim().toLowerCase();
    const known = COMPRESSION_TYPES.find((type) => type === name);
    if (known !== undefined) return known;
  }
  throw invalid(
    "compression.type",
    value,
    `String must be one of: ${COMPRESSION_TYPES.join(", ")}`,
  );
}

export function resolveProducerConfig(options: ProducerOptions): ProducerConfig {
  const transactionalId = options["transactional.id"] ?? options.transactionalId;
  if (transactionalId !== undefined && transactionalId !== null) {
    throw new ConfigError(
      `transactional.id=${String(transactionalId)}: transactions are not supported by this producer yet; ` +
        "leave transactional.id unset (the idempotent producer still gives exactly-once writes per partition)",
    );
  }
  const lingerMs = numberConfig("linger.ms", options["linger.ms"], 5);
  const requestTimeoutMs = numberConfig(
    "request.timeout.ms",
    options["request.timeout.ms"],
    30_000,
    0,
    INT_MAX,
  );
  const retries = numberConfig(
    "retries",
    options.retries ?? options.retry?.retries,
    INT_MAX,
    0,
    INT_MAX,
  );
  const maxInFlight = numberConfig(
    "max.in.flight.requests.per.connection",
    options["max.in.flight.requests.per.connection"] ?? options.maxInFlightRequests,
    5,
    1,
    INT_MAX,
  );
  const acksGiven = options.acks;
  const acks = acksGiven === undefined ? -1 : parseAcks(acksGiven);
  const idempotent = resolveIdempotence(options, { acks, retries, maxInFlight });
  return {
    acks,
    idempotent,
    lingerMs,
    batchSize: numberConfig("batch.size", options["batch.size"], 16_384, 0, INT_MAX),
    maxInFlight,
    retries,
    deliveryTimeoutMs: resolveDeliveryTimeout(options, lingerMs, requestTimeoutMs),
    requestTimeoutMs,
    retryBackoffMs: numberConfig(
      "retry.backoff.ms",
      options["retry.backoff.ms"] ?? options.retry?.initialRetryTime,
      100,
    ),
    retryBackoffMaxMs: numberConfig(
      "retry.backoff.max.ms",
      options["retry.backoff.max.ms"] ?? options.retry?.maxRetryTime,
      1000,
    ),
    compression:
      options["compression.type"] === undefined
        ? "none"
        : parseCompression(options["compression.type"]),
    partitionerClass:
      options["partitioner.class"] === undefined ? null : String(options["partitioner.class"]),
    ignoreKeys: booleanConfig("partitioner.ignore.keys", options["partitioner.ignore.keys"], false),
    adaptivePartitioning: booleanConfig(
      "partitioner.adaptive.partitioning.enable",
      options["partitioner.adaptive.partitioning.enable"],
      true,
    ),
    maxRequestSize: numberConfig(
      "max.request.size",
      options["max.request.size"],
      1_048_576,
      0,
      INT_MAX,
    ),
    bufferMemory: numberConfig("buffer.memory", options["buffer.memory"], 33_554_432),
    maxBlockMs: numberConfig("max.block.ms", options["max.block.ms"], 60_000),
    allowAutoTopicCreation: options.allowAutoTopicCreation ?? true,
  };
}

/**
 * Kafka's postProcessAndValidateIdempotenceConfigs: idempotence is on by default; asked for
 * explicitly, a conflicting acks / retries / in-flight setting is a ConfigException; left to
 * its default, the conflict turns idempotence off instead.
 */
function resolveIdempotence(
  options: ProducerOptions,
  settings: { acks: Acks; retries: number; maxInFlight: number },
): boolean {
  const explicit = options["enable.idempotence"] ?? options.idempotent;
  const enabled = booleanConfig("enable.idempotence", explicit, true);
  if (!enabled) return false;
  const userConfigured = explicit !== undefined;
  const conflicts: string[] = [];
  if (settings.retries === 0) {
    conflicts.push("Must set retries to non-zero when using the idempotent producer.");
  }
  if (settings.acks !== -1) {
    conflicts.push(
      "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.",
    );
  }
  if (settings.maxInFlight > MAX_IN_FLIGHT_FOR_IDEMPOTENCE) {
    conflicts.push(
      `Must set max.in.flight.requests.per.connection to at most ${MAX_IN_FLIGHT_FOR_IDEMPOTENCE} to use the idempotent producer.`,
    );
  }
  if (conflicts.length > 0 && userConfigured) throw new ConfigError(conflicts[0]!);
  return conflicts.length === 0;
}

/** KafkaProducer.configureDeliveryTimeout: at least linger.ms + request.timeout.ms. */
function resolveDeliveryTimeout(
  options: ProducerOptions,
  lingerMs: number,
  requestTimeoutMs: number,
): number {
  const given = options["delivery.timeout.ms"];
  const deliveryTimeoutMs = numberConfig("delivery.timeout.ms", given, 120_000, 0, INT_MAX);
  const floor = Math.min(lingerMs + requestTimeoutMs, INT_MAX);
  if (deliveryTimeoutMs >= floor) return deliveryTimeoutMs;
  if (given !== undefined) {
    throw new ConfigError(
      "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms",
    );
  }
  return floor;
}
