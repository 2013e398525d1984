/**
 * Kafka's topic-level configs that the playground's log honours, with Kafka's defaults and
 * the broker configs they fall back to. `logConfigOf` turns a topic's overrides into the
 * log engine's settings.
 */
import { KAFKA_DEFAULT_LOG_CONFIG, type LogConfig } from "../../log/log-config.ts";
import { checkConfigValue, LONG_MAX, type ConfigDefinition } from "./config-definition.ts";

export const TOPIC_CONFIGS: readonly ConfigDefinition[] = [
  {
    name: "cleanup.policy",
    type: "list",
    defaultValue: "delete",
    brokerSynonym: "log.cleanup.policy",
    oneOf: ["delete", "compact"],
  },
  {
    name: "compression.type",
    type: "string",
    defaultValue: "producer",
    brokerSynonym: "compression.type",
    oneOf: ["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"],
  },
  {
    name: "delete.retention.ms",
    type: "long",
    defaultValue: "86400000",
    brokerSynonym: "log.cleaner.delete.retention.ms",
    min: 0,
  },
  {
    name: "file.delete.delay.ms",
    type: "long",
    defaultValue: "60000",
    brokerSynonym: "log.segment.delete.delay.ms",
    min: 0,
  },
  {
    name: "flush.messages",
    type: "long",
    defaultValue: LONG_MAX,
    brokerSynonym: "log.flush.interval.messages",
    min: 1,
  },
  {
    name: "flush.ms",
    type: "long",
    defaultValue: LONG_MAX,
    brokerSynonym: "log.flush.interval.ms",
    min: 0,
  },
  {
    name: "index.interval.bytes",
    type: "int",
    defaultValue: "4096",
    brokerSynonym: "log.index.interval.bytes",
    min: 0,
  },
  {
    name: "max.compaction.lag.ms",
    type: "long",
    defaultValue: LONG_MAX,
    brokerSynonym: "log.cleaner.max.compaction.lag.ms",
    min: 1,
  },
  {
    name: "max.message.bytes",
    type: "int",
    defaultValue: "1048588",
    brokerSynonym: "message.max.bytes",
    min: 0,
  },
  {
    name: "message.timestamp.type",
    type: "string",
    defaultValue: "CreateTime",
    brokerSynonym: "log.message.timestamp.type",
    oneOf: ["CreateTime", "LogAppendTime"],
  },
  {
    name: "min.cleanable.dirty.ratio",
    type: "double",
    defaultValue: "0.5",
    brokerSynonym: "log.cleaner.min.cleanable.ratio",
    min: 0,
    max: 1,
  },
  {
    name: "min.compaction.lag.ms",
    type: "long",
    defaultValue: "0",
    brokerSynonym: "log.cleaner.min.compaction.lag.ms",
    min: 0,
  },
  {
    name: "min.insync.replicas",
    type: "int",
    defaultValue: "1",
    brokerSynonym: "min.insync.replicas",
    min: 1,
  },
  { name: "preallocate", type: "boolean", defaultValue: "false", brokerSynonym: "log.preallocate" },
  {
    name: "retention.bytes",
    type: "long",
    defaultValue: "-1",
    brokerSynonym: "log.retention.bytes",
  },
  {
    name: "retention.ms",
    type: "long",
    defaultValue: "604800000",
    brokerSynonym: "log.retention.ms",
    min: -1,
  },
  {
    name: "segment.bytes",
    type: "int",
    defaultValue: "1073741824",
    brokerSynonym: "log.segment.bytes",
    min: 14,
  },
  {
    name: "segment.index.bytes",
    type: "int",
    defaultValue: "10485760",
    brokerSynonym: "log.index.size.max.bytes",
    min: 4,
  },
  {
    name: "segment.jitter.ms",
    type: "long",
    defaultValue: "0",
    brokerSynonym: "log.roll.jitter.ms",
    min: 0,
  },
  {
    name: "segment.ms",
    type: "long",
    defaultValue: "604800000",
    brokerSynonym: "log.roll.ms",
    min: 1,
  },
  {
    name: "unclean.leader.election.enable",
    type: "boolean",
    defaultValue: "false",
    brokerSynonym: "unclean.leader.election.enable",
  },
];

const BY_NAME = new Map(TOPIC_CONFIGS.map((definition) => [definition.name, definition]));

export function topicConfigDefinition(name: string): ConfigDefinition | undefined {
  return BY_NAME.get(name);
}

/**
 * Check a topic's config overrides as CreateTopics and AlterConfigs do: every name known,
 * every value valid. Returns the first problem as a sentence, or null.
 */
export function checkTopicConfigs(overrides: ReadonlyMap<string, string>): string | null {
  for (const [name, value] of overrides) {
    const definition = BY_NAME.get(name);
    if (definition === undefined) return `Unknown topic config name: ${name}`;
    const problem = checkConfigValue(definition, value);
    if (problem !== null) return problem;
  }
  return null;
}

/** The effective value of each topic config: override, else broker default, else Kafka's. */
export function effectiveTopicConfig(
  overrides: ReadonlyMap<string, string>,
  brokerDefaults: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  return new Map(
    TOPIC_CONFIGS.map((definition) => [
      definition.name,
      overrides.get(definition.name) ??
        (definition.brokerSynonym === undefined
          ? undefined
          : brokerDefaults.get(definition.brokerSynonym)) ??
        definition.defaultValue,
    ]),
  );
}

/** The log engine's settings for a topic with these (already checked) effective configs. */
export function logConfigOf(effective: ReadonlyMap<string, string>): LogConfig {
  const number = (name: string) => Number(effective.get(name));
  return {
    ...KAFKA_DEFAULT_LOG_CONFIG,
    segmentBytes: number("segment.bytes"),
    segmentMs: number("segment.ms"),
    segmentIndexBytes: number("segment.index.bytes"),
    indexIntervalBytes: number("index.interval.bytes"),
    retentionMs: number("retention.ms"),
    retentionBytes: number("retention.bytes"),
    cleanupPolicy: effective
      .get("cleanup.policy")!
      .split(",")
      .map((policy) => policy.trim() as "delete" | "compact"),
    deleteRetentionMs: number("delete.retention.ms"),
    minCleanableDirtyRatio: number("min.cleanable.dirty.ratio"),
    minCompactionLagMs: number("min.compaction.lag.ms"),
    maxMessageBytes: number("max.message.bytes"),
    messageTimestampType: effective.get(
      "message.timestamp.type",
    ) as LogConfig["messageTimestampType"],
  };
}
