/**
 * A bash script beside the docker-compose.yml: `kafka-topics.sh --create` for each topic
 * with its configs (and `kafka-configs.sh --alter` so a second run sets them again), and a
 * console producer or consumer per playground client with the client's settings as
 * --producer-property / --consumer-property, its group as --group. The tools run inside
 * the first container, so nothing needs installing; KAFKA_HOME runs a local Kafka instead.
 *
 * Everything from the document that reaches the script is quoted for the shell, and
 * anything written into a comment is a JSON string (a newline cannot end the comment).
 */
import type { ConsumerSettings, ProducerSettings } from "../store/clients-slice.ts";
import { hostBootstrap, HOST_LISTENER_PORT, INTERNAL_PORT, serviceName } from "./docker-compose.ts";
import type { ClientDocument, PlaygroundDocument, TopicDocument } from "./share-format.ts";

export const SCRIPT_FILE = "kafka-playground.sh";

const ASSIGNOR_CLASSES: Record<ConsumerSettings["assignor"], string> = {
  range: "org.apache.kafka.clients.consumer.RangeAssignor",
  roundrobin: "org.apache.kafka.clients.consumer.RoundRobinAssignor",
  sticky: "org.apache.kafka.clients.consumer.StickyAssignor",
  "cooperative-sticky": "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
};
const ROUND_ROBIN_PARTITIONER = "org.apache.kafka.clients.producer.RoundRobinPartitioner";

/** A word for the shell: bare when it is plainly safe, else in single quotes. */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9._:=,/@+-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Text for a comment: a JSON string cannot hold a raw newline. */
const commentText = (value: string) => JSON.stringify(value);

/** kafka-configs.sh --add-config separates entries by commas: a list value goes in brackets. */
const addConfigEntry = ([name, value]: [string, string]) =>
  `${name}=${value.includes(",") ? `[${value}]` : value}`;

/** A command over several lines, each flag after the first line indented. */
function command(words: string[][]): string[] {
  return words.map((line, index) => {
    const text = (index === 0 ? "  " : "    ") + line.join(" ");
    return index < words.length - 1 ? `${text} \\` : text;
  });
}

function topicLines(topic: TopicDocument): string[] {
  const configs = Object.entries(topic.configs);
  const lines = [
    `  # ${topic.name}: ${topic.partitions} partitions, replication factor ${topic.replicationFactor}`,
    ...command([
      [
        "kafka",
        "kafka-topics.sh",
        '--bootstrap-server "$BOOTSTRAP"',
        "--create",
        "--if-not-exists",
      ],
      [
        "--topic",
        shellWord(topic.name),
        "--partitions",
        String(topic.partitions),
        "--replication-factor",
        String(topic.replicationFactor),
      ],
      ...configs.map(([name, value]) => ["--config", shellWord(`${name}=${value}`)]),
    ]),
  ];
  if (configs.length > 0) {
    lines.push(
      ...command([
        ["kafka", "kafka-configs.sh", '--bootstrap-server "$BOOTSTRAP"', "--alter"],
        ["--entity-type", "topics", "--entity-name", shellWord(topic.name)],
        ["--add-config", shellWord(configs.map(addConfigEntry).join(","))],
      ]),
    );
  }
  return lines;
}

const functionName = (id: string) => `run_${id.replaceAll("-", "_")}`;

function producerLines({ id, settings }: ClientDocument<ProducerSettings>): string[] {
  const keys =
    settings.keyMode === "random"
      ? `random keys from ${commentText(settings.keySet.join(", "))}`
      : settings.keyMode === "fixed"
        ? `the key ${commentText(settings.fixedKey)}`
        : settings.keyMode === "sequence"
          ? "numbered keys"
          : "no key";
  const property = (name: string, value: string) => [
    "--producer-property",
    shellWord(`${name}=${value}`),
  ];
  const keyed = settings.keyMode !== "none";
  return [
    `# ${id} in the playground: ${settings.ratePerSec} records/s to ${settings.topic}, ${keys},`,
    settings.nullValue === true
      ? `# null values (tombstones). Type one record per line as ${keyed ? "key:NULL" : "NULL"}; Ctrl-D ends.`
      : `# values like ${commentText(settings.valueTemplate)}. Type one record per line${keyed ? " as key:value" : ""}; Ctrl-D ends.`,
    `${functionName(id)}() {`,
    ...command([
      [
        "kafka",
        "kafka-console-producer.sh",
        '--bootstrap-server "$BOOTSTRAP"',
        "--topic",
        shellWord(settings.topic),
      ],
      [...property("acks", settings.acks), ...property("linger.ms", String(settings.lingerMs))],
      [
        ...property("batch.size", String(settings.batchSize)),
        ...property("enable.idempotence", String(settings.idempotence)),
      ],
      ...(settings.partitioner === "round-robin"
        ? [property("partitioner.class", ROUND_ROBIN_PARTITIONER)]
        : []),
      ...(keyed ? [["--property", "parse.key=true", "--property", "key.separator=:"]] : []),
      // Tombstones: a line whose value is NULL is sent with a null value.
      ...(settings.nullValue === true ? [["--property", "null.marker=NULL"]] : []),
    ]),
    `}`,
  ];
}

/** The consumer's topics: one as --topic, several as an --include pattern of exact names. */
function topicChoice(settings: ConsumerSettings): string[] {
  const topics = [...new Set([settings.topic, ...(settings.extraTopics ?? [])])];
  if (topics.length === 1) return ["--topic", shellWord(settings.topic)];
  return ["--include", shellWord(topics.map((topic) => topic.replaceAll(".", "\\.")).join("|"))];
}

function consumerLines({ id, settings }: ClientDocument<ConsumerSettings>): string[] {
  const property = (name: string, value: string) => [
    "--consumer-property",
    shellWord(`${name}=${value}`),
  ];
  // The playground's consumers heartbeat at a third of the session timeout, at most 3 s.
  const heartbeatMs = Math.min(3_000, Math.floor(settings.sessionTimeoutMs / 3));
  return [
    `# ${id} in the playground: reads ${settings.topic} in the group ${commentText(settings.groupId)}` +
      (settings.processingDelayMs > 0 ? `, ${settings.processingDelayMs} ms per record.` : "."),
    ...(settings.commitBeforeProcessing === true
      ? [`# It committed each batch before processing it; the console consumer commits after.`]
      : []),
    `${functionName(id)}() {`,
    ...command([
      [
        "kafka",
        "kafka-console-consumer.sh",
        '--bootstrap-server "$BOOTSTRAP"',
        ...topicChoice(settings),
      ],
      [
        "--group",
        shellWord(settings.groupId),
        ...(settings.fromBeginning ? ["--from-beginning"] : []),
      ],
      property("partition.assignment.strategy", ASSIGNOR_CLASSES[settings.assignor]),
      [
        ...property("session.timeout.ms", String(settings.sessionTimeoutMs)),
        ...property("heartbeat.interval.ms", String(heartbeatMs)),
      ],
      property("enable.auto.commit", String(settings.autoCommit)),
      ...(settings.groupInstanceId === ""
        ? []
        : [property("group.instance.id", settings.groupInstanceId)]),
      [
        "--property",
        "print.key=true",
        "--property",
        "print.partition=true",
        "--property",
        "print.offset=true",
      ],
    ]),
    `}`,
  ];
}

export function kafkaScript(document: PlaygroundDocument): string {
  const first = serviceName(1);
  const clients = [...document.clients.producers, ...document.clients.consumers].map((c) => c.id);
  const usage = ["topics", ...clients].join("|");
  const lines = [
    `#!/usr/bin/env bash`,
    `# Kafka Playground export (${document.exportedAt}): its topics, their configs and its`,
    `# clients, for the cluster in docker-compose.yml (start it first: docker compose up -d).`,
    `#   bash ${SCRIPT_FILE}              create the topics and set their configs`,
    ...clients.map((id) => `#   bash ${SCRIPT_FILE} ${id.padEnd(12)} run ${id} in this terminal`),
    `# The Kafka tools run inside ${first}, which reaches the brokers at ${first}:${INTERNAL_PORT}.`,
    `# With Kafka installed here, set KAFKA_HOME to use it (bootstrap ${hostBootstrap(document)}).`,
    `set -euo pipefail`,
    `cd "$(dirname "$0")"`,
    ``,
    `if [ -n "\${KAFKA_HOME:-}" ]; then`,
    `  BOOTSTRAP="\${BOOTSTRAP:-localhost:${HOST_LISTENER_PORT}}"`,
    `  kafka() { "$KAFKA_HOME/bin/$1" "\${@:2}"; }`,
    `else`,
    `  BOOTSTRAP="\${BOOTSTRAP:-${first}:${INTERNAL_PORT}}"`,
    `  kafka() {`,
    `    # A terminal for the console tools; none (-T) when the input is a pipe or a file.`,
    `    if [ -t 0 ]; then docker compose exec ${first} "/opt/kafka/bin/$1" "\${@:2}"`,
    `    else docker compose exec -T ${first} "/opt/kafka/bin/$1" "\${@:2}"; fi`,
    `  }`,
    `fi`,
    ``,
    `create_topics() {`,
    ...document.topics.flatMap(topicLines),
    `  kafka kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --describe --exclude-internal`,
    `}`,
    ``,
    ...document.clients.producers.flatMap((client) => [...producerLines(client), ``]),
    ...document.clients.consumers.flatMap((client) => [...consumerLines(client), ``]),
    `case "\${1:-topics}" in`,
    `  topics) create_topics ;;`,
    ...clients.map((id) => `  ${id}) ${functionName(id)} ;;`),
    `  *) echo "usage: $0 [${usage}]" >&2; exit 2 ;;`,
    `esac`,
  ];
  return `${lines.join("\n")}\n`;
}
