/**
 * --include as Kafka's consumers read it: a Java regular expression that must match a
 * topic's whole name (Pattern.matcher(topic).matches()), never matching the internal
 * topics (exclude.internal.topics=true). A pattern that does not compile is Java's
 * PatternSyntaxException.
 */
import { JavaException } from "../framework/java-exception.ts";

const INTERNAL_TOPICS = ["__consumer_offsets", "__transaction_state", "__share_group_state"];

export function includePattern(include: string): RegExp {
  try {
    new RegExp(include, "u");
  } catch (error) {
    throw new JavaException("PatternSyntaxException", (error as Error).message);
  }
  const internal = INTERNAL_TOPICS.map((name) => `${name}$`).join("|");
  return new RegExp(`^(?!${internal})(?:${include})$`, "u");
}
