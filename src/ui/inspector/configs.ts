/**
 * A broker's or topic's described configs in the order a learner wants them: what was set
 * (not a default) first, then, on request, everything else, each group by name.
 */
import { ConfigSource, type DescribedConfigEntry } from "../../client/admin/admin-types.ts";

export function orderConfigs(
  entries: readonly DescribedConfigEntry[],
  showAll: boolean,
): DescribedConfigEntry[] {
  const byName = (a: DescribedConfigEntry, b: DescribedConfigEntry) =>
    a.configName.localeCompare(b.configName);
  const set = entries.filter((entry) => !entry.isDefault).sort(byName);
  if (!showAll) return set;
  return [...set, ...entries.filter((entry) => entry.isDefault).sort(byName)];
}

export type ConfigSourceWord =
  "topic" | "dynamicBroker" | "dynamicDefault" | "static" | "default" | "unknown";

/** Where a value comes from, as a word the inspector translates. */
export function configSourceWord(source: number): ConfigSourceWord {
  switch (source) {
    case ConfigSource.TOPIC_CONFIG:
      return "topic";
    case ConfigSource.DYNAMIC_BROKER_CONFIG:
      return "dynamicBroker";
    case ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG:
      return "dynamicDefault";
    case ConfigSource.STATIC_BROKER_CONFIG:
      return "static";
    case ConfigSource.DEFAULT_CONFIG:
      return "default";
    default:
      return "unknown";
  }
}

/** A sensitive value is never shown, as Kafka never returns it. */
export function shownValue(entry: DescribedConfigEntry): string {
  if (entry.isSensitive) return "******";
  return entry.configValue ?? "null";
}
