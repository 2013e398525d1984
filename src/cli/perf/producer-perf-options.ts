/**
 * kafka-producer-perf-test's command line as Kafka's ProducerPerformance declares it
 * (argparse4j, prog "producer-performance"), and the checks its ConfigPostProcessor makes,
 * with Kafka's messages. Transactions (--transactional-id, --transaction-duration-ms) and
 * --producer.config are left out: the producer here has no transactions and the tool
 * reads no properties files, so --producer-props is the way to configure it.
 */
import { ArgParser, type ArgumentValues } from "../framework/arg-parser.ts";

export const PRODUCER_PERF_DESCRIPTION = "This tool is used to verify the producer performance.";

export const producerPerfParser = (): ArgParser =>
  new ArgParser({
    prog: "producer-performance",
    description: PRODUCER_PERF_DESCRIPTION,
    defaultHelp: true,
    arguments: [
      {
        flag: "--topic",
        metavar: "TOPIC",
        action: "store",
        required: true,
        help: "produce messages to this topic",
      },
      {
        flag: "--num-records",
        metavar: "NUM-RECORDS",
        action: "store",
        type: "Long",
        required: true,
        help: "number of messages to produce",
      },
      {
        flag: "--payload-delimiter",
        metavar: "PAYLOAD-DELIMITER",
        action: "store",
        defaultValue: "\\n",
        help: "provides delimiter to be used when --payload-file is provided. Defaults to new line. Note that this parameter will be ignored if --payload-file is not provided.",
      },
      {
        flag: "--throughput",
        metavar: "THROUGHPUT",
        action: "store",
        type: "Double",
        required: true,
        help: "throttle maximum message throughput to *approximately* THROUGHPUT messages/sec. Set this to -1 to disable throttling.",
      },
      {
        flag: "--producer-props",
        metavar: "PROP-NAME=PROP-VALUE",
        action: "many",
        help: "kafka producer related configuration properties like bootstrap.servers,client.id etc. These configs take precedence over those passed via --producer.config.",
      },
      {
        flag: "--print-metrics",
        action: "storeTrue",
        help: "print out metrics at the end of the test.",
      },
    ],
    requiredGroup: {
      description: "either --record-size or --payload-file must be specified but not both.",
      arguments: [
        {
          flag: "--record-size",
          metavar: "RECORD-SIZE",
          action: "store",
          type: "Integer",
          help: "message size in bytes. Note that you must provide exactly one of --record-size or --payload-file or --payload-monotonic.",
        },
        {
          flag: "--payload-file",
          metavar: "PAYLOAD-FILE",
          action: "store",
          help: "file to read the message payloads from. This works only for UTF-8 encoded text files. Payloads will be read from this file and a payload will be randomly selected when sending messages. Note that you must provide exactly one of --record-size or --payload-file or --payload-monotonic.",
        },
        {
          flag: "--payload-monotonic",
          action: "storeTrue",
          help: "payload is monotonically increasing integer. Note that you must provide exactly one of --record-size or --payload-file or --payload-monotonic.",
        },
      ],
    },
  });

export interface ProducerPerfSettings {
  topic: string;
  numRecords: number;
  recordSize: number | null;
  payloadFile: string | null;
  /** The delimiter between payloads in the file ("\\n" as typed means a newline). */
  payloadDelimiter: string;
  payloadMonotonic: boolean;
  throughput: number;
  /** --producer-props as given, in order (the last of a repeated name wins). */
  producerProps: string[] | null;
  printMetrics: boolean;
}

/** An ArgumentParserException of ConfigPostProcessor: printed after the usage, exit 1. */
export class PerfArgumentError extends Error {}

/** ConfigPostProcessor's checks, in Kafka's order. */
export function producerPerfSettings(values: ArgumentValues): ProducerPerfSettings {
  const text = (flag: string) => {
    const value = values.get(flag);
    return typeof value === "string" ? value : null;
  };
  const numRecords = Number(text("--num-records"));
  const recordSize = text("--record-size") === null ? null : Number(text("--record-size"));
  const producerProps = values.get("--producer-props");
  if (numRecords <= 0) throw new PerfArgumentError("--num-records should be greater than zero");
  if (recordSize !== null && recordSize <= 0) {
    throw new PerfArgumentError("--record-size should be greater than zero");
  }
  if (!Array.isArray(producerProps)) {
    throw new PerfArgumentError("Either --producer-props or --producer.config must be specified.");
  }
  const delimiter = text("--payload-delimiter")!;
  return {
    topic: text("--topic")!,
    numRecords,
    recordSize,
    payloadFile: text("--payload-file"),
    payloadDelimiter: delimiter === "\\n" ? "\n" : delimiter,
    payloadMonotonic: values.get("--payload-monotonic") === true,
    throughput: Number(text("--throughput")!.replace(/[fFdD]$/, "")),
    producerProps,
    printMetrics: values.get("--print-metrics") === true,
  };
}

/** An exception that leaves main, as the JVM prints it (Exception in thread "main" ...). */
export class UncaughtToolError extends Error {}

/**
 * readProps: each "name=value" (split on "=", which must give exactly two pieces after
 * Java drops trailing empty ones), then the tool's client.id unless one was given.
 */
export function producerPerfProperties(producerProps: readonly string[]): Map<string, string> {
  const properties = new Map<string, string>();
  for (const prop of producerProps) {
    const pieces = prop.split("=");
    while (pieces.length > 0 && pieces[pieces.length - 1] === "") pieces.pop();
    if (pieces.length !== 2) {
      throw new UncaughtToolError(`java.lang.IllegalArgumentException: Invalid property: ${prop}`);
    }
    properties.set(pieces[0]!, pieces[1]!);
  }
  if (!properties.has("client.id")) properties.set("client.id", "perf-producer-client");
  return properties;
}
