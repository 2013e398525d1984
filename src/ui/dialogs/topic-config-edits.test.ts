import { describe, expect, it } from "vitest";
import { ConfigSource, type DescribedConfigEntry } from "../../client/admin/admin-types.ts";
import { configChanges, configRowsOf, newConfigRow, rowChanged } from "./topic-config-edits.ts";
import { COMMON_TOPIC_CONFIGS } from "./topic-config-rules.ts";

function entry(
  configName: string,
  configValue: string,
  configSource: number,
): DescribedConfigEntry {
  return {
    configName,
    configValue,
    configSource,
    isDefault: configSource === ConfigSource.DEFAULT_CONFIG,
    isSensitive: false,
    readOnly: false,
    configSynonyms: [],
  };
}

const described = [
  entry("cleanup.policy", "delete", ConfigSource.DEFAULT_CONFIG),
  entry("compression.type", "zstd", ConfigSource.TOPIC_CONFIG),
  entry("min.insync.replicas", "2", ConfigSource.TOPIC_CONFIG),
  entry("retention.ms", "604800000", ConfigSource.DEFAULT_CONFIG),
  entry("segment.bytes", "1073741824", ConfigSource.STATIC_BROKER_CONFIG),
];

describe("configRowsOf", () => {
  it("lists the topic's overrides first, then the common configs with their current values", () => {
    const rows = configRowsOf(described);
    expect(rows.slice(0, 2).map((row) => [row.name, row.value, row.overridden])).toEqual([
      ["compression.type", "zstd", true],
      ["min.insync.replicas", "2", true],
    ]);
    expect(rows.map((row) => row.name).sort()).toEqual(
      [...new Set(["compression.type", ...COMMON_TOPIC_CONFIGS])].sort(),
    );
    expect(rows.find((row) => row.name === "segment.bytes")).toMatchObject({
      current: "1073741824",
      overridden: false,
    });
    expect(rows.find((row) => row.name === "segment.ms")).toMatchObject({
      current: null,
      value: "",
    });
    expect(rows.every((row) => !rowChanged(row))).toBe(true);
  });
});

describe("configChanges", () => {
  it("sends a SET for a changed value and a DELETE (null) for an override sent back to its default", () => {
    const rows = configRowsOf(described).map((row) => {
      if (row.name === "retention.ms") return { ...row, value: " 60000 " };
      if (row.name === "compression.type") return { ...row, reset: true };
      return row;
    });
    expect(configChanges(rows)).toEqual({
      issues: [],
      value: { "retention.ms": "60000", "compression.type": null },
    });
  });

  it("ignores a reset of a config that was not overridden", () => {
    const rows = configRowsOf(described).map((row) =>
      row.name === "retention.ms" ? { ...row, reset: true } : row,
    );
    expect(configChanges(rows).value).toEqual({});
  });

  it("checks changed values by type and added rows by name", () => {
    const base = configRowsOf(described);
    const bad = base.map((row) =>
      row.name === "min.insync.replicas" ? { ...row, value: "zero" } : row,
    );
    const checked = configChanges(bad);
    expect(checked.value).toBeNull();
    expect(checked.issues[0]).toMatchObject({
      key: "validation.notWholeNumber",
      kafkaName: "INVALID_CONFIG",
    });

    const added = [...base, { ...newConfigRow(), name: "segment.ms", value: "1000" }];
    expect(configChanges(added).issues[0]?.key).toBe("validation.configTwice");
    const fresh = [...base, { ...newConfigRow(), name: "delete.retention.ms", value: "1000" }];
    expect(configChanges(fresh).value).toEqual({ "delete.retention.ms": "1000" });
    expect(configChanges([...base, newConfigRow()]).value).toEqual({});
  });
});
