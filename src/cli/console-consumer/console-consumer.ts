/**
 * kafka-console-consumer (Kafka 4.0's ConsoleConsumer): records of --topic (a group
 * subscription), of the topics matching --include, or of one --partition from --offset
 * (a standalone assignment), printed by the DefaultMessageFormatter until --max-messages
 * were printed, --timeout-ms passed without a record, or the consumer failed; then
 * "Processed a total of N messages" on standard error.
 *
 * As Kafka's tool: a timeout or a consumer failure is logged ("Error processing message,
 * terminating consumer process:") and still exits 0 after the count; a failure before
 * consuming starts (a bad config, a bad --include pattern) is "Unknown error when running
 * consumer:" and exit code 1. Records after the last one printed are not committed: the
 * consumer stops delivering at --max-messages, so its commit on close covers only what was
 * printed (Kafka seeks back to the first unprinted record for the same reason). Ctrl-C
 * (the shell's interrupt) ends the loop the same way, then the count is printed.
 */
import { CONSUMER_EVENTS } from "../../client/consumer/consumer-events.ts";
import type { Consumer } from "../../client/consumer/consumer.ts";
import type { EachMessagePayload } from "../../client/consumer/consumer-types.ts";
import {
  FAILURE,
  SUCCESS,
  maybePrintHelpOrVersion,
  printUsageAndExit,
} from "../framework/command-line-utils.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import { configObject, kafkaFor } from "../console-producer/client-properties.ts";
import { JavaException } from "../framework/java-exception.ts";
import { includePattern } from "./include-pattern.ts";
import { logToStderr } from "../framework/tool-log.ts";
import {
  CONSOLE_CONSUMER_DESCRIPTION,
  DEFAULT_FORMATTER_CLASS,
  TerseError,
  UsageError,
  consoleConsumerOptionParser,
  consoleConsumerSettings,
  type ConsoleConsumerSettings,
} from "./console-consumer-options.ts";
import {
  OutputLines,
  formatRecord,
  formatterConfig,
  type FormatterConfig,
} from "./default-message-formatter.ts";

const CONSOLE_CONSUMER_CLASS = "org.apache.kafka.tools.consumer.ConsoleConsumer";

/** Starts consuming as ConsumerWrapper does: assign and seek, or subscribe. */
async function startConsuming(
  consumer: Consumer,
  settings: ConsoleConsumerSettings,
): Promise<void> {
  await consumer.connect();
  if (settings.partition !== null) {
    const target = { topic: settings.topic!, partition: settings.partition };
    consumer.assign([target]);
    if (settings.offset === "earliest") consumer.seekToBeginning([target]);
    else if (settings.offset === "latest") consumer.seekToEnd([target]);
    else consumer.seek({ ...target, offset: settings.offset.toString() });
  } else if (settings.topic !== null) {
    await consumer.subscribe({ topics: [settings.topic] });
  } else {
    await consumer.subscribe({ topics: [includePattern(settings.include!)] });
  }
}

/** One run of the consume loop: counts, prints, and settles once it should stop. */
class ConsumeLoop {
  count = 0;
  private done = false;
  private lastRecordMs: number;
  private finish!: (failure: unknown) => void;
  /** Resolves with what ended the loop: null for --max-messages, else the failure. */
  readonly finished = new Promise<unknown>((resolve) => (this.finish = resolve));

  constructor(
    private readonly io: ToolIo,
    private readonly consumer: Consumer,
    private readonly settings: ConsoleConsumerSettings,
    private readonly formatter: FormatterConfig,
    private readonly output: OutputLines,
  ) {
    this.lastRecordMs = io.connect.nowMs();
    const { maxMessages, timeoutMs } = settings;
    // Kafka's loop runs while count < max (or max is -1): 0 or a negative max reads nothing.
    if (maxMessages !== -1 && maxMessages <= 0) this.stop(null);
    if (timeoutMs !== null) io.connect.after(timeoutMs + 1, () => this.checkTimeout(timeoutMs));
    consumer.on(CONSUMER_EVENTS.CRASH, (event) => this.stop(event.payload.error));
  }

  readonly eachMessage = async ({ partition, message }: EachMessagePayload): Promise<void> => {
    if (this.done) return;
    this.count++;
    this.lastRecordMs = this.io.connect.nowMs();
    // The formatter reads any bytes (invalid UTF-8 becomes U+FFFD), so unlike Kafka's with
    // a failing deserializer it never fails: --skip-message-on-error has nothing to skip.
    this.output.write(formatRecord({ partition, message }, this.formatter));
    if (this.settings.maxMessages !== -1 && this.count >= this.settings.maxMessages)
      this.stop(null);
  };

  /** Ends the loop once; records already fetched are not delivered (nor committed) after it. */
  stop(failure: unknown): void {
    if (this.done) return;
    this.done = true;
    const topics = new Set(this.consumer.assignment().map((entry) => entry.topic));
    this.consumer.pause([...topics].map((topic) => ({ topic })));
    if (failure !== null) {
      logToStderr(
        this.io,
        "ERROR",
        "Error processing message, terminating consumer process: ",
        CONSOLE_CONSUMER_CLASS,
        failure,
      );
    }
    this.finish(failure);
  }

  /** ConsumerWrapper.receive(): no record for longer than timeout-ms is a TimeoutException. */
  private checkTimeout(timeoutMs: number): void {
    if (this.done) return;
    const idleMs = this.io.connect.nowMs() - this.lastRecordMs;
    if (idleMs > timeoutMs) this.stop(new JavaException("TimeoutException"));
    else this.io.connect.after(timeoutMs - idleMs + 1, () => this.checkTimeout(timeoutMs));
  }
}

async function consume(
  settings: ConsoleConsumerSettings,
  formatter: FormatterConfig,
  io: ToolIo,
): Promise<number> {
  let consumer: Consumer | null = null;
  let loop: ConsumeLoop;
  const output = new OutputLines(io.out);
  try {
    consumer = kafkaFor(settings.consumerProperties, io.connect).consumer(
      configObject(settings.consumerProperties),
    );
    loop = new ConsumeLoop(io, consumer, settings, formatter, output);
    // Kafka's shutdown hook wakes the consumer up: the loop ends as at --max-messages, the
    // consumer closes (committing what was printed) and the count is printed.
    io.addShutdownHook?.(() => loop.stop(null));
    await startConsuming(consumer, settings);
    await consumer.run({ eachMessage: loop.eachMessage });
  } catch (error) {
    logToStderr(
      io,
      "ERROR",
      "Unknown error when running consumer: ",
      CONSOLE_CONSUMER_CLASS,
      error,
    );
    await consumer?.disconnect().catch(() => undefined);
    return FAILURE;
  }
  await loop.finished;
  await consumer.disconnect().catch(() => undefined);
  output.flush();
  io.err(`Processed a total of ${loop.count} messages`);
  return SUCCESS;
}

async function runConsoleConsumer(args: readonly string[], io: ToolIo): Promise<number> {
  const parser = consoleConsumerOptionParser();
  const parsed = parser.parse(args);
  if (!parsed.ok) return printUsageAndExit(io, parser, parsed.error.message);
  const options = parsed.options;
  const early = maybePrintHelpOrVersion(io, parser, args, options, CONSOLE_CONSUMER_DESCRIPTION);
  if (early !== null) return early;
  let settings: ConsoleConsumerSettings;
  try {
    settings = consoleConsumerSettings(options, io.connect.random);
  } catch (error) {
    if (error instanceof UsageError) return printUsageAndExit(io, parser, error.message);
    if (!(error instanceof TerseError)) throw error;
    io.err(error.message);
    return FAILURE;
  }
  if (options.has("consumer.config") || options.has("formatter-config")) {
    return printUsageAndExit(
      io,
      parser,
      "Properties files are not supported here: pass each setting with --consumer-property or --property key=value",
    );
  }
  if (options.valueOf("formatter") !== DEFAULT_FORMATTER_CLASS) {
    return printUsageAndExit(
      io,
      parser,
      `--formatter: only ${DEFAULT_FORMATTER_CLASS} is available here`,
    );
  }
  return consume(settings, formatterConfig(settings.formatterProperties), io);
}

export const consoleConsumerTool: Tool = {
  name: "kafka-console-consumer",
  usage: CONSOLE_CONSUMER_DESCRIPTION,
  run: runConsoleConsumer,
  commandLine: () => consoleConsumerOptionParser().commandLine(),
};
