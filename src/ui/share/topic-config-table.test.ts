import { describe, expect, it } from "vitest";
import { checkConfigValue, LONG_MAX } from "../../metadata/configs/config-definition.ts";
import { TOPIC_CONFIGS } from "../../metadata/configs/topic-configs.ts";
import { KNOWN_TOPIC_CONFIGS, topicConfigIssues } from "./topic-config-table.ts";

/** Values worth trying against every config, of every kind. */
const PROBES = [
  "0",
  "1",
  "-1",
  "-2",
  "14",
  "0.5",
  "1.5",
  "true",
  "FALSE",
  "yes",
  "",
  "delete",
  "compact",
  "delete,compact",
  "gzip",
  "brotli",
  "CreateTime",
  "LogAppendTime",
  "2147483647",
  "2147483648",
  "12abc",
  LONG_MAX,
  "9223372036854775808",
  "+5",
  " 7 ",
];

describe("the importer's topic config table", () => {
  it("names exactly the configs the playground's brokers take, with their types", () => {
    const broker = Object.fromEntries(TOPIC_CONFIGS.map((d) => [d.name, d.type]));
    const page = Object.fromEntries(
      Object.entries(KNOWN_TOPIC_CONFIGS).map(([name, s]) => [name, s.type]),
    );
    expect(page).toEqual(broker);
  });

  it("keeps each config's bounds and allowed values as the broker has them", () => {
    for (const definition of TOPIC_CONFIGS) {
      const shape = KNOWN_TOPIC_CONFIGS[definition.name]!;
      expect(shape.oneOf, definition.name).toEqual(definition.oneOf);
      expect(shape.min, definition.name).toEqual(definition.min);
      expect(shape.max, definition.name).toEqual(definition.max);
    }
  });

  it("accepts a value exactly when the broker would", () => {
    for (const definition of TOPIC_CONFIGS) {
      for (const value of PROBES) {
        const broker = checkConfigValue(definition, value) === null;
        const page = topicConfigIssues(definition.name, value).length === 0;
        // The page also refuses an empty value, which a broker reads as "" for strings.
        if (value === "") continue;
        expect(page, `${definition.name}=${value}`).toBe(broker);
      }
    }
  });

  it("refuses names the brokers do not know", () => {
    expect(topicConfigIssues("log.retention.ms", "1")[0]?.key).toBe("share.problem.unknownConfig");
    expect(topicConfigIssues("toString", "1")[0]?.key).toBe("validation.configNameShape");
    expect(topicConfigIssues("hasownproperty", "1")[0]?.key).toBe("share.problem.unknownConfig");
  });

  it("takes any Java long, beyond a double's exact range too", () => {
    expect(topicConfigIssues("retention.ms", LONG_MAX)).toEqual([]);
    expect(topicConfigIssues("flush.ms", "9223372036854775808")[0]?.key).toBe(
      "validation.outOfRange",
    );
    expect(topicConfigIssues("retention.bytes", "-9223372036854775808")).toEqual([]);
  });
});
