/**
 * Kafka's topic name rules (org.apache.kafka.common.internals.Topic): ASCII letters,
 * digits, '.', '_' and '-'; at most 249 characters; never "" or "." or "..". The same
 * sentences Kafka returns with INVALID_TOPIC_EXCEPTION, so a user sees what kafka-topics
 * would print.
 */

export const MAX_TOPIC_NAME_LENGTH = 249;

/** The metadata log's own topic: no one may create it through CreateTopics. */
export const CLUSTER_METADATA_TOPIC_NAME = "__cluster_metadata";

const LEGAL = /^[a-zA-Z0-9._-]*$/;

/** Why `name` is not a valid topic name, as Kafka words it, or null when it is valid. */
export function topicNameProblem(name: string): string | null {
  const reason = invalidReason(name);
  return reason === null ? null : `Topic name is invalid: ${reason}`;
}

function invalidReason(name: string): string | null {
  if (name.length === 0) return "the empty string is not allowed";
  if (name === ".") return "'.' is not allowed";
  if (name === "..") return "'..' is not allowed";
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    return `the length of '${name}' is longer than the max allowed length ${MAX_TOPIC_NAME_LENGTH}`;
  }
  if (!LEGAL.test(name))
    return `'${name}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'`;
  return null;
}

/**
 * Kafka's metric names replace '.' with '_', so "a.b" and "a_b" would report into the same
 * metrics: the controller refuses a topic whose name collides with an existing one.
 */
export function hasCollisionChars(name: string): boolean {
  return name.includes(".") || name.includes("_");
}

/** The form two colliding names share ('.' turned into '_'). */
export function unifyCollisionChars(name: string): string {
  return name.replaceAll(".", "_");
}

/** Kafka's internal topics: shown as internal in Metadata, closed to DeleteRecords. */
export const INTERNAL_TOPICS: ReadonlySet<string> = new Set([
  "__consumer_offsets",
  "__transaction_state",
]);
