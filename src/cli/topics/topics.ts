/**
 * kafka-topics (Kafka's TopicCommand): create, list, describe, alter and delete topics
 * through the Admin client.
 *
 * What it prints when something goes wrong is Kafka's: a bad command line (an action
 * missing, a required option missing, options that clash) is the message and the usage on
 * standard error; --bootstrap-server missing is its message alone; anything that fails
 * while the command runs — an option joptsimple cannot parse, a topic that does not exist,
 * an error from the cluster — is "Error while executing topic command : <message>" on
 * standard output and the exception logged at ERROR on standard error. All exit with 1.
 */
import {
  FAILURE,
  SUCCESS,
  maybePrintHelpOrVersion,
  printUsageAndExit,
} from "../framework/command-line-utils.ts";
import type { ParsedOptions } from "../framework/option-parser.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import { openAdminSession } from "../framework/admin-session.ts";
import { JavaException } from "../framework/java-exception.ts";
import { unwrapped } from "../framework/admin-failures.ts";
import { describeTopics } from "./topic-describe.ts";
import {
  TOPICS_DESCRIPTION,
  checkTopicArgs,
  topicAction,
  topicOptionParser,
} from "./topic-options.ts";
import { alterTopic, createTopic, deleteTopic, listTopics } from "./topic-service.ts";
import { logEventLines } from "../framework/tool-log.ts";

const LOGGER = "org.apache.kafka.tools.TopicCommand";

/** printException: the message on standard output, the exception logged on standard error. */
function printException(io: ToolIo, exception: JavaException): number {
  io.out(`Error while executing topic command : ${exception.message}`);
  const logged = logEventLines(io.connect.nowMs(), "ERROR", `${exception}\n`, LOGGER);
  for (const line of logged) io.err(line);
  return FAILURE;
}

async function execute(options: ParsedOptions, io: ToolIo): Promise<void> {
  const session = openAdminSession(options.valueOf("bootstrap-server")!, io.connect);
  try {
    const action = topicAction(options);
    if (action === "create") await createTopic(session, options, io);
    else if (action === "alter") await alterTopic(session, options);
    else if (action === "list") await listTopics(session, options, io);
    else if (action === "describe") await describeTopics(session, options, io);
    else await deleteTopic(session, options);
  } finally {
    session.close();
  }
}

async function runTopics(args: readonly string[], io: ToolIo): Promise<number> {
  const parser = topicOptionParser();
  const parsed = parser.parse(args);
  if (!parsed.ok) {
    const { exceptionClass, message } = parsed.error;
    return printException(io, new JavaException(exceptionClass, message));
  }
  if (args.length === 0)
    return printUsageAndExit(io, parser, "Create, delete, describe, or change a topic.");
  const early = maybePrintHelpOrVersion(io, parser, args, parsed.options, TOPICS_DESCRIPTION);
  if (early !== null) return early;
  const stop = checkTopicArgs(io, parser, parsed.options);
  if (stop !== null) return stop;
  try {
    await execute(parsed.options, io);
    return SUCCESS;
  } catch (error) {
    if (error instanceof JavaException) return printException(io, unwrapped(error));
    throw error;
  }
}

export const topicsTool: Tool = {
  name: "kafka-topics",
  usage: TOPICS_DESCRIPTION,
  run: runTopics,
  commandLine: () => topicOptionParser().commandLine(),
};
