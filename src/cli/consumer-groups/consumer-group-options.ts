/**
 * kafka-consumer-groups' options, as Kafka's ConsumerGroupCommandOptions declares them, and
 * its checks of how they combine (checkArgs), in Kafka's order and words. Not here:
 * --command-config (no properties files for the Admin client yet) and --validate-regex
 * (KIP-848 subscriptions by RE2J pattern, which this playground's groups do not have).
 */
import {
  invalidArgumentCombination,
  missingRequiredArgument,
  printUsageAndExit,
} from "../framework/command-line-utils.ts";
import { BOOTSTRAP_SERVER_OPTION } from "../framework/common-options.ts";
import {
  OptionParser,
  flag,
  withValue,
  type OptionException,
  type OptionSpec,
  type ParsedOptions,
} from "../framework/option-parser.ts";
import type { ToolIo } from "../framework/tool.ts";

export const CONSUMER_GROUPS_DESCRIPTION =
  "This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.";

export const ACTIONS = ["list", "describe", "delete", "reset-offsets", "delete-offsets"] as const;
export type GroupAction = (typeof ACTIONS)[number];

/** allResetOffsetScenarioOpts, in the order Kafka declares them. */
export const RESET_SCENARIOS = [
  "to-offset",
  "shift-by",
  "to-datetime",
  "by-duration",
  "to-earliest",
  "to-latest",
  "to-current",
  "from-file",
] as const;

const SPECS: OptionSpec[] = [
  BOOTSTRAP_SERVER_OPTION,
  {
    ...withValue("group", "The consumer group we wish to act on.", "consumer group"),
    repeatable: true,
  },
  {
    ...withValue(
      "topic",
      "The topic whose consumer group information should be deleted or topic whose should be included in the reset offset process. In `reset-offsets` case, partitions can be specified using this format: `topic1:0,1,2`, where 0,1,2 are the partition to be included in the process. Reset-offsets also supports multiple topic inputs.",
      "topic",
    ),
    repeatable: true,
  },
  flag("all-topics", "Consider all topics assigned to a group in the `reset-offsets` process."),
  flag("list", "List all consumer groups."),
  flag(
    "describe",
    "Describe consumer group and list offset lag (number of messages not yet processed) related to given group.",
  ),
  flag("all-groups", "Apply to all consumer groups."),
  flag(
    "delete",
    "Pass in groups to delete topic partition offsets and ownership information over the entire consumer group. For instance --group g1 --group g2",
  ),
  {
    name: "timeout",
    description:
      "The timeout that can be set for some use cases. For example, it can be used when describing the group to specify the maximum amount of time in milliseconds to wait before the group stabilizes (when the group is just created, or is going through some changes).",
    argument: { required: true, describedAs: "timeout (ms)", type: "Long", defaultValue: "5000" },
  },
  flag(
    "reset-offsets",
    "Reset offsets of consumer group. Supports one consumer group at the time, and instances should be inactive\n" +
      "Has 2 execution options: --dry-run (the default) to plan which offsets to reset, and --execute to update the offsets. Additionally, the --export option is used to export the results to a CSV format.\n" +
      "You must choose one of the following reset specifications: --to-datetime, --by-duration, --to-earliest, --to-latest, --shift-by, --from-file, --to-current, --to-offset.\n" +
      "To define the scope use --all-topics or --topic. One scope must be specified unless you use '--from-file'.",
  ),
  flag(
    "delete-offsets",
    "Delete offsets of consumer group. Supports one consumer group at the time, and multiple topics.",
  ),
  flag(
    "dry-run",
    "Only show results without executing changes on Consumer Groups. Supported operations: reset-offsets.",
  ),
  flag("execute", "Execute operation. Supported operations: reset-offsets."),
  flag("export", "Export operation execution to a CSV file. Supported operations: reset-offsets."),
  withValue("to-offset", "Reset offsets to a specific offset.", "offset", "Long"),
  withValue("from-file", "Reset offsets to values defined in CSV file.", "path to CSV file"),
  withValue(
    "to-datetime",
    "Reset offsets to offset from datetime. Format: 'YYYY-MM-DDTHH:mm:SS.sss'",
    "datetime",
  ),
  withValue(
    "by-duration",
    "Reset offsets to offset by duration from current timestamp. Format: 'PnDTnHnMnS'",
    "duration",
  ),
  flag("to-earliest", "Reset offsets to earliest offset."),
  flag("to-latest", "Reset offsets to latest offset."),
  flag("to-current", "Reset offsets to current offset."),
  withValue(
    "shift-by",
    "Reset offsets shifting current offset by 'n', where 'n' can be positive or negative.",
    "number-of-offsets",
    "Long",
  ),
  flag(
    "members",
    "Describe members of the group. This option may be used with '--describe' and '--bootstrap-server' options only.\n" +
      "Example: --bootstrap-server localhost:9092 --describe --group group1 --members",
  ),
  flag(
    "verbose",
    "Provide additional information, if any, when describing the group. This option may be used with '--offsets'/'--members'/'--state' and '--bootstrap-server' options only.\n" +
      "Example: --bootstrap-server localhost:9092 --describe --group group1 --members --verbose",
  ),
  flag(
    "offsets",
    "Describe the group and list all topic partitions in the group along with their offset lag. This is the default sub-action of and may be used with '--describe' and '--bootstrap-server' options only.\n" +
      "Example: --bootstrap-server localhost:9092 --describe --group group1 --offsets",
  ),
  {
    name: "state",
    description:
      "When specified with '--describe', includes the state of the group.\n" +
      "Example: --bootstrap-server localhost:9092 --describe --group group1 --state\n" +
      "When specified with '--list', it displays the state of all groups. It can also be used to list groups with specific states.\n" +
      "Example: --bootstrap-server localhost:9092 --list --state stable,empty\n" +
      "This option may be used with '--describe', '--list' and '--bootstrap-server' options only.",
    argument: { required: false },
  },
  {
    name: "type",
    description:
      "When specified with '--list', it displays the types of all the groups. It can also be used to list groups with specific types.\n" +
      "Example: --bootstrap-server localhost:9092 --list --type classic,consumer\n" +
      "This option may be used with the '--list' option only.",
    argument: { required: false },
  },
];

export function consumerGroupOptionParser(): OptionParser {
  return new OptionParser(SPECS);
}

/** joptsimple's availableIf: options that need another one on the command line. */
const AVAILABLE_IF: [string, string[]][] = [
  ["members", ["describe"]],
  ["verbose", ["describe"]],
  ["offsets", ["describe"]],
  ["state", ["describe", "list"]],
  ["type", ["list"]],
];

/** The UnavailableOptionException joptsimple throws when parsing, or null. */
export function unavailableOption(options: ParsedOptions): OptionException | null {
  const unavailable = AVAILABLE_IF.filter(
    ([name, needs]) => options.has(name) && !needs.some((need) => options.has(need)),
  ).map(([name]) => `[${name}]`);
  if (unavailable.length === 0) return null;
  return {
    exceptionClass: "joptsimple.UnavailableOptionException",
    message: `Option(s) ${unavailable.join(", ")} are unavailable given other options on the command line`,
  };
}

export function groupAction(options: ParsedOptions): GroupAction {
  return ACTIONS.find((action) => options.has(action))!;
}

const GROUP_SCOPE = "[group], [all-groups]";

/** checkArgs after help and version: prints what Kafka prints and answers the exit code, or null. */
export function checkConsumerGroupArgs(
  io: ToolIo,
  parser: OptionParser,
  options: ParsedOptions,
): number | null {
  const has = (name: string) => options.has(name);
  const usage = (message: string) => printUsageAndExit(io, parser, message);
  const missing = missingRequiredArgument(options, ["bootstrap-server"]);
  if (missing !== null) return usage(missing);
  const groupScoped = has("group") || has("all-groups");
  if (has("describe")) {
    if (!groupScoped) return usage(`Option [describe] takes one of these options: ${GROUP_SCOPE}`);
    if (["members", "offsets", "state"].filter(has).length > 1)
      return usage(
        "Option [describe] takes at most one of these options: [members], [offsets], [state]",
      );
    if (has("state") && options.valueOf("state") !== undefined)
      return usage("Option [describe] does not take a value for [state]");
  }
  if (has("delete")) {
    if (!groupScoped) return usage(`Option [delete] takes one of these options: ${GROUP_SCOPE}`);
    if (has("topic"))
      return usage(
        "The consumer does not support topic-specific offset deletion from a consumer group.",
      );
  }
  if (has("delete-offsets") && (!has("group") || !has("topic")))
    return usage("Option [delete-offsets] takes the following options: [group], [topic]");
  if (has("reset-offsets")) {
    if (has("dry-run") && has("execute"))
      return usage("Option [reset-offsets] only accepts one of [execute] and [dry-run]");
    if (!has("dry-run") && !has("execute")) {
      io.err(
        "WARN: No action will be performed as the --execute option is missing.In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.",
      );
    }
    if (!groupScoped)
      return usage(`Option [reset-offsets] takes one of these options: ${GROUP_SCOPE}`);
    for (const scenario of RESET_SCENARIOS) {
      const others = RESET_SCENARIOS.filter((other) => other !== scenario);
      const clash = invalidArgumentCombination(options, scenario, others);
      if (clash !== null) return usage(clash);
    }
  }
  const clashes: [string, string[]][] = [
    ["group", ["all-groups"]],
    ["group", ["list"]],
    ["topic", ["list", "describe"]],
  ];
  for (const [used, invalid] of clashes) {
    const clash = invalidArgumentCombination(options, used, invalid);
    if (clash !== null) return usage(clash);
  }
  return null;
}
