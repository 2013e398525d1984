/**
 * kafka-console-consumer's options as Kafka 4.0's ConsoleConsumerOptions declares them,
 * checked in Kafka's order with Kafka's messages, and the consumer settings they make:
 * --consumer-property entries, auto.offset.reset from --from-beginning (a conflicting
 * explicit value is an error), isolation.level from --isolation-level, client.id
 * "console-consumer", and without a group a random "console-consumer-NNNNN" with
 * enable.auto.commit=false (the group is thrown away, so its offsets need not be kept).
 */
import { missingRequiredArgument, parseKeyValueArgs } from "../framework/command-line-utils.ts";
import { BOOTSTRAP_SERVER_OPTION, INCLUDE_OPTION } from "../framework/common-options.ts";
import { OptionParser, type OptionSpec, type ParsedOptions } from "../framework/option-parser.ts";

export const CONSOLE_CONSUMER_DESCRIPTION =
  "This tool helps to read data from Kafka topics and outputs it to standard output.";
export const DEFAULT_FORMATTER_CLASS = "org.apache.kafka.tools.consumer.DefaultMessageFormatter";

const PROPERTY_HELP =
  "The properties to initialize the message formatter. Default properties include: \n" +
  " print.timestamp=true|false\n" +
  " print.key=true|false\n" +
  " print.offset=true|false\n" +
  " print.epoch=true|false\n" +
  " print.partition=true|false\n" +
  " print.headers=true|false\n" +
  " print.value=true|false\n" +
  " key.separator=<key.separator>\n" +
  " line.separator=<line.separator>\n" +
  " headers.separator=<line.separator>\n" +
  " null.literal=<null.literal>\n" +
  " key.deserializer=<key.deserializer>\n" +
  " value.deserializer=<value.deserializer>\n" +
  " header.deserializer=<header.deserializer>\n" +
  "\nUsers can also pass in customized properties for their formatter; more specifically, users can pass in properties keyed with 'key.deserializer.', 'value.deserializer.' and 'headers.deserializer.' prefixes to configure their deserializers.";

const SPECS: OptionSpec[] = [
  {
    name: "topic",
    description: "The topic to consume on.",
    argument: { required: true, describedAs: "topic" },
  },
  INCLUDE_OPTION,
  {
    name: "partition",
    description:
      "The partition to consume from. Consumption starts from the end of the partition unless '--offset' is specified.",
    argument: { required: true, describedAs: "partition", type: "Integer" },
  },
  {
    name: "offset",
    description:
      "The offset to consume from (a non-negative number), or 'earliest' which means from beginning, or 'latest' which means from end",
    argument: { required: true, describedAs: "consume offset", defaultValue: "latest" },
  },
  {
    name: "consumer-property",
    description:
      "A mechanism to pass user-defined properties in the form key=value to the consumer.",
    argument: { required: true, describedAs: "consumer_prop" },
    repeatable: true,
  },
  {
    name: "consumer.config",
    description:
      "Consumer config properties file. Note that [consumer-property] takes precedence over this config.",
    argument: { required: true, describedAs: "config file" },
  },
  {
    name: "formatter",
    description: "The name of a class to use for formatting kafka messages for display.",
    argument: { required: true, describedAs: "class", defaultValue: DEFAULT_FORMATTER_CLASS },
  },
  {
    name: "property",
    description: PROPERTY_HELP,
    argument: { required: true, describedAs: "prop" },
    repeatable: true,
  },
  {
    name: "formatter-config",
    description:
      "Config properties file to initialize the message formatter. Note that [property] takes precedence over this config.",
    argument: { required: true, describedAs: "config file" },
  },
  {
    name: "from-beginning",
    description:
      "If the consumer does not already have an established offset to consume from, start with the earliest message present in the log rather than the latest message.",
  },
  {
    name: "max-messages",
    description:
      "The maximum number of messages to consume before exiting. If not set, consumption is continual.",
    argument: { required: true, describedAs: "num_messages", type: "Integer" },
  },
  {
    name: "timeout-ms",
    description:
      "If specified, exit if no message is available for consumption for the specified interval.",
    argument: { required: true, describedAs: "timeout_ms", type: "Long" },
  },
  {
    name: "skip-message-on-error",
    description: "If there is an error when processing a message, skip it instead of halt.",
  },
  BOOTSTRAP_SERVER_OPTION,
  {
    name: "key-deserializer",
    description: "",
    argument: { required: true, describedAs: "deserializer for key" },
  },
  {
    name: "value-deserializer",
    description: "",
    argument: { required: true, describedAs: "deserializer for values" },
  },
  {
    name: "enable-systest-events",
    description:
      "Log lifecycle events of the consumer in addition to logging consumed messages. (This is specific for system tests.)",
  },
  {
    name: "isolation-level",
    description:
      "Set to read_committed in order to filter out transactional messages which are not committed. Set to read_uncommitted to read all messages.",
    argument: { required: true, defaultValue: "read_uncommitted" },
  },
  {
    name: "group",
    description: "The consumer group id of the consumer.",
    argument: { required: true, describedAs: "consumer group id" },
  },
];

export function consoleConsumerOptionParser(): OptionParser {
  return new OptionParser(SPECS);
}

/** Where a --partition consumer starts. */
export type StartOffset = "earliest" | "latest" | bigint;

export interface ConsoleConsumerSettings {
  topic: string | null;
  include: string | null;
  partition: number | null;
  /** Only with --partition. */
  offset: StartOffset;
  maxMessages: number;
  /** null: wait for records forever. */
  timeoutMs: number | null;
  consumerProperties: Map<string, string>;
  formatterProperties: Map<string, string>;
}

/** A command line Kafka refuses: the message to print before the usage. */
export class UsageError extends Error {}

/** A conflict Kafka reports alone on standard error (no usage), exit code 1. */
export class TerseError extends Error {}

function checkRequiredArgs(options: ParsedOptions): void {
  if (options.has("topic") === options.has("include")) {
    throw new UsageError("Exactly one of --include/--topic is required. ");
  }
  if (options.has("partition")) {
    if (!options.has("topic"))
      throw new UsageError("The topic is required when partition is specified.");
    if (options.has("from-beginning") && options.has("offset")) {
      throw new UsageError("Options from-beginning and offset cannot be specified together.");
    }
  } else if (options.has("offset")) {
    throw new UsageError("The partition is required when offset is specified.");
  }
  const missing = missingRequiredArgument(options, ["bootstrap-server"]);
  if (missing !== null) throw new UsageError(missing);
}

function consumerProperties(options: ParsedOptions, random: () => number): Map<string, string> {
  const extra = parseKeyValueArgs(options.valuesOf("consumer-property"));
  const groups = new Set<string>();
  if (options.has("group")) groups.add(options.valueOf("group")!);
  if (extra.has("group.id")) groups.add(extra.get("group.id")!);
  if (groups.size > 1) {
    throw new UsageError(
      "The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: " +
        [...groups].map((group) => `'${group}'`).join(", "),
    );
  }
  if (groups.size > 0 && options.has("partition")) {
    throw new UsageError("Options group and partition cannot be specified together.");
  }
  const properties = new Map(extra);
  const fromBeginning = options.has("from-beginning");
  const reset = properties.get("auto.offset.reset");
  if (reset === undefined)
    properties.set("auto.offset.reset", fromBeginning ? "earliest" : "latest");
  else if (fromBeginning && reset !== "earliest") {
    throw new TerseError(
      `Can't simultaneously specify --from-beginning and 'auto.offset.reset=${reset}', please remove one option`,
    );
  }
  properties.set("bootstrap.servers", options.valueOf("bootstrap-server")!);
  if (!properties.has("client.id")) properties.set("client.id", "console-consumer");
  if (options.has("isolation-level") || !properties.has("isolation.level")) {
    properties.set("isolation.level", options.valueOf("isolation-level")!);
  }
  if (groups.size === 0) {
    properties.set("group.id", `console-consumer-${Math.floor(random() * 100_000)}`);
    if (!properties.has("enable.auto.commit")) properties.set("enable.auto.commit", "false");
  } else {
    properties.set("group.id", [...groups][0]!);
  }
  return properties;
}

function startOffset(options: ParsedOptions): StartOffset {
  if (!options.has("offset")) return options.has("from-beginning") ? "earliest" : "latest";
  const given = options.valueOf("offset")!;
  const lower = given.toLowerCase();
  if (lower === "earliest" || lower === "latest") return lower;
  if (!/^[+-]?\d+$/.test(given) || BigInt(given) < 0n || BigInt(given) >= 2n ** 63n) {
    throw new UsageError(
      `The provided offset value '${given}' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.`,
    );
  }
  return BigInt(given);
}

/** ConsoleConsumerOptions: the settings, or UsageError / TerseError for a command line Kafka refuses. */
export function consoleConsumerSettings(
  options: ParsedOptions,
  random: () => number,
): ConsoleConsumerSettings {
  checkRequiredArgs(options);
  const properties = consumerProperties(options, random);
  const timeoutMs = options.has("timeout-ms") ? options.numberOf("timeout-ms")! : -1;
  return {
    topic: options.valueOf("topic") ?? null,
    include: options.valueOf("include") ?? null,
    partition: options.has("partition") ? options.numberOf("partition")! : null,
    offset: startOffset(options),
    maxMessages: options.has("max-messages") ? options.numberOf("max-messages")! : -1,
    timeoutMs: timeoutMs >= 0 ? timeoutMs : null,
    consumerProperties: properties,
    formatterProperties: parseKeyValueArgs(options.valuesOf("property")),
  };
}
