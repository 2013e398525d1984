/**
 * Each topic's config overrides, as describeConfigs reports them: the entries whose source
 * is the topic itself (TOPIC_CONFIG). Everything else is a default — the broker's or
 * Kafka's — and a rebuilt cluster has those already.
 */
import type { Admin } from "../../client/admin/admin.ts";
import { ConfigResourceType, ConfigSource } from "../../client/admin/admin-types.ts";
import { throwIfError } from "../../client/kafka-error.ts";

export async function readTopicConfigs(
  admin: Admin,
  topics: readonly string[],
): Promise<Record<string, Record<string, string>>> {
  if (topics.length === 0) return {};
  const { resources } = await admin.describeConfigs({
    resources: topics.map((name) => ({ type: ConfigResourceType.TOPIC, name })),
    includeSynonyms: false,
  });
  const configs: Record<string, Record<string, string>> = {};
  for (const resource of resources) {
    throwIfError(resource.errorCode, resource.errorMessage);
    const overrides: [string, string][] = [];
    for (const entry of resource.configEntries) {
      if (entry.configSource === ConfigSource.TOPIC_CONFIG && entry.configValue !== null)
        overrides.push([entry.configName, entry.configValue]);
    }
    configs[resource.resourceName] = Object.fromEntries(
      overrides.sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return configs;
}
