/**
 * kafka-topics --create, --list, --alter and --delete, done as TopicCommand's TopicService
 * does them through the Admin client. Failures are thrown as the Java exceptions Kafka's
 * tool would catch (see framework/admin-failures.ts).
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ParsedOptions } from "../framework/option-parser.ts";
import type { ToolIo } from "../framework/tool.ts";
import type { AdminSession } from "../framework/admin-session.ts";
import { adminCall } from "../framework/admin-failures.ts";
import { illegalArgument } from "../framework/java-exception.ts";
import { kafkaException } from "../framework/kafka-exceptions.ts";
import { parseReplicaAssignment, parseTopicConfigs } from "./topic-arguments.ts";
import { hasCollisionChars, selectTopics } from "./topic-filter.ts";

const SHORT_MAX = 32767;

/**
 * getTopics and ensureTopicExists: the sorted topics --topic names (every topic without
 * it); naming a topic that does not exist is an error unless `requireExists` is false.
 */
export async function getTopics(
  session: AdminSession,
  topicRegex: string | undefined,
  excludeInternal: boolean,
  requireExists: boolean,
): Promise<string[]> {
  const all = await adminCall("listTopics", () => session.admin.listTopics());
  const topics = selectTopics(all, topicRegex, excludeInternal);
  if (topicRegex !== undefined && topicRegex !== "" && requireExists && topics.length === 0)
    throw illegalArgument(`Topic '${topicRegex}' does not exist as expected`);
  return topics;
}

/** The replica assignment given, or null; an empty value counts as none. */
function replicaAssignmentOf(options: ParsedOptions): number[][] | null {
  const text = options.valueOf("replica-assignment");
  return text === undefined || text === "" ? null : parseReplicaAssignment(text);
}

export async function createTopic(
  session: AdminSession,
  options: ParsedOptions,
  io: ToolIo,
): Promise<void> {
  const name = options.valueOf("topic")!;
  const partitions = options.numberOf("partitions");
  const replicationFactor = options.numberOf("replication-factor");
  const assignment = replicaAssignmentOf(options);
  const configs = parseTopicConfigs(options.valuesOf("config"));
  if (hasCollisionChars(name)) {
    io.out(
      "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.",
    );
  }
  if (replicationFactor !== undefined && (replicationFactor > SHORT_MAX || replicationFactor < 1))
    throw illegalArgument(`The replication factor must be between 1 and ${SHORT_MAX} inclusive`);
  if (partitions !== undefined && partitions < 1)
    throw illegalArgument("The partitions must be greater than 0");
  const created = await adminCall("createTopics", () =>
    session.admin.createTopics({
      topics: [
        {
          topic: name,
          numPartitions: assignment === null ? partitions : undefined,
          replicationFactor: assignment === null ? replicationFactor : undefined,
          replicaAssignment: assignment?.map((replicas, partition) => ({ partition, replicas })),
          configEntries: [...configs].map(([configName, value]) => ({ name: configName, value })),
        },
      ],
      // Kafka's tool returns once the controller has created the topic.
      waitForLeaders: false,
    }),
  );
  if (created) {
    io.out(`Created topic ${name}.`);
    return;
  }
  // The Admin answers `false` for a topic that exists (KafkaJS's answer); Kafka's throws.
  if (!options.has("if-not-exists"))
    throw kafkaException(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${name}' already exists.`);
}

export async function listTopics(
  session: AdminSession,
  options: ParsedOptions,
  io: ToolIo,
): Promise<void> {
  const topics = await getTopics(
    session,
    options.valueOf("topic"),
    options.has("exclude-internal"),
    false,
  );
  // println of the names joined by line breaks: an empty line when there are none.
  if (topics.length === 0) io.out("");
  for (const topic of topics) io.out(topic);
}

export async function alterTopic(session: AdminSession, options: ParsedOptions): Promise<void> {
  const count = options.numberOf("partitions")!;
  const assignment = replicaAssignmentOf(options);
  parseTopicConfigs(options.valuesOf("config"));
  const topics = await getTopics(
    session,
    options.valueOf("topic"),
    options.has("exclude-internal"),
    !options.has("if-exists"),
  );
  if (topics.length === 0) return;
  const current =
    assignment === null
      ? null
      : await adminCall("describeTopics", () => session.admin.fetchTopicMetadata({ topics }));
  await adminCall("createPartitions", () =>
    session.admin.createPartitions({
      topicPartitions: topics.map((topic) => {
        const existing = current?.topics.find((each) => each.name === topic)?.partitions.length;
        // The assignment names every partition; the existing ones are skipped.
        const assignments = assignment === null ? undefined : assignment.slice(existing ?? 0);
        return { topic, count, assignments };
      }),
    }),
  );
}

export async function deleteTopic(session: AdminSession, options: ParsedOptions): Promise<void> {
  const topics = await getTopics(
    session,
    options.valueOf("topic"),
    options.has("exclude-internal"),
    !options.has("if-exists"),
  );
  if (topics.length > 0)
    await adminCall("deleteTopics", () => session.admin.deleteTopics({ topics }));
}
