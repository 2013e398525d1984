/**
 * kafka-consumer-groups (Kafka's ConsumerGroupCommand): list, describe (offsets and lag,
 * members, state), delete groups, reset and delete their committed offsets, through the
 * Admin client with --timeout as each call's timeout.
 *
 * What it prints when something goes wrong is Kafka's: an option joptsimple refuses ends
 * the JVM ("Exception in thread "main" joptsimple...", then the usage here); a bad
 * combination of options, or a bad value found while running (an IllegalArgumentException),
 * is the message and the usage on standard error, exit code 1. A failure while running
 * (the cluster's errors, a group that is not inactive, one that does not exist) is printed
 * as "Error: ..." on standard output and — as Kafka's tool does — the exit code stays 0.
 */
import {
  SUCCESS,
  maybePrintHelpOrVersion,
  printOptionException,
  printUsageAndExit,
} from "../framework/command-line-utils.ts";
import type { OptionParser, ParsedOptions } from "../framework/option-parser.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import { openAdminSession, type AdminSession } from "../framework/admin-session.ts";
import { JavaException, printStackTrace } from "../framework/java-exception.ts";
import { readTextFile } from "../framework/tool-files.ts";
import {
  ACTIONS,
  CONSUMER_GROUPS_DESCRIPTION,
  checkConsumerGroupArgs,
  consumerGroupOptionParser,
  groupAction,
  unavailableOption,
} from "./consumer-group-options.ts";
import {
  collectGroupsMembers,
  collectGroupsOffsets,
  collectGroupsState,
} from "./describe-collect.ts";
import { printError, printMembers, printOffsets, printStates } from "./describe-output.ts";
import { deleteAllGroups, deleteGroups, deleteOffsets } from "./group-deletion.ts";
import { listGroups } from "./group-listing.ts";
import { listConsumerGroups } from "./group-reads.ts";
import { parseResetPlan, type ResetPlan } from "./reset-csv.ts";
import { printExportedPlan, printOffsetsToReset, resetOffsets } from "./reset-offsets.ts";
import { UsageExit } from "./reset-plan.ts";

async function groupIdsOf(session: AdminSession, options: ParsedOptions): Promise<string[]> {
  return options.has("all-groups")
    ? (await listConsumerGroups(session)).map((group) => group.groupId)
    : options.valuesOf("group");
}

async function describe(session: AdminSession, options: ParsedOptions, io: ToolIo): Promise<void> {
  const groupIds = await groupIdsOf(session, options);
  const verbose = options.has("verbose");
  if (options.has("members"))
    printMembers(io, await collectGroupsMembers(session, groupIds), verbose);
  else if (options.has("state"))
    printStates(io, await collectGroupsState(session, groupIds), verbose);
  else printOffsets(io, await collectGroupsOffsets(session, groupIds), verbose);
}

async function readResetPlan(options: ParsedOptions, io: ToolIo): Promise<ResetPlan | null> {
  const path = options.valueOf("from-file");
  if (path === undefined) return null;
  const csv = await readTextFile(io.files, path);
  if (csv === null) {
    throw new JavaException("RuntimeException", `java.nio.file.NoSuchFileException: ${path}`);
  }
  return parseResetPlan(csv, options.valuesOf("group"));
}

async function execute(session: AdminSession, options: ParsedOptions, io: ToolIo): Promise<void> {
  const action = groupAction(options);
  if (action === "list") await listGroups(session, options, io);
  else if (action === "describe") await describe(session, options, io);
  else if (action === "delete") {
    if (options.has("all-groups")) await deleteAllGroups(session, io);
    else await deleteGroups(session, options.valuesOf("group"), io);
  } else if (action === "reset-offsets") {
    const fromFile = await readResetPlan(options, io);
    const plan = await resetOffsets({ session, options, io, fromFile });
    if (options.has("export")) printExportedPlan(io, plan, options.valuesOf("group").length === 1);
    else printOffsetsToReset(io, plan);
  } else await deleteOffsets(session, options.valueOf("group")!, options.valuesOf("topic"), io);
}

/** run's catch: usage for a bad value, else "Error: ..." and the stack trace's lines (exit 0). */
function reportFailure(io: ToolIo, parser: OptionParser, error: unknown): number {
  if (error instanceof UsageExit) return printUsageAndExit(io, parser, error.message);
  if (!(error instanceof JavaException)) throw error;
  if (error.className === "java.lang.IllegalArgumentException")
    return printUsageAndExit(io, parser, error.message);
  printError(io, `Executing consumer group command failed due to ${error.message}`);
  printStackTrace(io, error);
  return SUCCESS;
}

async function runConsumerGroups(args: readonly string[], io: ToolIo): Promise<number> {
  const parser = consumerGroupOptionParser();
  const parsed = parser.parse(args);
  if (!parsed.ok) return printOptionException(io, parser, parsed.error);
  const options = parsed.options;
  const unavailable = unavailableOption(options);
  if (unavailable !== null) return printOptionException(io, parser, unavailable);
  const early = maybePrintHelpOrVersion(io, parser, args, options, CONSUMER_GROUPS_DESCRIPTION);
  if (early !== null) return early;
  const stop = checkConsumerGroupArgs(io, parser, options);
  if (stop !== null) return stop;
  if (ACTIONS.filter((action) => options.has(action)).length !== 1) {
    const names = ACTIONS.map((action) => `--${action}`).join(", ");
    return printUsageAndExit(io, parser, `Command must include exactly one action: ${names}`);
  }
  let session: AdminSession;
  try {
    session = openAdminSession(options.valueOf("bootstrap-server")!, io.connect, {
      "default.api.timeout.ms": options.numberOf("timeout"),
    });
  } catch (error) {
    return reportFailure(io, parser, error);
  }
  try {
    await execute(session, options, io);
    return SUCCESS;
  } catch (error) {
    return reportFailure(io, parser, error);
  } finally {
    session.close();
  }
}

export const consumerGroupsTool: Tool = {
  name: "kafka-consumer-groups",
  usage: CONSUMER_GROUPS_DESCRIPTION,
  run: runConsumerGroups,
  commandLine: () => consumerGroupOptionParser().commandLine(),
};
