/**
 * kafka-configs (Kafka's ConfigCommand) for topics and brokers: --describe [--all] prints
 * an entity's dynamic (or all) configs with their synonyms; --alter --add-config /
 * --add-config-file / --delete-config changes them entry by entry.
 *
 * What it prints when something goes wrong is Kafka's: no arguments or --help is the
 * description and the usage; an action missing or clashing options are a message and the
 * usage; a mistake in the options (one joptsimple cannot parse, an entity type that does
 * not exist, a config to delete that is not set, ...) is its message alone; a failed call to
 * the cluster is "Error while executing config command with args '...'" and the stack
 * trace's lines. All on standard error, exit code 1.
 *
 * Users, clients, IPs (quotas and SCRAM credentials), broker loggers, client metrics and
 * groups have no configs in this playground: naming them says so.
 */
import { FAILURE, SUCCESS, maybePrintHelpOrVersion } from "../framework/command-line-utils.ts";
import type { ParsedOptions } from "../framework/option-parser.ts";
import type { Tool, ToolIo } from "../framework/tool.ts";
import { openAdminSession } from "../framework/admin-session.ts";
import { JavaException, illegalArgument, printStackTrace } from "../framework/java-exception.ts";
import { parseAddConfig, parseDeleteConfig, readPropertiesFile } from "./add-config.ts";
import {
  CONFIGS_DESCRIPTION,
  checkConfigArgs,
  configOptionParser,
  entityNames,
  entityTypes,
} from "./config-options.ts";
import {
  SUPPORTED_ENTITY_TYPES,
  alterResourceConfig,
  describeResourceConfig,
} from "./config-resources.ts";

/** Exceptions ConfigCommand.main prints as their message alone. */
const PRINTED_ALONE = new Set([
  "java.lang.IllegalArgumentException",
  "org.apache.kafka.common.errors.InvalidConfigurationException",
  "org.apache.kafka.common.errors.UnsupportedVersionException",
]);

class PlaygroundLimit extends Error {}

async function configsToAdd(options: ParsedOptions, io: ToolIo): Promise<Map<string, string>> {
  const file = options.valueOf("add-config-file");
  if (file !== undefined) return readPropertiesFile(io.files, file);
  const text = options.valueOf("add-config");
  return text === undefined ? new Map() : parseAddConfig(text);
}

async function processCommand(
  options: ParsedOptions,
  args: readonly string[],
  io: ToolIo,
): Promise<void> {
  const types = entityTypes(options);
  const names = entityNames(args, options);
  if (options.has("alter") && types.length !== names.length)
    throw illegalArgument("An entity name must be specified for every entity type");
  const entityType = types[0]!;
  if (!SUPPORTED_ENTITY_TYPES.includes(entityType)) {
    throw new PlaygroundLimit(
      `This playground keeps no configs of entity type ${entityType}: kafka-configs here supports ${SUPPORTED_ENTITY_TYPES.join(" and ")}.`,
    );
  }
  if (!options.has("bootstrap-server")) {
    throw new PlaygroundLimit(
      "This playground's kafka-configs reaches the cluster through brokers only: use --bootstrap-server.",
    );
  }
  const session = openAdminSession(options.valueOf("bootstrap-server")!, io.connect);
  try {
    if (options.has("alter")) {
      const toAdd = await configsToAdd(options, io);
      const toDelete = parseDeleteConfig(options.valuesOf("delete-config"));
      await alterResourceConfig(session, entityType, names[0]!, toAdd, toDelete, io);
    } else {
      await describeResourceConfig(session, entityType, names[0], options.has("all"), io);
    }
  } finally {
    session.close();
  }
}

function printFailure(io: ToolIo, args: readonly string[], exception: JavaException): number {
  if (PRINTED_ALONE.has(exception.className) || exception.className.startsWith("joptsimple.")) {
    io.err(exception.message);
    return FAILURE;
  }
  io.err(`Error while executing config command with args '${args.join(" ")}'`);
  printStackTrace(io, exception);
  return FAILURE;
}

async function runConfigs(args: readonly string[], io: ToolIo): Promise<number> {
  const parser = configOptionParser();
  const parsed = parser.parse(args);
  if (!parsed.ok) {
    io.err(parsed.error.message);
    return FAILURE;
  }
  const options = parsed.options;
  try {
    const early = maybePrintHelpOrVersion(io, parser, args, options, CONFIGS_DESCRIPTION);
    if (early !== null) return early;
    const stop = checkConfigArgs(io, parser, options, args);
    if (stop !== null) return stop;
    await processCommand(options, args, io);
    return SUCCESS;
  } catch (error) {
    if (error instanceof PlaygroundLimit) {
      io.err(error.message);
      return FAILURE;
    }
    if (error instanceof JavaException) return printFailure(io, args, error);
    throw error;
  }
}

export const configsTool: Tool = {
  name: "kafka-configs",
  usage: CONFIGS_DESCRIPTION,
  run: runConfigs,
  commandLine: () => configOptionParser().commandLine(),
};
