/**
 * DescribeConfigs' entries, worked out as Kafka's ConfigHelper does: every layer that sets
 * a config is a "synonym", strongest first — a topic override (TOPIC_CONFIG), this
 * broker's dynamic config (DYNAMIC_BROKER_CONFIG), the cluster-wide dynamic default
 * (DYNAMIC_DEFAULT_BROKER_CONFIG), the node's own properties (STATIC_BROKER_CONFIG), then
 * Kafka's default (DEFAULT_CONFIG) — and the first one gives the value and the source.
 * A topic config's broker layers are those of its broker synonym (retention.ms falls back
 * to log.retention.ms).
 */
import type { BrokerConfig } from "../../metadata/configs/broker-configs.ts";
import { BROKER_CONFIGS, brokerConfigDefinition } from "../../metadata/configs/broker-configs.ts";
import type { ConfigDefinition, ConfigType } from "../../metadata/configs/config-definition.ts";
import { TOPIC_CONFIGS } from "../../metadata/configs/topic-configs.ts";
import {
  defaultDescribeConfigsResponseDescribeConfigsResourceResult,
  type DescribeConfigsResponseDescribeConfigsResourceResult,
  type DescribeConfigsResponseDescribeConfigsSynonym,
} from "../../protocol/generated/messages/describe-configs-response.ts";

/** Kafka's DescribeConfigsResponse.ConfigSource ids. */
export const ConfigSource = {
  UNKNOWN: 0,
  TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const;

/** Kafka's DescribeConfigsResponse.ConfigType ids (v3+). */
export const ConfigTypeId: Record<ConfigType | "unknown", number> = {
  unknown: 0,
  boolean: 1,
  string: 2,
  int: 3,
  long: 5,
  double: 6,
  list: 7,
};

type Entry = DescribeConfigsResponseDescribeConfigsResourceResult;
type Synonym = DescribeConfigsResponseDescribeConfigsSynonym;

/** Where a broker's config values can come from. */
export interface BrokerConfigLayers {
  /** ConfigRecords for this broker's id. */
  perBroker: ReadonlyMap<string, string>;
  /** ConfigRecords for the cluster-wide default (resource name ""). */
  clusterDefaults: ReadonlyMap<string, string>;
  /** The node's own configs, merged with the dynamic defaults and Kafka's defaults. */
  config: BrokerConfig;
}

/**
 * A broker-level config by name: the broker configs the playground knows, plus the log.*
 * broker synonyms of topic configs (with the topic config's type and default).
 */
function brokerLevelDefinition(name: string): ConfigDefinition | undefined {
  return brokerConfigDefinition(name) ?? BROKER_SYNONYMS_OF_TOPIC_CONFIGS.get(name);
}

const BROKER_SYNONYMS_OF_TOPIC_CONFIGS: ReadonlyMap<string, ConfigDefinition> = new Map(
  TOPIC_CONFIGS.filter((definition) => definition.brokerSynonym !== undefined).map((definition) => [
    definition.brokerSynonym!,
    { ...definition, name: definition.brokerSynonym! },
  ]),
);

/**
 * Kafka's DynamicBrokerConfig.ALL_DYNAMIC_CONFIGS among the configs listed here: the
 * topic configs' broker synonyms (DynamicLogConfig) and producer.id.expiration.ms.
 * Every other broker config is read-only: it changes only with a restart.
 */
const DYNAMIC_BROKER_CONFIGS: ReadonlySet<string> = new Set([
  ...BROKER_SYNONYMS_OF_TOPIC_CONFIGS.keys(),
  "producer.id.expiration.ms",
]);

/** The node's own property for `name` (STATIC_BROKER_CONFIG), if it sets one. */
function staticValue(name: string, layers: BrokerConfigLayers): string | undefined {
  return layers.config.staticValue(name);
}

/** Every layer that sets the broker config `name`, strongest first (Kafka's configSynonyms). */
export function brokerSynonyms(name: string, layers: BrokerConfigLayers): Synonym[] {
  const synonyms: Synonym[] = [];
  const add = (value: string | undefined, source: number) => {
    if (value !== undefined) synonyms.push({ name, value, source });
  };
  add(layers.perBroker.get(name), ConfigSource.DYNAMIC_BROKER_CONFIG);
  add(layers.clusterDefaults.get(name), ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
  add(staticValue(name, layers), ConfigSource.STATIC_BROKER_CONFIG);
  add(brokerLevelDefinition(name)?.defaultValue, ConfigSource.DEFAULT_CONFIG);
  return synonyms;
}

/** One entry per topic config: the topic's override, else its broker synonym's layers. */
export function topicConfigEntries(
  overrides: ReadonlyMap<string, string>,
  layers: BrokerConfigLayers,
  includeSynonyms: boolean,
): Entry[] {
  return TOPIC_CONFIGS.map((definition) => {
    const override = overrides.get(definition.name);
    const synonyms: Synonym[] = [
      ...(override === undefined
        ? []
        : [{ name: definition.name, value: override, source: ConfigSource.TOPIC_CONFIG }]),
      ...(definition.brokerSynonym === undefined
        ? []
        : brokerSynonyms(definition.brokerSynonym, layers)),
    ];
    return entry(definition.name, definition, synonyms, false, includeSynonyms);
  });
}

/** The broker configs, then the log.* synonyms of topic configs the broker table lacks. */
const BROKER_LEVEL_CONFIGS: readonly ConfigDefinition[] = [
  ...BROKER_CONFIGS,
  ...[...BROKER_SYNONYMS_OF_TOPIC_CONFIGS.values()].filter(
    (definition) => brokerConfigDefinition(definition.name) === undefined,
  ),
];

/**
 * Every broker config of this broker (Kafka's DescribeConfigs of BROKER "<its id>"): the
 * broker configs and the log.* synonyms of topic configs, whose per-broker dynamic values
 * (`kafka-configs --alter --broker 1 --add-config log.retention.ms=...`) show here.
 */
export function brokerConfigEntries(layers: BrokerConfigLayers, includeSynonyms: boolean): Entry[] {
  return BROKER_LEVEL_CONFIGS.map((definition) =>
    entry(
      definition.name,
      definition,
      brokerSynonyms(definition.name, layers),
      !DYNAMIC_BROKER_CONFIGS.has(definition.name),
      includeSynonyms,
    ),
  );
}

/**
 * The cluster-wide dynamic defaults that are set (Kafka's DescribeConfigs of BROKER ""):
 * only that layer is shown. A name Kafka would not know is reported as Kafka does, as a
 * sensitive config of unknown type with no value.
 */
export function clusterDefaultEntries(
  layers: BrokerConfigLayers,
  includeSynonyms: boolean,
): Entry[] {
  return [...layers.clusterDefaults].map(([name, value]) => {
    const definition = brokerLevelDefinition(name);
    const synonyms = [{ name, value, source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG }];
    return entry(name, definition, synonyms, !DYNAMIC_BROKER_CONFIGS.has(name), includeSynonyms);
  });
}

function entry(
  name: string,
  definition: ConfigDefinition | undefined,
  synonyms: Synonym[],
  readOnly: boolean,
  includeSynonyms: boolean,
): Entry {
  // Kafka's KafkaConfig.maybeSensitive: passwords, and configs of unknown type.
  const isSensitive = definition === undefined;
  const source = synonyms[0]?.source ?? ConfigSource.DEFAULT_CONFIG;
  const hide = (synonym: Synonym): Synonym => (isSensitive ? { ...synonym, value: null } : synonym);
  return {
    ...defaultDescribeConfigsResponseDescribeConfigsResourceResult(),
    name,
    value: isSensitive ? null : (synonyms[0]?.value ?? null),
    readOnly,
    // v0 has no source, only "is this Kafka's default".
    isDefault: source === ConfigSource.DEFAULT_CONFIG,
    configSource: source,
    isSensitive,
    synonyms: includeSynonyms ? synonyms.map(hide) : [],
    configType: ConfigTypeId[definition?.type ?? "unknown"],
    documentation: null,
  };
}
