/**
 * Options that several of Kafka's joptsimple tools declare word for word, declared once
 * here. Where Kafka words an option differently in one tool (kafka-topics' and
 * kafka-console-producer's --bootstrap-server, each tool's --topic, --consumer.config),
 * that tool declares its own.
 */
import type { OptionSpec } from "./option-parser.ts";

/** --bootstrap-server as ConsoleConsumerOptions, ConsumerPerformance and ConsumerGroupCommand declare it. */
export const BOOTSTRAP_SERVER_OPTION: OptionSpec = {
  name: "bootstrap-server",
  description: "REQUIRED: The server(s) to connect to.",
  argument: { required: true, describedAs: "server to connect to" },
};

/** --include, the topics a consumer tool subscribes to by pattern (ConsoleConsumer, ConsumerPerformance). */
export const INCLUDE_OPTION: OptionSpec = {
  name: "include",
  description: "Regular expression specifying list of topics to include for consumption.",
  argument: { required: true, describedAs: "Java regex (String)" },
};
