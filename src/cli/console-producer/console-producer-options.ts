/**
 * kafka-console-producer's options as Kafka 4.0's ConsoleProducerOptions declares them,
 * and the producer settings they make: --producer-property entries first, then each
 * command-line option merged over them when given or when the property is unset (Kafka's
 * maybeMergeOptions, so the tool's own defaults — linger.ms=1000, request.timeout.ms=1500,
 * retries=3 — apply unless a property says otherwise), and compression.type always from
 * --compression-codec. --producer.config, --reader-config and --line-reader are declared
 * for the usage and refused when used: this playground reads no properties files and has
 * one reader.
 */
import { parseKeyValueArgs } from "../framework/command-line-utils.ts";
import { OptionParser, type OptionSpec, type ParsedOptions } from "../framework/option-parser.ts";

export const CONSOLE_PRODUCER_DESCRIPTION =
  "This tool helps to read data from standard input and publish it to Kafka.";

/** Kafka's default reader class, the only one here. */
export const LINE_READER_CLASS = "org.apache.kafka.tools.LineMessageReader";

const PROPERTY_HELP =
  "A mechanism to pass user-defined properties in the form key=value to the message reader. This allows custom configuration for a user-defined message reader." +
  "\nDefault properties include:" +
  "\n parse.key=false" +
  "\n parse.headers=false" +
  "\n ignore.error=false" +
  "\n key.separator=\\t" +
  "\n headers.delimiter=\\t" +
  "\n headers.separator=," +
  "\n headers.key.separator=:" +
  "\n null.marker=   When set, any fields (key, value and headers) equal to this will be replaced by null" +
  "\nDefault parsing pattern when:" +
  "\n parse.headers=true and parse.key=true:" +
  '\n  "h1:v1,h2:v2...\\tkey\\tvalue"' +
  "\n parse.key=true:" +
  '\n  "key\\tvalue"' +
  "\n parse.headers=true:" +
  '\n  "h1:v1,h2:v2...\\tvalue"';

const SPECS: OptionSpec[] = [
  {
    name: "topic",
    description: "REQUIRED: The topic name to produce messages to.",
    argument: { required: true, describedAs: "topic" },
  },
  {
    name: "bootstrap-server",
    description:
      "REQUIRED: The server(s) to connect to. The broker list string in the form HOST1:PORT1,HOST2:PORT2.",
    argument: { required: true, describedAs: "server to connect to" },
  },
  {
    name: "sync",
    description:
      "If set message send requests to the brokers are synchronously, one at a time as they arrive.",
  },
  {
    name: "compression-codec",
    description:
      "The compression codec: either 'none', 'gzip', 'snappy', 'lz4', or 'zstd'.If specified without value, then it defaults to 'gzip'",
    argument: { required: false, describedAs: "compression-codec" },
  },
  {
    name: "batch-size",
    description:
      "Number of messages to send in a single batch if they are not being sent synchronously. please note that this option will be replaced if max-partition-memory-bytes is also set",
    argument: { required: true, describedAs: "size", type: "Integer", defaultValue: "16384" },
  },
  {
    name: "message-send-max-retries",
    description:
      "Brokers can fail receiving the message for multiple reasons, and being unavailable transiently is just one of them. This property specifies the number of retries before the producer give up and drop this message. This is the option to control `retries` in producer configs.",
    argument: { required: true, type: "Integer", defaultValue: "3" },
  },
  {
    name: "retry-backoff-ms",
    description:
      "Before each retry, the producer refreshes the metadata of relevant topics. Since leader election takes a bit of time, this property specifies the amount of time that the producer waits before refreshing the metadata. This is the option to control `retry.backoff.ms` in producer configs.",
    argument: { required: true, type: "Long", defaultValue: "100" },
  },
  {
    name: "timeout",
    description:
      "If set and the producer is running in asynchronous mode, this gives the maximum amount of time a message will queue awaiting sufficient batch size. The value is given in ms. This is the option to control `linger.ms` in producer configs.",
    argument: { required: true, describedAs: "timeout_ms", type: "Long", defaultValue: "1000" },
  },
  {
    name: "request-required-acks",
    description: "The required `acks` of the producer requests",
    argument: { required: true, describedAs: "request required acks", defaultValue: "-1" },
  },
  {
    name: "request-timeout-ms",
    description:
      "The ack timeout of the producer requests. Value must be non-negative and non-zero.",
    argument: {
      required: true,
      describedAs: "request timeout ms",
      type: "Integer",
      defaultValue: "1500",
    },
  },
  {
    name: "metadata-expiry-ms",
    description:
      "The period of time in milliseconds after which we force a refresh of metadata even if we haven't seen any leadership changes. This is the option to control `metadata.max.age.ms` in producer configs.",
    argument: {
      required: true,
      describedAs: "metadata expiration interval",
      type: "Long",
      defaultValue: "300000",
    },
  },
  {
    name: "max-block-ms",
    description: "The max time that the producer will block for during a send request.",
    argument: {
      required: true,
      describedAs: "max block on send",
      type: "Long",
      defaultValue: "60000",
    },
  },
  {
    name: "max-memory-bytes",
    description:
      "The total memory used by the producer to buffer records waiting to be sent to the server. This is the option to control `buffer.memory` in producer configs.",
    argument: {
      required: true,
      describedAs: "total memory in bytes",
      type: "Long",
      defaultValue: "33554432",
    },
  },
  {
    name: "max-partition-memory-bytes",
    description:
      "The buffer size allocated for a partition. When records are received which are smaller than this size the producer will attempt to optimistically group them together until this size is reached. This is the option to control `batch.size` in producer configs.",
    argument: {
      required: true,
      describedAs: "memory in bytes per partition",
      type: "Integer",
      defaultValue: "16384",
    },
  },
  {
    name: "line-reader",
    description:
      "The class name of the class to use for reading lines from standard in. By default each line is read as a separate message.",
    argument: { required: true, describedAs: "reader_class", defaultValue: LINE_READER_CLASS },
  },
  {
    name: "socket-buffer-size",
    description:
      "The size of the tcp RECV size. This is the option to control `send.buffer.bytes` in producer configs.",
    argument: { required: true, describedAs: "size", type: "Integer", defaultValue: "102400" },
  },
  {
    name: "property",
    description: PROPERTY_HELP,
    argument: { required: true, describedAs: "prop" },
    repeatable: true,
  },
  {
    name: "reader-config",
    description:
      "Config properties file for the message reader. Note that [property] takes precedence over this config.",
    argument: { required: true, describedAs: "config file" },
  },
  {
    name: "producer-property",
    description:
      "A mechanism to pass user-defined properties in the form key=value to the producer. ",
    argument: { required: true, describedAs: "producer_prop" },
    repeatable: true,
  },
  {
    name: "producer.config",
    description:
      "Producer config properties file. Note that [producer-property] takes precedence over this config.",
    argument: { required: true, describedAs: "config file" },
  },
];

export function consoleProducerOptionParser(): OptionParser {
  return new OptionParser(SPECS);
}

/** Each producer config a command-line option controls (CommandLineUtils.maybeMergeOptions). */
const MERGED_OPTIONS: [config: string, option: string][] = [
  ["linger.ms", "timeout"],
  ["acks", "request-required-acks"],
  ["request.timeout.ms", "request-timeout-ms"],
  ["retries", "message-send-max-retries"],
  ["retry.backoff.ms", "retry-backoff-ms"],
  ["send.buffer.bytes", "socket-buffer-size"],
  ["buffer.memory", "max-memory-bytes"],
  // Two options set batch.size; the second wins when both are given (KIP-717).
  ["batch.size", "batch-size"],
  ["batch.size", "max-partition-memory-bytes"],
  ["metadata.max.age.ms", "metadata-expiry-ms"],
  ["max.block.ms", "max-block-ms"],
];

/** ConsoleProducerOptions.producerProps(), as Java config names and string values. */
export function producerProperties(options: ParsedOptions): Map<string, string> {
  const properties = parseKeyValueArgs(options.valuesOf("producer-property"));
  properties.set("bootstrap.servers", options.valueOf("bootstrap-server") ?? "");
  const codec = options.has("compression-codec")
    ? options.valueOf("compression-codec") || "gzip"
    : "none";
  properties.set("compression.type", codec);
  if (!properties.has("client.id")) properties.set("client.id", "console-producer");
  for (const [config, option] of MERGED_OPTIONS) {
    if (options.has(option) || !properties.has(config)) {
      const value = options.valueOf(option);
      if (value !== undefined) properties.set(config, value);
    }
  }
  return properties;
}

/** The reader's properties: the topic, then every --property. */
export function readerProperties(options: ParsedOptions): Map<string, string> {
  return new Map([
    ["topic", options.valueOf("topic") ?? ""],
    ...parseKeyValueArgs(options.valuesOf("property")),
  ]);
}
