/**
 * The values of kafka-topics' --config and --replica-assignment, parsed as TopicCommand
 * parses them, with its messages for bad ones.
 */
import { JavaException, illegalArgument } from "../framework/java-exception.ts";

/** Java's String.split: trailing empty strings are dropped. */
export function javaSplit(text: string, separator: string | RegExp): string[] {
  const parts = text.split(separator);
  while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** Integer.parseInt, with its NumberFormatException. */
export function parseJavaInt(text: string): number {
  if (/^[+-]?\d+$/.test(text)) {
    const value = BigInt(text);
    if (value >= -(2n ** 31n) && value < 2n ** 31n) return Number(value);
  }
  throw new JavaException("NumberFormatException", `For input string: "${text}"`);
}

/** parseTopicConfigsToBeAdded: each --config is key=val (blanks around '=' allowed). */
export function parseTopicConfigs(configs: readonly string[]): Map<string, string> {
  const pairs = configs.map((config) => javaSplit(config, /\s*=\s*/));
  if (!pairs.every((pair) => pair.length === 2)) {
    throw illegalArgument(
      'requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".',
    );
  }
  return new Map(pairs.map(([key, value]) => [key!.trim(), value!.trim()]));
}

function duplicates(values: readonly number[]): number[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

/**
 * parseReplicaAssignment: "1:2,2:3" is partition 0 on brokers 1 and 2, partition 1 on 2
 * and 3. Every partition needs as many replicas as the first, and no broker twice.
 */
export function parseReplicaAssignment(text: string): number[][] {
  const assignment: number[][] = [];
  for (const [partition, entry] of javaSplit(text, ",").entries()) {
    const brokers = entry.split(":").map((id) => parseJavaInt(id.trim()));
    const repeated = duplicates(brokers);
    if (repeated.length > 0) {
      throw new JavaException(
        "AdminCommandFailedException",
        `Partition replica lists may not contain duplicate entries: ${repeated.join(",")}`,
      );
    }
    assignment.push(brokers);
    if (brokers.length !== assignment[0]!.length) {
      throw new JavaException(
        "AdminOperationException",
        `Partition ${partition} has different replication factor: [${brokers.join(", ")}]`,
      );
    }
  }
  return assignment;
}
