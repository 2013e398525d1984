/**
 * The create-topic and add-partitions forms checked with Kafka's rules before anything is
 * sent, so a learner reads why in plain words (and Kafka's error name) rather than only
 * the broker's answer: Kafka's topic name rules (org.apache.kafka.common.internals.Topic),
 * partitions and replication factor as the controller checks them (a replica per live
 * broker), and the config values by type. Warnings are things Kafka allows but that bite.
 */
import type { TopicSpec } from "../playground/actions.ts";
import { checkConfigName, checkConfigValue, configTwiceIssue } from "./topic-config-rules.ts";
import {
  checkNumber,
  hasErrors,
  illegalNameCharacters,
  MAX_NAME_LENGTH,
  parseWholeNumber,
  type Issue,
} from "./validation.ts";

/** The playground's cap on a topic's partitions: beyond it the canvas stops being readable. */
export const MAX_PLAYGROUND_PARTITIONS = 64;

export interface ConfigRowDraft {
  name: string;
  value: string;
}

/** The create-topic form as typed. Empty config fields mean "the broker's default". */
export interface TopicDraft {
  name: string;
  partitions: string;
  replicationFactor: string;
  minInsyncReplicas: string;
  cleanupPolicy: "" | "delete" | "compact";
  retentionMs: string;
  segmentBytes: string;
  extraConfigs: ConfigRowDraft[];
}

export interface TopicContext {
  existingTopics: readonly string[];
  /** Brokers alive and unfenced: each replica of a partition needs its own. */
  liveBrokers: number;
}

export interface Checked<T> {
  issues: Issue[];
  /** What to send, when there are no errors. */
  value: T | null;
}

export function emptyTopicDraft(liveBrokers: number): TopicDraft {
  return {
    name: "",
    partitions: "3",
    replicationFactor: String(Math.max(1, Math.min(3, liveBrokers))),
    minInsyncReplicas: "",
    cleanupPolicy: "",
    retentionMs: "",
    segmentBytes: "",
    extraConfigs: [],
  };
}

/** Kafka's metric names turn '.' into '_': two names equal after that collide. */
const metricName = (name: string) => name.replaceAll(".", "_");

export function topicNameIssues(name: string, existingTopics: readonly string[]): Issue[] {
  const error = (
    key: Issue["key"],
    values?: Issue["values"],
    kafkaName = "INVALID_TOPIC_EXCEPTION",
  ): Issue[] => [{ field: "name", severity: "error", key, values, kafkaName }];
  if (name.length === 0) return error("topicNameRule.empty");
  if (name === "." || name === "..") return error("topicNameRule.dots", { name });
  if (name.length > MAX_NAME_LENGTH)
    return error("topicNameRule.tooLong", { length: name.length, max: MAX_NAME_LENGTH });
  const illegal = illegalNameCharacters(name);
  if (illegal.length > 0) {
    // A space would be invisible between quotes: Unicode's symbol for it stands in.
    const shown = illegal.map((c) => `“${c === " " ? "␠" : c}”`).join(" ");
    return error("topicNameRule.illegalCharacters", { characters: shown });
  }
  if (existingTopics.includes(name))
    return error("topicNameRule.exists", { name }, "TOPIC_ALREADY_EXISTS");
  const colliding = existingTopics.find((topic) => metricName(topic) === metricName(name));
  if (colliding !== undefined) return error("topicNameRule.collides", { name, other: colliding });
  if (name.includes(".") && name.includes("_")) {
    return [{ field: "name", severity: "warning", key: "topicNameRule.mixedDotUnderscore" }];
  }
  return [];
}

/** At least one partition (Kafka's rule) and at most the playground's cap (explained as such). */
function checkPartitionCount(issues: Issue[], field: string, text: string): number | null {
  const count = checkNumber(issues, field, text, {
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    kafkaName: "INVALID_PARTITIONS",
  });
  if (count === null || count <= MAX_PLAYGROUND_PARTITIONS) return count;
  issues.push({
    field,
    severity: "error",
    key: "createTopic.partitionsCap",
    values: { max: MAX_PLAYGROUND_PARTITIONS },
  });
  return null;
}

function checkReplicationFactor(issues: Issue[], text: string, liveBrokers: number): number | null {
  const replicationFactor = checkNumber(issues, "replicationFactor", text, {
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    kafkaName: "INVALID_REPLICATION_FACTOR",
  });
  if (replicationFactor === null || replicationFactor <= liveBrokers) return replicationFactor;
  issues.push({
    field: "replicationFactor",
    severity: "error",
    key: liveBrokers === 0 ? "createTopic.rfNoBrokers" : "createTopic.rfAboveLiveBrokers",
    values: { replicationFactor, liveBrokers },
    kafkaName: "INVALID_REPLICATION_FACTOR",
  });
  return null;
}

/** The form's fixed config fields by Kafka's name, in the order they are sent. */
function fixedConfigs(draft: TopicDraft): [field: keyof TopicDraft, name: string, value: string][] {
  return [
    ["minInsyncReplicas", "min.insync.replicas", draft.minInsyncReplicas],
    ["cleanupPolicy", "cleanup.policy", draft.cleanupPolicy],
    ["retentionMs", "retention.ms", draft.retentionMs],
    ["segmentBytes", "segment.bytes", draft.segmentBytes],
  ];
}

/** Checks the configs and returns the entries to send (empty fields are left to the broker). */
function checkConfigs(issues: Issue[], draft: TopicDraft): { name: string; value: string }[] {
  const entries: { name: string; value: string }[] = [];
  for (const [field, name, value] of fixedConfigs(draft)) {
    if (value.trim() === "") continue;
    if (checkConfigValue(issues, field, name, value.trim()))
      entries.push({ name, value: value.trim() });
  }
  const seen = new Set(
    fixedConfigs(draft)
      .filter(([, , value]) => value.trim() !== "")
      .map(([, name]) => name),
  );
  draft.extraConfigs.forEach((row, index) => {
    const name = row.name.trim();
    const value = row.value.trim();
    if (name === "" && value === "") return; // a blank row is ignored
    const field = `config-${index}`;
    if (!checkConfigName(issues, field, name)) return;
    if (seen.has(name)) {
      issues.push(configTwiceIssue(field, name));
      return;
    }
    seen.add(name);
    if (checkConfigValue(issues, field, name, value)) entries.push({ name, value });
  });
  return entries;
}

export function validateTopicDraft(draft: TopicDraft, context: TopicContext): Checked<TopicSpec> {
  const issues = topicNameIssues(draft.name, context.existingTopics);
  const numPartitions = checkPartitionCount(issues, "partitions", draft.partitions);
  const replicationFactor = checkReplicationFactor(
    issues,
    draft.replicationFactor,
    context.liveBrokers,
  );
  const configEntries = checkConfigs(issues, draft);
  const minInsync = parseWholeNumber(draft.minInsyncReplicas);
  if (replicationFactor !== null && minInsync !== null && minInsync > replicationFactor) {
    issues.push({
      field: "minInsyncReplicas",
      severity: "warning",
      key: "createTopic.minInsyncAboveRf",
      values: { minInsync, replicationFactor },
      kafkaName: "NOT_ENOUGH_REPLICAS",
    });
  }
  if (hasErrors(issues) || numPartitions === null || replicationFactor === null)
    return { issues, value: null };
  return { issues, value: { topic: draft.name, numPartitions, replicationFactor, configEntries } };
}

/** Add partitions: the new total must be above the current count (Kafka never shrinks a topic). */
export function validatePartitionCount(text: string, current: number): Checked<number> {
  const issues: Issue[] = [];
  const count = checkPartitionCount(issues, "count", text);
  if (count !== null && count <= current) {
    issues.push({
      field: "count",
      severity: "error",
      key: "addPartitions.notMore",
      values: { current, count },
      kafkaName: "INVALID_PARTITIONS",
    });
    return { issues, value: null };
  }
  return { issues, value: count };
}
