/**
 * kafka-consumer-perf-test's options as Kafka 4.0's ConsumerPerfOptions declares them
 * (joptsimple), checked in Kafka's order, and the consumer settings they make: the group
 * (a random "perf-consumer-NNNNN" by default), max.partition.fetch.bytes from
 * --fetch-size, auto.offset.reset earliest unless --from-latest, client.id
 * "perf-consumer-client". --consumer.config is declared for the usage and refused: the
 * tool reads no properties files here.
 */
import {
  maybePrintHelpOrVersion,
  missingRequiredArgument,
  printUsageAndExit,
} from "../framework/command-line-utils.ts";
import { BOOTSTRAP_SERVER_OPTION, INCLUDE_OPTION } from "../framework/common-options.ts";
import { OptionParser, type ParsedOptions } from "../framework/option-parser.ts";
import type { ToolIo } from "../framework/tool.ts";

export const CONSUMER_PERF_DESCRIPTION = "This tool is used to verify the consumer performance.";

export function consumerPerfOptionParser(random: () => number): OptionParser {
  return new OptionParser([
    BOOTSTRAP_SERVER_OPTION,
    {
      name: "topic",
      description: "The topic to consume from.",
      argument: { required: true, describedAs: "topic" },
    },
    INCLUDE_OPTION,
    {
      name: "group",
      description: "The group id to consume on.",
      argument: {
        required: true,
        describedAs: "gid",
        defaultValue: `perf-consumer-${Math.floor(random() * 100_000)}`,
      },
    },
    {
      name: "fetch-size",
      description: "The amount of data to fetch in a single request.",
      argument: { required: true, describedAs: "size", type: "Integer", defaultValue: "1048576" },
    },
    {
      name: "from-latest",
      description:
        "If the consumer does not already have an established offset to consume from, start with the latest message present in the log rather than the earliest message.",
    },
    {
      name: "socket-buffer-size",
      description: "The size of the tcp RECV size.",
      argument: { required: true, describedAs: "size", type: "Integer", defaultValue: "2097152" },
    },
    {
      name: "consumer.config",
      description: "Consumer config properties file.",
      argument: { required: true, describedAs: "config file" },
    },
    { name: "print-metrics", description: "Print out the metrics." },
    {
      name: "show-detailed-stats",
      description:
        "If set, stats are reported for each reporting interval as configured by reporting-interval",
    },
    {
      name: "timeout",
      description: "The maximum allowed time in milliseconds between returned records.",
      argument: {
        required: false,
        describedAs: "milliseconds",
        type: "Long",
        defaultValue: "10000",
      },
    },
    {
      name: "messages",
      description: "REQUIRED: The number of messages to consume.",
      argument: { required: true, describedAs: "count", type: "Long" },
    },
    {
      name: "reporting-interval",
      description: "Interval in milliseconds at which to print progress info.",
      argument: { required: true, describedAs: "interval_ms", type: "Long", defaultValue: "5000" },
    },
    {
      name: "date-format",
      description:
        "The date format to use for formatting the time field. See java.text.SimpleDateFormat for options.",
      argument: {
        required: true,
        describedAs: "date format",
        defaultValue: "yyyy-MM-dd HH:mm:ss:SSS",
      },
    },
    { name: "hide-header", description: "If set, skips printing the header for the stats" },
  ]);
}

export interface ConsumerPerfSettings {
  topic: string | null;
  include: string | null;
  numMessages: number;
  /** Checked when consuming starts, as Kafka reads it (0 is refused then). */
  reportingIntervalMs: number;
  recordFetchTimeoutMs: number;
  showDetailedStats: boolean;
  hideHeader: boolean;
  printMetrics: boolean;
  dateFormat: string;
  consumerProperties: Map<string, string>;
}

/** The settings, or the exit code after Kafka's message and usage. */
export function consumerPerfSettings(
  args: readonly string[],
  io: ToolIo,
): ConsumerPerfSettings | number {
  const parser = consumerPerfOptionParser(io.connect.random);
  const parsed = parser.parse(args);
  if (!parsed.ok) return printUsageAndExit(io, parser, parsed.error.message);
  const options: ParsedOptions = parsed.options;
  // joptsimple's RegexMatcher("^\d+$") on --reporting-interval fails the parse itself.
  const interval = options.valueOf("reporting-interval")!;
  if (!/^\d+$/.test(interval)) {
    return printUsageAndExit(
      io,
      parser,
      `Cannot parse argument '${interval}' of option reporting-interval`,
    );
  }
  const early = maybePrintHelpOrVersion(io, parser, args, options, CONSUMER_PERF_DESCRIPTION);
  if (early !== null) return early;
  const missing = missingRequiredArgument(options, ["messages"]);
  if (missing !== null) return printUsageAndExit(io, parser, missing);
  if (options.has("topic") === options.has("include")) {
    return printUsageAndExit(
      io,
      parser,
      "Exactly one of the following arguments is required: [topic], [include]",
    );
  }
  if (options.has("consumer.config")) {
    return printUsageAndExit(
      io,
      parser,
      "--consumer.config is not supported here: the consumer is configured by the options above",
    );
  }
  const properties = new Map<string, string>();
  const bootstrap = options.valueOf("bootstrap-server");
  if (bootstrap !== undefined) properties.set("bootstrap.servers", bootstrap);
  properties.set("group.id", options.valueOf("group")!);
  properties.set("receive.buffer.bytes", options.valueOf("socket-buffer-size")!);
  properties.set("max.partition.fetch.bytes", options.valueOf("fetch-size")!);
  properties.set("auto.offset.reset", options.has("from-latest") ? "latest" : "earliest");
  properties.set("check.crcs", "false");
  properties.set("client.id", "perf-consumer-client");
  return {
    topic: options.valueOf("topic") ?? null,
    include: options.valueOf("include") ?? null,
    numMessages: options.numberOf("messages")!,
    reportingIntervalMs: Number(interval),
    recordFetchTimeoutMs: options.numberOf("timeout")!,
    showDetailedStats: options.has("show-detailed-stats"),
    hideHeader: options.has("hide-header"),
    printMetrics: options.has("print-metrics"),
    dateFormat: options.valueOf("date-format")!,
    consumerProperties: properties,
  };
}
