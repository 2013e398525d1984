/**
 * The partitions kafka-leader-election is asked about: one (--topic and --partition), every
 * one (--all-topic-partitions: null, which the controller reads as all), or the list in a
 * --path-to-json-file, read and checked as Kafka's tool reads it:
 * `{"partitions": [{"topic": "foo", "partition": 1}, ...]}`, no partition twice.
 */
import type { FileSystem } from "../../log/fs/file-system.ts";
import { JavaException } from "../framework/java-exception.ts";
import type { ParsedOptions } from "../framework/option-parser.ts";
import { readTextFile } from "../framework/tool-files.ts";

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** TopicPartition.toString(). */
export function partitionName({ topic, partition }: TopicPartition): string {
  return `${topic}-${partition}`;
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Jackson's JsonMappingException, which Kafka's tool lets out wrapped in a RuntimeException. */
function mappingError(message: string): JavaException {
  return new JavaException(
    "RuntimeException",
    `com.fasterxml.jackson.databind.JsonMappingException: ${message}`,
  );
}

function operationError(message: string): JavaException {
  return new JavaException("AdminOperationException", message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Jackson's text for a JSON value in its messages. */
function jsonText(value: unknown): string {
  return JSON.stringify(value);
}

function field(object: Record<string, unknown>, name: string): unknown {
  if (!Object.hasOwn(object, name)) throw mappingError(`No such field exists: \`${name}\``);
  return object[name];
}

function partitionEntry(entry: unknown): TopicPartition {
  if (!isObject(entry)) throw mappingError(`Expected JSON object, received ${jsonText(entry)}`);
  const topic = field(entry, "topic");
  if (typeof topic !== "string")
    throw mappingError(`Expected \`String\` value, received ${jsonText(topic)}`);
  const partition = field(entry, "partition");
  if (
    typeof partition !== "number" ||
    !Number.isInteger(partition) ||
    partition < INT_MIN ||
    partition > INT_MAX
  ) {
    throw mappingError(`Expected \`Int\` value, received ${jsonText(partition)}`);
  }
  return { topic, partition };
}

/** The file's partitions, or the exception Kafka's tool throws for it. */
export function parseElectionJson(text: string): TopicPartition[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    // Json.parseFull answers nothing for text that is not JSON.
    throw operationError("Replica election data is empty");
  }
  if (!isObject(document))
    throw mappingError(`Expected JSON object, received ${jsonText(document)}`);
  if (!Object.hasOwn(document, "partitions"))
    throw operationError('Replica election data is missing "partitions" field');
  const list = document.partitions;
  if (!Array.isArray(list)) throw mappingError(`Expected JSON array, received ${jsonText(list)}`);
  const partitions = list.map(partitionEntry);
  const names = partitions.map(partitionName);
  const duplicates = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
  if (duplicates.length > 0) {
    throw operationError(
      `Replica election data contains duplicate partitions: [${duplicates.join(", ")}]`,
    );
  }
  return partitions;
}

/** The partitions the command line names; null for every partition. */
export async function electionPartitions(
  options: ParsedOptions,
  files: FileSystem,
): Promise<TopicPartition[] | null> {
  const path = options.valueOf("path-to-json-file");
  if (path !== undefined) {
    const text = await readTextFile(files, path);
    if (text === null)
      throw new JavaException("RuntimeException", `java.nio.file.NoSuchFileException: ${path}`);
    return parseElectionJson(text);
  }
  if (options.has("topic"))
    return [{ topic: options.valueOf("topic")!, partition: options.numberOf("partition")! }];
  return null;
}
