/**
 * kafka-configs --describe and --alter of topics and brokers, as ConfigCommand does them
 * with the Admin client: describe prints a header per entity and one line per config
 * ("  name=value sensitive=false synonyms={SOURCE:name=value, ...}"), only the dynamic
 * ones unless --all; alter deletes and sets entries one by one (IncrementalAlterConfigs),
 * after checking that every config to delete is set on the entity now.
 */
import {
  ConfigResourceType,
  type DescribedConfigEntry,
  type IncrementalConfigEntry,
} from "../../client/admin/admin-types.ts";
import type { ToolIo } from "../framework/tool.ts";
import type { AdminSession } from "../framework/admin-session.ts";
import { JavaException, illegalArgument } from "../framework/java-exception.ts";
import { adminCall } from "../framework/admin-failures.ts";
import { BROKER_TYPE, TOPIC_TYPE } from "./config-options.ts";

/** The broker entity name of the cluster-wide defaults. */
export const BROKER_DEFAULT_ENTITY_NAME = "";

/** Java's ConfigEntry.ConfigSource names, by DescribeConfigs' source ids. */
const CONFIG_SOURCES = [
  "UNKNOWN",
  "DYNAMIC_TOPIC_CONFIG",
  "DYNAMIC_BROKER_CONFIG",
  "DYNAMIC_DEFAULT_BROKER_CONFIG",
  "STATIC_BROKER_CONFIG",
  "DEFAULT_CONFIG",
  "DYNAMIC_BROKER_LOGGER_CONFIG",
  "DYNAMIC_CLIENT_METRICS_CONFIG",
  "DYNAMIC_GROUP_CONFIG",
];
const DYNAMIC_TOPIC_CONFIG = 1;
const DYNAMIC_BROKER_CONFIG = 2;
const DYNAMIC_DEFAULT_BROKER_CONFIG = 3;

const sourceName = (source: number) => CONFIG_SOURCES[source] ?? "UNKNOWN";
/** "topics" → "topic": how Kafka's messages name one entity of a type. */
const singular = (entityType: string) => entityType.slice(0, -1);

function resourceOf(entityType: string, entityName: string): { type: number; dynamic: number } {
  if (entityType === TOPIC_TYPE)
    return { type: ConfigResourceType.TOPIC, dynamic: DYNAMIC_TOPIC_CONFIG };
  if (entityName === BROKER_DEFAULT_ENTITY_NAME)
    return { type: ConfigResourceType.BROKER, dynamic: DYNAMIC_DEFAULT_BROKER_CONFIG };
  if (!/^[+-]?\d+$/.test(entityName)) {
    throw illegalArgument(
      `The entity name for ${entityType} must be a valid integer broker id, found: ${entityName}`,
    );
  }
  return { type: ConfigResourceType.BROKER, dynamic: DYNAMIC_BROKER_CONFIG };
}

/** getResourceConfig: the entity's configs by name, the dynamic ones only unless `all`. */
async function resourceConfigs(
  session: AdminSession,
  entityType: string,
  entityName: string,
  includeSynonyms: boolean,
  all: boolean,
): Promise<DescribedConfigEntry[]> {
  const { type, dynamic } = resourceOf(entityType, entityName);
  const described = await adminCall("describeConfigs", () =>
    session.admin.describeConfigs({ resources: [{ type, name: entityName }], includeSynonyms }),
  );
  const entries = described.resources[0]?.configEntries ?? [];
  return entries
    .filter((entry) => all || entry.configSource === dynamic)
    .sort((a, b) => (a.configName < b.configName ? -1 : a.configName > b.configName ? 1 : 0));
}

function entryLine(entry: DescribedConfigEntry): string {
  const synonyms = entry.configSynonyms
    .map(
      (synonym) =>
        `${sourceName(synonym.configSource)}:${synonym.configName}=${synonym.configValue}`,
    )
    .join(", ");
  return `  ${entry.configName}=${entry.configValue} sensitive=${entry.isSensitive} synonyms={${synonyms}}`;
}

async function brokerIds(session: AdminSession): Promise<string[]> {
  const cluster = await adminCall("listNodes", () => session.admin.describeCluster());
  return cluster.brokers.map((broker) => String(broker.nodeId));
}

/** Whether the named entity is there to describe (a missing one is said so, and skipped). */
async function entityExists(
  session: AdminSession,
  entityType: string,
  entityName: string,
): Promise<boolean> {
  if (entityType === TOPIC_TYPE) {
    const topics = await adminCall("listTopics", () => session.admin.listTopics());
    return topics.includes(entityName);
  }
  return (
    entityName === BROKER_DEFAULT_ENTITY_NAME || (await brokerIds(session)).includes(entityName)
  );
}

export async function describeResourceConfig(
  session: AdminSession,
  entityType: string,
  entityName: string | undefined,
  all: boolean,
  io: ToolIo,
): Promise<void> {
  if (!all && entityName !== undefined && !(await entityExists(session, entityType, entityName))) {
    io.out(
      `The ${singular(entityType)} '${entityName}' doesn't exist and doesn't have dynamic config.`,
    );
    return;
  }
  let entities: string[];
  if (entityName !== undefined) entities = [entityName];
  else if (entityType === TOPIC_TYPE)
    entities = (await adminCall("listTopics", () => session.admin.listTopics())).sort();
  else entities = [...(await brokerIds(session)), BROKER_DEFAULT_ENTITY_NAME];
  for (const entity of entities) {
    if (entity === BROKER_DEFAULT_ENTITY_NAME)
      io.out(`Default configs for ${entityType} in the cluster are:`);
    else io.out(`${all ? "All" : "Dynamic"} configs for ${singular(entityType)} ${entity} are:`);
    for (const entry of await resourceConfigs(session, entityType, entity, true, all))
      io.out(entryLine(entry));
  }
}

export async function alterResourceConfig(
  session: AdminSession,
  entityType: string,
  entityName: string,
  toAdd: ReadonlyMap<string, string>,
  toDelete: readonly string[],
  io: ToolIo,
): Promise<void> {
  const current = new Set(
    (await resourceConfigs(session, entityType, entityName, false, false)).map(
      (entry) => entry.configName,
    ),
  );
  const invalid = toDelete.filter((name) => !current.has(name));
  if (invalid.length > 0) {
    throw new JavaException(
      "InvalidConfigurationException",
      `Invalid config(s): ${invalid.join(",")}`,
    );
  }
  const changes: IncrementalConfigEntry[] = [
    ...toDelete.map((name): IncrementalConfigEntry => ({ name, value: "", operation: "DELETE" })),
    ...[...toAdd].map(([name, value]): IncrementalConfigEntry => ({
      name,
      value,
      operation: "SET",
    })),
  ];
  const { type } = resourceOf(entityType, entityName);
  await adminCall("incrementalAlterConfigs", () =>
    session.admin.incrementalAlterConfigs({
      resources: [{ type, name: entityName, configEntries: changes }],
    }),
  );
  if (entityName !== BROKER_DEFAULT_ENTITY_NAME)
    io.out(`Completed updating config for ${singular(entityType)} ${entityName}.`);
  else io.out(`Completed updating default config for ${entityType} in the cluster.`);
}

/** The entity types this playground keeps configs for. */
export const SUPPORTED_ENTITY_TYPES = [TOPIC_TYPE, BROKER_TYPE];
