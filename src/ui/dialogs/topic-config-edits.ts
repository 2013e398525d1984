/**
 * The topic-configs dialog's list: the topic's overrides and the common configs (with the
 * value the broker reports for them now), what the user changed, and the changes to send
 * with IncrementalAlterConfigs — SET for a new value, DELETE to go back to the default.
 */
import { ConfigSource, type DescribedConfigEntry } from "../../client/admin/admin-types.ts";
import {
  checkConfigName,
  checkConfigValue,
  COMMON_TOPIC_CONFIGS,
  configTwiceIssue,
} from "./topic-config-rules.ts";
import type { Checked } from "./topic-validation.ts";
import { hasErrors, type Issue } from "./validation.ts";

export interface ConfigRow {
  name: string;
  /** What the broker reports now (the override, or the default); null when not reported. */
  current: string | null;
  /** Set on the topic itself rather than inherited from the broker or Kafka's default. */
  overridden: boolean;
  /** What the field holds. */
  value: string;
  /** The user asked for the default back (an override is deleted). */
  reset: boolean;
  /** Added in this dialog: its name is typed too. */
  added: boolean;
}

/** Overrides first (as the broker lists them), then the common configs not overridden. */
export function configRowsOf(entries: readonly DescribedConfigEntry[]): ConfigRow[] {
  const byName = new Map(entries.map((entry) => [entry.configName, entry]));
  const row = (name: string, entry: DescribedConfigEntry | undefined): ConfigRow => ({
    name,
    current: entry?.configValue ?? null,
    overridden: entry?.configSource === ConfigSource.TOPIC_CONFIG,
    value: entry?.configValue ?? "",
    reset: false,
    added: false,
  });
  const overrides = entries
    .filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG)
    .map((entry) => row(entry.configName, entry));
  const common = COMMON_TOPIC_CONFIGS.filter((name) => !overrides.some((o) => o.name === name)).map(
    (name) => row(name, byName.get(name)),
  );
  return [...overrides, ...common];
}

export function newConfigRow(): ConfigRow {
  return { name: "", current: null, overridden: false, value: "", reset: false, added: true };
}

/** Whether the row would send something: a reset override, or a value that differs. */
export function rowChanged(row: ConfigRow): boolean {
  if (row.reset) return row.overridden;
  if (row.added) return row.name.trim() !== "" || row.value.trim() !== "";
  return row.value.trim() !== (row.current ?? "");
}

/** The changes to send, by config name: a value to SET, or null to DELETE (back to the default). */
export function configChanges(rows: readonly ConfigRow[]): Checked<Record<string, string | null>> {
  const issues: Issue[] = [];
  const changes: Record<string, string | null> = {};
  const names = new Set(rows.filter((row) => !row.added).map((row) => row.name));
  rows.forEach((row, index) => {
    if (!rowChanged(row)) return;
    const field = `row-${index}`;
    const name = row.name.trim();
    if (row.reset) {
      changes[name] = null;
      return;
    }
    if (row.added) {
      if (!checkConfigName(issues, field, name)) return;
      if (names.has(name)) {
        issues.push(configTwiceIssue(field, name));
        return;
      }
      names.add(name);
    }
    if (checkConfigValue(issues, field, name, row.value.trim())) changes[name] = row.value.trim();
  });
  return { issues, value: hasErrors(issues) ? null : changes };
}
