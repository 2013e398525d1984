import { describe, expect, it } from "vitest";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../log/log-config.ts";
import { checkTopicConfigs, effectiveTopicConfig, logConfigOf } from "./topic-configs.ts";

describe("topic configs", () => {
  it("default to Kafka's values, which are the log engine's defaults", () => {
    expect(logConfigOf(effectiveTopicConfig(new Map()))).toEqual(KAFKA_DEFAULT_LOG_CONFIG);
  });

  it("take overrides first, then the broker's synonym, then Kafka's default", () => {
    const effective = effectiveTopicConfig(
      new Map([["retention.ms", "1000"]]),
      new Map([
        ["log.retention.ms", "5000"],
        ["log.segment.bytes", "1048576"],
      ]),
    );
    expect(effective.get("retention.ms")).toBe("1000");
    expect(effective.get("segment.bytes")).toBe("1048576");
    expect(effective.get("cleanup.policy")).toBe("delete");
    const log = logConfigOf(effective);
    expect(log.retentionMs).toBe(1000);
    expect(log.segmentBytes).toBe(1_048_576);
  });

  it("reads cleanup.policy lists", () => {
    expect(
      logConfigOf(effectiveTopicConfig(new Map([["cleanup.policy", "compact,delete"]])))
        .cleanupPolicy,
    ).toEqual(["compact", "delete"]);
  });

  it("refuse unknown names and bad values with a sentence", () => {
    expect(
      checkTopicConfigs(
        new Map([
          ["retention.ms", "1000"],
          ["cleanup.policy", "compact"],
        ]),
      ),
    ).toBeNull();
    expect(checkTopicConfigs(new Map([["retention.mss", "1"]]))).toBe(
      "Unknown topic config name: retention.mss",
    );
    expect(checkTopicConfigs(new Map([["retention.ms", "soon"]]))).toMatch(/whole number/);
    expect(checkTopicConfigs(new Map([["min.insync.replicas", "0"]]))).toMatch(/at least 1/);
    expect(checkTopicConfigs(new Map([["cleanup.policy", "delete,forever"]]))).toMatch(
      /"forever" is not one of them/,
    );
    expect(checkTopicConfigs(new Map([["min.cleanable.dirty.ratio", "1.5"]]))).toMatch(/at most 1/);
    expect(checkTopicConfigs(new Map([["segment.bytes", "99999999999"]]))).toMatch(/out of range/);
    expect(checkTopicConfigs(new Map([["preallocate", "yes"]]))).toMatch(/true or false/);
  });
});
