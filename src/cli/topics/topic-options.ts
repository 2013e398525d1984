/**
 * kafka-topics' options, named and described as Kafka's TopicCommand declares them, and
 * its checks of how they combine (checkArgs), in Kafka's order and with Kafka's words.
 * Not here: --command-config (no properties files for the Admin client yet); the list of
 * valid topic configs Kafka's --config help prints (the cli layer cannot see it).
 */
import {
  invalidArgumentCombination,
  missingRequiredArgument,
  printUsageAndExit,
  FAILURE,
} from "../framework/command-line-utils.ts";
import {
  OptionParser,
  flag,
  type OptionSpec,
  type ParsedOptions,
} from "../framework/option-parser.ts";
import type { ToolIo } from "../framework/tool.ts";

export const TOPICS_DESCRIPTION = "This tool helps to create, delete, describe, or change a topic.";

const ALTERING_CONFIGS_HINT =
  " (To alter topic configurations, the kafka-configs tool can be used.)";

const ACTIONS = ["create", "list", "alter", "describe", "delete"] as const;
const REPLICATION_REPORTS = [
  "under-replicated-partitions",
  "under-min-isr-partitions",
  "at-min-isr-partitions",
  "unavailable-partitions",
] as const;

const SPECS: OptionSpec[] = [
  {
    name: "bootstrap-server",
    description: "REQUIRED: The Kafka server to connect to.",
    argument: { required: true, describedAs: "server to connect to" },
  },
  flag("list", "List all available topics."),
  flag("create", "Create a new topic."),
  flag("delete", "Delete a topic."),
  flag("alter", `Alter the number of partitions and replica assignment.${ALTERING_CONFIGS_HINT}`),
  flag("describe", "List details for the given topics."),
  {
    name: "topic",
    description:
      "The topic to create, alter, describe or delete. It also accepts a regular expression, except for --create option.",
    argument: { required: true, describedAs: "topic" },
  },
  {
    name: "topic-id",
    description: "The topic-id to describe.",
    argument: { required: true, describedAs: "topic-id" },
  },
  {
    name: "config",
    description:
      "A topic configuration override for the topic being created. See the Kafka documentation for full details on the topic configs. It is supported only in combination with --create." +
      ALTERING_CONFIGS_HINT,
    argument: { required: true, describedAs: "name=value" },
    repeatable: true,
  },
  {
    name: "delete-config",
    description: "This option is no longer supported and has been deprecated since 4.0",
    argument: { required: true, describedAs: "name" },
    repeatable: true,
  },
  {
    name: "partitions",
    description:
      "The number of partitions for the topic being created or altered. If not supplied with --create, the topic uses the cluster default. (WARNING: If partitions are increased for a topic that has a key, the partition logic or ordering of the messages will be affected).",
    argument: { required: true, describedAs: "# of partitions", type: "Integer" },
  },
  {
    name: "replication-factor",
    description:
      "The replication factor for each partition in the topic being created. If not supplied, the topic uses the cluster default.",
    argument: { required: true, describedAs: "replication factor", type: "Integer" },
  },
  {
    name: "replica-assignment",
    description:
      "A list of manual partition-to-broker assignments for the topic being created or altered.",
    argument: {
      required: true,
      describedAs:
        "broker_id_for_part1_replica1 : broker_id_for_part1_replica2 , broker_id_for_part2_replica1 : broker_id_for_part2_replica2 , ...",
    },
  },
  flag(
    "under-replicated-partitions",
    "If set when describing topics, only show under-replicated partitions.",
  ),
  flag(
    "unavailable-partitions",
    "If set when describing topics, only show partitions whose leader is not available.",
  ),
  flag(
    "under-min-isr-partitions",
    "If set when describing topics, only show partitions whose isr count is less than the configured minimum.",
  ),
  flag(
    "at-min-isr-partitions",
    "If set when describing topics, only show partitions whose isr count is equal to the configured minimum.",
  ),
  flag(
    "topics-with-overrides",
    "If set when describing topics, only show topics that have overridden configs.",
  ),
  flag(
    "if-exists",
    "If set when altering or deleting or describing topics, the action will only execute if the topic exists.",
  ),
  flag(
    "if-not-exists",
    "If set when creating topics, the create request will not fail if the topic already exists, but the request will still be sent.",
  ),
  flag(
    "exclude-internal",
    "Exclude internal topics when listing or describing topics. By default, the internal topics are included.",
  ),
  {
    name: "partition-size-limit-per-response",
    description:
      "The maximum partition size to be included in one DescribeTopicPartitions response.",
    argument: {
      required: true,
      describedAs: "maximum number of partitions per response",
      type: "Integer",
    },
  },
];

export function topicOptionParser(): OptionParser {
  return new OptionParser(SPECS);
}

export type TopicAction = (typeof ACTIONS)[number];

export function topicAction(options: ParsedOptions): TopicAction {
  return ACTIONS.find((action) => options.has(action))!;
}

/** The actions other than `allowed`: an option that only makes sense with `allowed` clashes with them. */
function actionsOtherThan(...allowed: TopicAction[]): string[] {
  return ["alter", "create", "describe", "list", "delete"].filter(
    (action) => !allowed.includes(action as TopicAction),
  );
}

/** A message checkArgs ends the tool with: with the usage (printUsageAndExit), or alone (IllegalArgumentException). */
export type ArgumentProblem = { usage: string } | { alone: string };

/** checkRequiredArgs then checkInvalidArgs; null when the command line is usable. */
function argumentProblem(options: ParsedOptions): ArgumentProblem | null {
  const has = (name: string) => options.has(name);
  if (!has("bootstrap-server")) return { alone: "--bootstrap-server must be specified" };
  if (has("describe") && has("if-exists") && !has("topic") && !has("topic-id"))
    return { usage: "--topic or --topic-id is required to describe a topic" };
  if (!has("list") && !has("describe")) {
    const missing = missingRequiredArgument(options, ["topic"]);
    if (missing !== null) return { usage: missing };
  }
  if (has("alter")) {
    if (has("config")) {
      return {
        usage: `Option combination "[[bootstrap-server], [config]]" can't be used with option "[alter]"${ALTERING_CONFIGS_HINT}`,
      };
    }
    const missing = missingRequiredArgument(options, ["partitions"]);
    if (missing !== null) return { usage: missing };
  }
  const clashes: [string, string[]][] = [
    ["config", actionsOtherThan("alter", "create")],
    ["partitions", actionsOtherThan("alter", "create")],
    ["replication-factor", actionsOtherThan("create")],
    ["replica-assignment", actionsOtherThan("alter", "create")],
  ];
  if (has("create")) clashes.push(["replica-assignment", ["partitions", "replication-factor"]]);
  for (const report of REPLICATION_REPORTS)
    clashes.push([report, [...actionsOtherThan("describe"), "topics-with-overrides"]]);
  clashes.push(
    ["topics-with-overrides", [...actionsOtherThan("describe"), ...REPLICATION_REPORTS]],
    ["if-exists", actionsOtherThan("alter", "delete", "describe")],
    ["if-not-exists", actionsOtherThan("create")],
    ["exclude-internal", actionsOtherThan("list", "describe")],
  );
  for (const [used, invalid] of clashes) {
    const clash = invalidArgumentCombination(options, used, invalid);
    if (clash !== null) return { usage: clash };
  }
  return null;
}

/**
 * checkArgs after help and version: exactly one action, then the required and clashing
 * options. Prints what Kafka prints and answers the exit code, or null to go on.
 */
export function checkTopicArgs(
  io: ToolIo,
  parser: OptionParser,
  options: ParsedOptions,
): number | null {
  if (ACTIONS.filter((action) => options.has(action)).length !== 1) {
    return printUsageAndExit(
      io,
      parser,
      "Command must include exactly one action: --list, --describe, --create, --alter or --delete",
    );
  }
  if (options.has("delete-config")) {
    io.err(
      "delete-config option is no longer supported and deprecated since version 4.0. The config will be fully removed in future releases.",
    );
  }
  const both = ["bootstrap-server", "describe", "if-exists", "topic", "topic-id"];
  if (both.every((name) => options.has(name))) {
    io.out(
      "Only topic id will be used when both --topic and --topic-id are specified and topicId is not Uuid.ZERO_UUID",
    );
  }
  const problem = argumentProblem(options);
  if (problem === null) return null;
  if ("usage" in problem) return printUsageAndExit(io, parser, problem.usage);
  io.err(problem.alone);
  return FAILURE;
}
