/**
 * Every topic config the playground's brokers take, with Kafka's type and range, so an
 * imported file is checked against all of them before anything is reset (a bad value found
 * by the broker halfway through a rebuild would be too late). The page may not import the
 * broker's own table (src/metadata/configs/topic-configs.ts); a test keeps the two equal.
 * The configs the dialogs know are checked by the dialogs' own rules (topic-config-rules),
 * except longs: a file may hold any Java long (retention.ms=9223372036854775807 is common),
 * which the dialogs' number fields bound at 2^53, so longs are compared as BigInts here.
 */
import {
  checkConfigName,
  checkConfigValue,
  topicConfigRule,
} from "../dialogs/topic-config-rules.ts";
import { checkNumber, INT_MAX, type Issue } from "../dialogs/validation.ts";

export type TopicConfigType = "boolean" | "string" | "int" | "long" | "double" | "list";

export interface TopicConfigShape {
  type: TopicConfigType;
  min?: number;
  max?: number;
  oneOf?: readonly string[];
}

/** A whole number as the broker reads one. */
const WHOLE = /^-?\d+$/;
/** Java's Long range. */
const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

export const KNOWN_TOPIC_CONFIGS: Readonly<Record<string, TopicConfigShape>> = {
  "cleanup.policy": { type: "list", oneOf: ["delete", "compact"] },
  "compression.type": {
    type: "string",
    oneOf: ["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"],
  },
  "delete.retention.ms": { type: "long", min: 0 },
  "file.delete.delay.ms": { type: "long", min: 0 },
  "flush.messages": { type: "long", min: 1 },
  "flush.ms": { type: "long", min: 0 },
  "index.interval.bytes": { type: "int", min: 0 },
  "max.compaction.lag.ms": { type: "long", min: 1 },
  "max.message.bytes": { type: "int", min: 0 },
  "message.timestamp.type": { type: "string", oneOf: ["CreateTime", "LogAppendTime"] },
  "min.cleanable.dirty.ratio": { type: "double", min: 0, max: 1 },
  "min.compaction.lag.ms": { type: "long", min: 0 },
  "min.insync.replicas": { type: "int", min: 1 },
  preallocate: { type: "boolean" },
  "retention.bytes": { type: "long" },
  "retention.ms": { type: "long", min: -1 },
  "segment.bytes": { type: "int", min: 14 },
  "segment.index.bytes": { type: "int", min: 4 },
  "segment.jitter.ms": { type: "long", min: 0 },
  "segment.ms": { type: "long", min: 1 },
  "unclean.leader.election.enable": { type: "boolean" },
};

export function isKnownTopicConfig(name: string): boolean {
  return Object.hasOwn(KNOWN_TOPIC_CONFIGS, name);
}

function notOneOf(field: string, allowed: readonly string[]): Issue {
  return {
    field,
    severity: "error",
    key: "validation.notOneOf",
    values: { allowed: allowed.join(", ") },
    kafkaName: "INVALID_CONFIG",
  };
}

/** Checks a config the dialogs have no rule for, by its Kafka type. */
function checkByShape(issues: Issue[], field: string, shape: TopicConfigShape, value: string) {
  const kafkaName = "INVALID_CONFIG";
  switch (shape.type) {
    case "boolean":
      if (!/^(true|false)$/i.test(value)) issues.push(notOneOf(field, ["true", "false"]));
      return;
    case "string":
    case "list": {
      if (shape.oneOf === undefined) return;
      const items = shape.type === "list" ? value.split(",").map((item) => item.trim()) : [value];
      if (items.some((item) => !shape.oneOf!.includes(item)))
        issues.push(notOneOf(field, shape.oneOf));
      return;
    }
    case "long":
      checkLong(issues, field, shape, value);
      return;
    case "int":
    case "double":
      checkNumber(issues, field, value, {
        min: shape.min ?? (shape.type === "int" ? -INT_MAX - 1 : -Number.MAX_VALUE),
        max: shape.max ?? (shape.type === "int" ? INT_MAX : Number.MAX_VALUE),
        decimal: shape.type === "double",
        kafkaName,
      });
  }
}

/** A Java long, as text: whole, within the long range and the config's minimum. */
function checkLong(issues: Issue[], field: string, shape: TopicConfigShape, value: string) {
  const issue = (key: Issue["key"], values?: Issue["values"]) =>
    issues.push({ field, severity: "error", key, values, kafkaName: "INVALID_CONFIG" });
  // Past 20 digits it is out of range whatever it is; BigInt is not handed megabytes of digits.
  const text = value.trim().replace(/^(-?)0+(?=\d)/, "$1");
  if (text.length > 20)
    return issue("validation.outOfRange", { min: String(LONG_MIN), max: String(LONG_MAX) });
  const number = BigInt(text);
  const min = shape.min === undefined ? LONG_MIN : BigInt(shape.min);
  if (number < min || number > LONG_MAX)
    issue("validation.outOfRange", { min: String(min), max: String(LONG_MAX) });
}

/**
 * The issues of one imported topic config: a name Kafka spells that way and the playground's
 * brokers know, and a value of the config's type in its range.
 */
export function topicConfigIssues(name: string, value: string): Issue[] {
  const issues: Issue[] = [];
  if (!checkConfigName(issues, "config", name)) return issues;
  const shape = KNOWN_TOPIC_CONFIGS[name];
  if (shape === undefined || !isKnownTopicConfig(name)) {
    return [
      {
        field: "config",
        severity: "error",
        key: "share.problem.unknownConfig",
        values: { name },
        kafkaName: "INVALID_CONFIG",
      },
    ];
  }
  if (value.trim() === "")
    issues.push({ field: "config", severity: "error", key: "validation.required" });
  else if ((shape.type === "int" || shape.type === "long") && !WHOLE.test(value.trim()))
    // The broker reads digits with an optional minus only (the dialogs also take a '+').
    issues.push({
      field: "config",
      severity: "error",
      key: "validation.notWholeNumber",
      kafkaName: "INVALID_CONFIG",
    });
  else if (shape.type !== "long" && topicConfigRule(name) !== undefined)
    checkConfigValue(issues, "config", name, value);
  else checkByShape(issues, "config", shape, value);
  return issues;
}
