/**
 * The topic configs the dialogs offer by name, with Kafka's types, bounds and defaults (the
 * broker's own table is in src/metadata/configs/topic-configs.ts, which the page may not
 * import: the page sees the cluster as an operator does). Other names are sent as typed
 * and the broker judges them (INVALID_CONFIG).
 */
import { checkNumber, INT_MAX, type Issue } from "./validation.ts";

/** Java's Long.MAX_VALUE is beyond a double's exact range; the page bounds longs here. */
const LONG_BOUND = Number.MAX_SAFE_INTEGER;

export type TopicConfigRule =
  | { type: "int" | "long"; min: number; max: number; defaultValue: string }
  | { type: "list"; oneOf: readonly string[]; defaultValue: string };

export const TOPIC_CONFIG_RULES = {
  "min.insync.replicas": { type: "int", min: 1, max: INT_MAX, defaultValue: "1" },
  "cleanup.policy": { type: "list", oneOf: ["delete", "compact"], defaultValue: "delete" },
  "retention.ms": { type: "long", min: -1, max: LONG_BOUND, defaultValue: "604800000" },
  "retention.bytes": { type: "long", min: -1, max: LONG_BOUND, defaultValue: "-1" },
  "segment.bytes": { type: "int", min: 14, max: INT_MAX, defaultValue: "1073741824" },
  "segment.ms": { type: "long", min: 1, max: LONG_BOUND, defaultValue: "604800000" },
  "max.message.bytes": { type: "int", min: 0, max: INT_MAX, defaultValue: "1048588" },
} as const satisfies Record<string, TopicConfigRule>;

export type KnownTopicConfig = keyof typeof TOPIC_CONFIG_RULES;

/** The configs the topic-configs dialog always lists, set or not. */
export const COMMON_TOPIC_CONFIGS = Object.keys(TOPIC_CONFIG_RULES) as KnownTopicConfig[];

export function topicConfigRule(name: string): TopicConfigRule | undefined {
  return (TOPIC_CONFIG_RULES as Record<string, TopicConfigRule>)[name];
}

/** A config name as Kafka spells them: lower-case words joined by dots. */
const CONFIG_NAME = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

/** A config named twice in one request: Kafka refuses the whole request (INVALID_CONFIG). */
export function configTwiceIssue(field: string, name: string): Issue {
  return {
    field,
    severity: "error",
    key: "validation.configTwice",
    values: { name },
    kafkaName: "INVALID_CONFIG",
  };
}

export function checkConfigName(issues: Issue[], field: string, name: string): boolean {
  if (CONFIG_NAME.test(name)) return true;
  issues.push({
    field,
    severity: "error",
    key: name === "" ? "validation.configNameMissing" : "validation.configNameShape",
    kafkaName: "INVALID_CONFIG",
  });
  return false;
}

/**
 * Checks one config value by the rule Kafka has for it (a known name) — numbers are whole
 * numbers in range, a list holds only its allowed words. Returns whether it is valid.
 */
export function checkConfigValue(
  issues: Issue[],
  field: string,
  name: string,
  value: string,
): boolean {
  const rule = topicConfigRule(name);
  if (rule === undefined) {
    if (value.trim() !== "") return true;
    issues.push({
      field,
      severity: "error",
      key: "validation.required",
      kafkaName: "INVALID_CONFIG",
    });
    return false;
  }
  if (rule.type === "list") {
    const items = value.split(",").map((item) => item.trim());
    const unknown = items.filter((item) => !rule.oneOf.includes(item));
    if (unknown.length === 0 && items.length > 0) return true;
    issues.push({
      field,
      severity: "error",
      key: "validation.notOneOf",
      values: { allowed: rule.oneOf.join(", ") },
      kafkaName: "INVALID_CONFIG",
    });
    return false;
  }
  return (
    checkNumber(issues, field, value, {
      min: rule.min,
      max: rule.max,
      kafkaName: "INVALID_CONFIG",
    }) !== null
  );
}

/** Names offered as suggestions when the user types a config of their own. */
export const SUGGESTED_TOPIC_CONFIGS: readonly string[] = [
  ...COMMON_TOPIC_CONFIGS,
  "compression.type",
  "delete.retention.ms",
  "max.compaction.lag.ms",
  "min.compaction.lag.ms",
  "min.cleanable.dirty.ratio",
  "message.timestamp.type",
  "segment.index.bytes",
  "unclean.leader.election.enable",
];
