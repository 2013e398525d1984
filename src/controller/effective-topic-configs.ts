/**
 * A new topic's effective configs as CreateTopics v5+ reports them: each topic config with
 * its value and where the value comes from, in name order. The lookup order is Kafka's: the
 * topic's own override, then the broker config it falls back to set dynamically for this
 * node, then for the whole cluster, then in the node's static properties, then Kafka's default.
 */
import { TOPIC_CONFIGS } from "../metadata/configs/topic-configs.ts";
import type { CreateTopicsResponseCreatableTopicConfigs } from "../protocol/generated/messages/create-topics-response.ts";
import type { ControllerState } from "./controller-state.ts";

/** DescribeConfigs' ConfigSource ids. */
export const ConfigSource = {
  TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const;

export function effectiveTopicConfigEntries(
  state: ControllerState,
  overrides: ReadonlyMap<string, string>,
): CreateTopicsResponseCreatableTopicConfigs[] {
  const nodeConfigs = state.image.brokerConfigs(state.identity.nodeId);
  const clusterConfigs = state.image.brokerConfigs(null);
  const staticConfigs = state.identity.properties;
  return [...TOPIC_CONFIGS]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((definition) => {
      const synonym = definition.brokerSynonym;
      const sources: [string | undefined, number][] = [
        [overrides.get(definition.name), ConfigSource.TOPIC_CONFIG],
        [
          synonym === undefined ? undefined : nodeConfigs.get(synonym),
          ConfigSource.DYNAMIC_BROKER_CONFIG,
        ],
        [
          synonym === undefined ? undefined : clusterConfigs.get(synonym),
          ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
        ],
        [
          synonym === undefined ? undefined : staticConfigs[synonym],
          ConfigSource.STATIC_BROKER_CONFIG,
        ],
      ];
      const [value, configSource] = sources.find(([candidate]) => candidate !== undefined) ?? [
        definition.defaultValue,
        ConfigSource.DEFAULT_CONFIG,
      ];
      return {
        name: definition.name,
        value: value ?? null,
        readOnly: false,
        configSource,
        isSensitive: false,
      };
    });
}
