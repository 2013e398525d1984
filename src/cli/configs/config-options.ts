/**
 * kafka-configs' options, as Kafka's ConfigCommand declares them, which entity types and
 * names they make (--entity-type/--entity-name/--entity-default, or the shortcuts --topic,
 * --broker, --broker-defaults, ...), and its checks of how they combine, in Kafka's order
 * and words. Not here: --command-config (no properties files for the Admin client yet);
 * the lists of valid config names Kafka's --add-config help prints.
 */
import { printUsageAndExit, invalidArgumentCombination } from "../framework/command-line-utils.ts";
import {
  OptionParser,
  flag,
  withValue,
  type OptionSpec,
  type ParsedOptions,
} from "../framework/option-parser.ts";
import type { ToolIo } from "../framework/tool.ts";
import { illegalArgument } from "../framework/java-exception.ts";

export const CONFIGS_DESCRIPTION =
  "This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip, client-metrics or group";

export const TOPIC_TYPE = "topics";
export const BROKER_TYPE = "brokers";
export const BROKER_LOGGER_TYPE = "broker-loggers";
const USER_TYPE = "users";
const CLIENT_TYPE = "clients";
const IP_TYPE = "ips";

/** ConfigCommand.BROKER_SUPPORTED_CONFIG_TYPES: broker-loggers, then ConfigType's values. */
export const ENTITY_TYPES: readonly string[] = [
  BROKER_LOGGER_TYPE,
  TOPIC_TYPE,
  CLIENT_TYPE,
  USER_TYPE,
  BROKER_TYPE,
  IP_TYPE,
  "client-metrics",
  "groups",
];

/** The shortcut options that name an entity of a type. */
const ENTITY_FLAGS: [string, string][] = [
  ["topic", TOPIC_TYPE],
  ["client", CLIENT_TYPE],
  ["user", USER_TYPE],
  ["broker", BROKER_TYPE],
  ["broker-logger", BROKER_LOGGER_TYPE],
  ["ip", IP_TYPE],
  ["client-metrics", "client-metrics"],
  ["group", "groups"],
];

/** The shortcut options that name a type's default entity. */
const ENTITY_DEFAULT_FLAGS: [string, string][] = [
  ["client-defaults", CLIENT_TYPE],
  ["user-defaults", USER_TYPE],
  ["broker-defaults", BROKER_TYPE],
  ["ip-defaults", IP_TYPE],
];

const SPECS: OptionSpec[] = [
  withValue("bootstrap-server", "The Kafka servers to connect to.", "server to connect to"),
  withValue(
    "bootstrap-controller",
    "The Kafka controllers to connect to.",
    "controller to connect to",
  ),
  flag("alter", "Alter the configuration for the entity."),
  flag("describe", "List configs for the given entity."),
  flag("all", "List all configs for the given entity, including static configs if available."),
  {
    ...withValue(
      "entity-type",
      "Type of entity (topics/clients/users/brokers/broker-loggers/ips/client-metrics/groups)",
    ),
    repeatable: true,
  },
  {
    ...withValue(
      "entity-name",
      "Name of entity (topic name/client id/user principal name/broker id/ip/client metrics/group id)",
    ),
    repeatable: true,
  },
  flag(
    "entity-default",
    "Default entity name for clients/users/brokers/ips (applies to corresponding entity type)",
  ),
  withValue(
    "add-config",
    "Key Value pairs of configs to add. Square brackets can be used to group values which contain commas: 'k1=v1,k2=[v1,v2,v2],k3=v3'. Entity types 'users' and 'clients' may be specified together to update config for clients of a specific user.",
  ),
  withValue(
    "add-config-file",
    "Path to a properties file with configs to add. See add-config for a list of valid configurations.",
  ),
  { ...withValue("delete-config", "config keys to remove 'k1,k2'"), repeatable: true },
  withValue("topic", "The topic's name."),
  withValue("client", "The client's ID."),
  flag("client-defaults", "The config defaults for all clients."),
  withValue("user", "The user's principal name."),
  flag("user-defaults", "The config defaults for all users."),
  withValue("broker", "The broker's ID."),
  flag("broker-defaults", "The config defaults for all brokers."),
  withValue("broker-logger", "The broker's ID for its logger config."),
  flag("ip-defaults", "The config defaults for all IPs."),
  withValue("ip", "The IP address."),
  withValue("group", "The group's ID."),
  withValue("client-metrics", "The client metrics config resource name."),
];

export function configOptionParser(): OptionParser {
  return new OptionParser(SPECS);
}

export function entityTypes(options: ParsedOptions): string[] {
  const fromFlags = [...ENTITY_FLAGS, ...ENTITY_DEFAULT_FLAGS]
    .filter(([name]) => options.has(name))
    .map(([, type]) => type);
  return [...options.valuesOf("entity-type"), ...fromFlags];
}

/**
 * Each --entity-name and --entity-default in the order typed (a default is ""), then the
 * shortcut flags' names. joptsimple keeps the order options were given; so does this scan.
 */
export function entityNames(args: readonly string[], options: ParsedOptions): string[] {
  const specs = new Map(SPECS.map((spec) => [spec.name, spec]));
  const names = [...options.valuesOf("entity-name")];
  const fromSpecs: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (word === "--") break;
    if (!word.startsWith("-")) continue;
    const body = word.replace(/^--?/, "");
    const equals = body.indexOf("=");
    const name = equals === -1 ? body : body.slice(0, equals);
    if (name === "entity-name") fromSpecs.push(names.shift() ?? "");
    if (name === "entity-default") fromSpecs.push("");
    if (specs.get(name)?.argument !== undefined && equals === -1) index++;
  }
  const fromFlags = ENTITY_FLAGS.filter(([name]) => options.has(name)).map(([name]) =>
    options.valueOf(name)!,
  );
  const fromDefaults = ENTITY_DEFAULT_FLAGS.filter(([name]) => options.has(name)).map(() => "");
  return [...fromSpecs, ...fromFlags, ...fromDefaults];
}

/**
 * ConfigCommandOptions.checkArgs. Mistakes joptsimple-style (an action missing, options
 * that clash) print the usage and answer the exit code; the rest are thrown as
 * IllegalArgumentException, which the tool prints alone. Null: go on.
 */
export function checkConfigArgs(
  io: ToolIo,
  parser: OptionParser,
  options: ParsedOptions,
  args: readonly string[],
): number | null {
  const has = (name: string) => options.has(name);
  if (["alter", "describe"].filter(has).length !== 1)
    return printUsageAndExit(
      io,
      parser,
      "Command must include exactly one action: --describe, --alter",
    );
  const clash = invalidArgumentCombination(options, "describe", [
    "alter",
    "add-config",
    "delete-config",
  ]);
  if (clash !== null) return printUsageAndExit(io, parser, clash);

  const types = entityTypes(options);
  const repeated = types.filter((type, index) => types.indexOf(type) !== index);
  if (repeated.length > 0)
    throw illegalArgument(
      `Duplicate entity type(s) specified: ${[...new Set(repeated)].join(",")}`,
    );
  if (!has("bootstrap-server") && !has("bootstrap-controller"))
    throw illegalArgument("Either --bootstrap-server or --bootstrap-controller must be specified.");
  for (const type of types) {
    if (!ENTITY_TYPES.includes(type)) {
      throw illegalArgument(
        `Invalid entity type ${type}, the entity type must be one of ${ENTITY_TYPES.join(", ")} with a --bootstrap-server or --bootstrap-controller argument`,
      );
    }
  }
  if (types.length === 0) throw illegalArgument("At least one entity type must be specified");
  const usersAndClients =
    new Set(types).size === 2 && types.includes(USER_TYPE) && types.includes(CLIENT_TYPE);
  if (types.length > 1 && !usersAndClients)
    throw illegalArgument(
      `Only '${USER_TYPE}' and '${CLIENT_TYPE}' entity types may be specified together`,
    );
  const shortcuts = [...ENTITY_FLAGS, ...ENTITY_DEFAULT_FLAGS].some(([name]) => has(name));
  if ((has("entity-name") || has("entity-type") || has("entity-default")) && shortcuts) {
    throw illegalArgument(
      "--entity-{type,name,default} should not be used in conjunction with specific entity flags",
    );
  }
  const names = entityNames(args, options);
  const hasEntityName = names.some((name) => name !== "");
  const hasEntityDefault = names.some((name) => name === "");
  if (has("bootstrap-server") && has("bootstrap-controller"))
    throw illegalArgument(
      "Only one of --bootstrap-server or --bootstrap-controller can be specified",
    );
  if (hasEntityName && (types.includes(BROKER_TYPE) || types.includes(BROKER_LOGGER_TYPE))) {
    for (const name of ["entity-name", "broker", "broker-logger"].filter(has)) {
      const brokerId = options.valueOf(name)!;
      if (!/^[+-]?\d+$/.test(brokerId)) {
        throw illegalArgument(
          `The entity name for ${types[0]} must be a valid integer broker id, but it is: ${brokerId}`,
        );
      }
    }
  }
  const quotaTypes = [USER_TYPE, CLIENT_TYPE, BROKER_TYPE, IP_TYPE];
  const ofQuotaType = types.some((type) => quotaTypes.includes(type));
  if (has("describe")) {
    if (!ofQuotaType && has("entity-default"))
      throw illegalArgument(
        `--entity-default must not be specified with --describe of ${types.join(",")}`,
      );
    if (types.includes(BROKER_LOGGER_TYPE) && !hasEntityName)
      throw illegalArgument(
        `An entity name must be specified with --describe of ${types.join(",")}`,
      );
  }
  if (has("alter")) {
    if (ofQuotaType) {
      if (!hasEntityName && !hasEntityDefault) {
        throw illegalArgument(
          "An entity-name or default entity must be specified with --alter of users, clients, brokers or ips",
        );
      }
    } else if (!hasEntityName) {
      throw illegalArgument(`An entity name must be specified with --alter of ${types.join(",")}`);
    }
    if (has("add-config") && has("add-config-file"))
      throw illegalArgument("Only one of --add-config or --add-config-file must be specified");
    if (!has("add-config") && !has("add-config-file") && !has("delete-config")) {
      throw illegalArgument(
        "At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter",
      );
    }
  }
  return null;
}
