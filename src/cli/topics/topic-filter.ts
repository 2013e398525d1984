/**
 * Which topics a kafka-topics command acts on: --topic is a regular expression (Kafka's
 * TopicFilter.IncludeList: commas mean "or", blanks and surrounding quotes are dropped,
 * and it must match the whole name), and --exclude-internal drops Kafka's internal topics.
 */
import { illegalArgument } from "../framework/java-exception.ts";

/** Kafka's Topic.isInternal: the topics the cluster itself keeps. */
const INTERNAL_TOPICS = new Set([
  "__consumer_offsets",
  "__transaction_state",
  "__share_group_state",
]);

export function isInternalTopic(name: string): boolean {
  return INTERNAL_TOPICS.has(name);
}

/** Kafka's Topic.hasCollisionChars: '.' and '_' collide in metric names. */
export function hasCollisionChars(name: string): boolean {
  return name.includes(".") || name.includes("_");
}

/** A matcher for --topic's value; an expression that does not compile is an IllegalArgumentException. */
export function includeList(rawRegex: string): (topic: string) => boolean {
  const regex = rawRegex
    .trim()
    .replaceAll(",", "|")
    .replaceAll(" ", "")
    .replace(/^["']+/, "")
    .replace(/["']+$/, "");
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${regex})$`, "u");
  } catch {
    throw illegalArgument(`${rawRegex} is an invalid regex.`);
  }
  return (topic) => pattern.test(topic);
}

/** doGetTopics: the sorted topics `topicRegex` names (all without one), internal ones dropped if asked. */
export function selectTopics(
  allTopics: readonly string[],
  topicRegex: string | undefined,
  excludeInternal: boolean,
): string[] {
  const allowed = topicRegex === undefined ? () => true : includeList(topicRegex);
  return [...allTopics]
    .sort()
    .filter((topic) => allowed(topic) && !(excludeInternal && isInternalTopic(topic)));
}
