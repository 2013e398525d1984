/**
 * kafka-console-producer (Kafka 4.0's ConsoleProducer): every line of standard input
 * becomes a record on --topic, parsed by the LineMessageReader (--property parse.key=true
 * and friends), sent by a producer configured from the command line.
 *
 * Sending is asynchronous unless --sync: a failed send is logged as Kafka's
 * ErrorLoggingCallback logs it and the tool goes on (exit code 0); with --sync the first
 * failure ends the tool (exit code 1). A line that does not parse ends it too, after what
 * was already sent is flushed (Kafka's shutdown hook closes the producer).
 *
 * Ctrl-C (the shell's interrupt) stops reading, as Kafka's shutdown hook closing the
 * producer does: what was read is sent, then the tool ends.
 *
 * The ">" prompt: Kafka prints it before each line only when standard input is a terminal
 * (System.console() != null). A ToolIo does not say whether it is, and each out() is a
 * whole line, so this tool behaves as Kafka does for piped input: no prompt.
 */
import type { Message, MessageHeaders, Producer } from "../../client/producer/producer-types.ts";
import {
  FAILURE,
  SUCCESS,
  maybePrintHelpOrVersion,
  missingRequiredArgument,
  printUsageAndExit,
} from "../framework/command-line-utils.ts";
import type { ParsedOptions } from "../framework/option-parser.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import { bootstrapServerProblem } from "../framework/bootstrap-servers.ts";
import { configObject, kafkaFor } from "./client-properties.ts";
import {
  CONSOLE_PRODUCER_DESCRIPTION,
  LINE_READER_CLASS,
  consoleProducerOptionParser,
  producerProperties,
  readerProperties,
} from "./console-producer-options.ts";
import { describeException, qualifiedExceptionName } from "../framework/java-exception.ts";
import { linesUntilShutdown } from "../framework/lines-until-shutdown.ts";
import { LineMessageReader, lineReaderConfig, type LineRecord } from "./line-message-reader.ts";
import { PendingSends } from "./pending-sends.ts";
import { logToStderr } from "../framework/tool-log.ts";

const ERROR_LOGGING_CALLBACK = "org.apache.kafka.clients.producer.internals.ErrorLoggingCallback";
const encoder = new TextEncoder();

/** ErrorLoggingCallback's words for a field: "null" or its size in bytes. */
function sizeOf(text: string | null): string {
  return text === null ? "null" : `${encoder.encode(text).length} bytes`;
}

function messageOf(record: LineRecord): Message {
  const headers: MessageHeaders = {};
  for (const { key, value } of record.headers) {
    const earlier = headers[key];
    // A repeated header key keeps every value, as KafkaJS's headers do.
    headers[key] =
      earlier === undefined
        ? value
        : Array.isArray(earlier)
          ? [...earlier, value]
          : [earlier, value];
  }
  return { key: record.key, value: record.value, headers };
}

/** Options Kafka would take but this playground cannot honour: the message, or null. */
function unsupportedOption(parsed: ParsedOptions): string | null {
  if (parsed.has("producer.config")) {
    return "--producer.config is not supported here: pass each setting with --producer-property key=value";
  }
  if (parsed.has("reader-config")) {
    return "--reader-config is not supported here: pass each setting with --property key=value";
  }
  if (parsed.valueOf("line-reader") !== LINE_READER_CLASS) {
    return `--line-reader: only ${LINE_READER_CLASS} is available here`;
  }
  return null;
}

async function produceLines(
  producer: Producer,
  reader: LineMessageReader,
  topic: string,
  sync: boolean,
  io: ToolIo,
): Promise<number> {
  const pending = new PendingSends();
  try {
    for await (const line of linesUntilShutdown(io)) {
      const record = reader.read(line);
      const send = producer.send({ topic, messages: [messageOf(record)] });
      if (sync) {
        try {
          await send;
        } catch (error) {
          // Future.get() wraps the failure; Kafka prints the ExecutionException's stack trace.
          io.err(`${qualifiedExceptionName("ExecutionException")}: ${describeException(error)}`);
          return FAILURE;
        }
        continue;
      }
      await pending.track(
        send.then(
          () => undefined,
          (error: unknown) =>
            logToStderr(
              io,
              "ERROR",
              `Error when sending message to topic ${topic} with key: ${sizeOf(record.key)}, value: ${sizeOf(record.value)} with error:`,
              ERROR_LOGGING_CALLBACK,
              error,
            ),
        ),
      );
    }
    return SUCCESS;
  } catch (error) {
    io.err(describeException(error));
    return FAILURE;
  } finally {
    await pending.settled();
    await producer.disconnect().catch(() => undefined);
  }
}

async function runConsoleProducer(args: readonly string[], io: ToolIo): Promise<number> {
  const parser = consoleProducerOptionParser();
  const parsed = parser.parse(args);
  if (!parsed.ok) return printUsageAndExit(io, parser, parsed.error.message);
  const options = parsed.options;
  const early = maybePrintHelpOrVersion(io, parser, args, options, CONSOLE_PRODUCER_DESCRIPTION);
  if (early !== null) return early;
  const missing = missingRequiredArgument(options, ["topic"]);
  if (missing !== null) return printUsageAndExit(io, parser, missing);
  const problem = bootstrapServerProblem(options.valueOf("bootstrap-server"));
  if (problem !== null) {
    // Kafka's message ends in a newline, so an empty line comes before the usage.
    io.err(problem.trimEnd());
    return printUsageAndExit(io, parser, "");
  }
  const unsupported = unsupportedOption(options);
  if (unsupported !== null) return printUsageAndExit(io, parser, unsupported);

  let producer: Producer | null = null;
  let reader: LineMessageReader;
  try {
    reader = new LineMessageReader(lineReaderConfig(readerProperties(options)));
    const properties = producerProperties(options);
    producer = kafkaFor(properties, io.connect).producer(configObject(properties));
    await producer.connect();
  } catch (error) {
    io.err(describeException(error));
    await producer?.disconnect().catch(() => undefined);
    return FAILURE;
  }
  return produceLines(producer, reader, options.valueOf("topic")!, options.has("sync"), io);
}

export const consoleProducerTool: Tool = {
  name: "kafka-console-producer",
  usage: CONSOLE_PRODUCER_DESCRIPTION,
  run: runConsoleProducer,
  commandLine: () => consoleProducerOptionParser().commandLine(),
};
