/**
 * kafka-leader-election (Kafka's LeaderElectionCommand): asks the controller, through the
 * Admin client's electLeaders, for a PREFERRED election (leadership back to each
 * partition's first replica) or an UNCLEAN one (a leaderless partition takes any live
 * replica, even one outside the ISR, and what only the lost leader had is gone).
 *
 * It prints what Kafka's tool prints: the partitions elected, those that needed no
 * election, and each failure on standard output. Anything that ends the tool (a bad
 * command line, a bad JSON file, a failed call, partitions that could not be elected) is
 * the exception's message, then the exception, on standard error, with exit code 1.
 */
import type { ElectionResult } from "../../client/admin/admin-types.ts";
import { javaExceptionOf } from "../framework/admin-failures.ts";
import { openAdminSession } from "../framework/admin-session.ts";
import { FAILURE, maybePrintHelpOrVersion, SUCCESS } from "../framework/command-line-utils.ts";
import { describeException, JavaException } from "../framework/java-exception.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import { electionPartitions, partitionName, type TopicPartition } from "./election-partitions.ts";
import {
  electionTypeOf,
  LEADER_ELECTION_DESCRIPTION,
  leaderElectionParser,
  validateLeaderElection,
  type ElectionTypeName,
} from "./leader-election-options.ts";

/** The tool's own timeout: default.api.timeout.ms 30 s for the election call. */
const TIMEOUT_MS = 30_000;

/** The AdminCommandFailedException that ends the tool, with the failures it suppressed. */
class ElectionFailed extends JavaException {
  constructor(readonly suppressed: readonly JavaException[]) {
    super("AdminCommandFailedException", `${suppressed.length} replica(s) could not be elected`);
  }
}

function byTopicThenPartition(a: TopicPartition, b: TopicPartition): number {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;
}

/** `partitions` grouped as ElectLeaders asks for them. */
function byTopic(partitions: readonly TopicPartition[]): { topic: string; partitions: number[] }[] {
  const grouped = new Map<string, number[]>();
  for (const { topic, partition } of partitions)
    grouped.set(topic, [...(grouped.get(topic) ?? []), partition]);
  return [...grouped].map(([topic, ids]) => ({ topic, partitions: ids }));
}

async function electLeaders(
  io: ToolIo,
  bootstrapServers: string,
  electionType: { name: ElectionTypeName; id: number },
  partitions: TopicPartition[] | null,
): Promise<void> {
  const session = openAdminSession(bootstrapServers, io.connect, {
    "default.api.timeout.ms": TIMEOUT_MS,
  });
  let results: ElectionResult[];
  try {
    results = await session.admin.electLeaders({
      electionType: electionType.id,
      ...(partitions === null ? {} : { topicPartitions: byTopic(partitions) }),
    });
  } catch (error) {
    const cause = javaExceptionOf(error, "electLeaders");
    if (cause.simpleName === "TimeoutException") {
      const message = "Timeout waiting for election results";
      io.out(message);
      throw new JavaException("AdminCommandFailedException", message);
    }
    if (cause.simpleName === "ClusterAuthorizationException") {
      const message = "Not authorized to perform leader election";
      io.out(message);
      throw new JavaException("AdminCommandFailedException", message);
    }
    throw new JavaException(
      "RuntimeException",
      `java.util.concurrent.ExecutionException: ${cause.toString()}`,
    );
  } finally {
    session.close();
  }
  const succeeded: TopicPartition[] = [];
  const noop: TopicPartition[] = [];
  const failed: [TopicPartition, JavaException][] = [];
  for (const { topic, partition, error } of results) {
    const key = { topic, partition };
    if (error === null) succeeded.push(key);
    else {
      const exception = javaExceptionOf(error, "electLeaders");
      if (exception.simpleName === "ElectionNotNeededException") noop.push(key);
      else failed.push([key, exception]);
    }
  }
  const names = (keys: TopicPartition[]) =>
    [...keys].sort(byTopicThenPartition).map(partitionName).join(", ");
  if (succeeded.length > 0) {
    io.out(
      `Successfully completed leader election (${electionType.name}) for partitions ${names(succeeded)}`,
    );
  }
  if (noop.length > 0) io.out(`Valid replica already elected for partitions ${names(noop)}`);
  if (failed.length > 0) {
    failed.sort(([a], [b]) => byTopicThenPartition(a, b));
    for (const [key, exception] of failed) {
      io.out(
        `Error completing leader election (${electionType.name}) for partition: ${partitionName(key)}: ${exception}`,
      );
    }
    throw new ElectionFailed(failed.map(([, exception]) => exception));
  }
}

async function runLeaderElection(args: readonly string[], io: ToolIo): Promise<number> {
  try {
    const parser = leaderElectionParser();
    const parsed = parser.parse(args);
    if (!parsed.ok) throw new JavaException(parsed.error.exceptionClass, parsed.error.message);
    const options = parsed.options;
    const early = maybePrintHelpOrVersion(io, parser, args, options, LEADER_ELECTION_DESCRIPTION);
    if (early !== null) return early;
    validateLeaderElection(options);
    const electionType = electionTypeOf(options);
    const partitions = await electionPartitions(options, io.files);
    await electLeaders(io, options.valueOf("bootstrap-server")!, electionType, partitions);
    return SUCCESS;
  } catch (error) {
    if (!(error instanceof JavaException)) throw error;
    // mainNoExit: the message, then the stack trace (here its first line, and what the
    // exception suppressed).
    io.err(error.message);
    io.err(describeException(error));
    if (error instanceof ElectionFailed) {
      for (const suppressed of error.suppressed) io.err(`\tSuppressed: ${suppressed}`);
    }
    return FAILURE;
  }
}

export const leaderElectionTool: Tool = {
  name: "kafka-leader-election",
  usage: LEADER_ELECTION_DESCRIPTION,
  run: runLeaderElection,
  commandLine: () => leaderElectionParser().commandLine(),
};
