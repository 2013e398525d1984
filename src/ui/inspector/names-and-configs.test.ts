import { describe, expect, it } from "vitest";
import { ConfigSource, type DescribedConfigEntry } from "../../client/admin/admin-types.ts";
import { defaultConsumerSettings, defaultProducerSettings } from "../store/clients-slice.ts";
import { configSourceWord, orderConfigs, shownValue } from "./configs.ts";
import { apiVersionRows, errorName } from "./inspector-actions.ts";
import { consumerConfigLines, producerConfigLines } from "./kafka-names.ts";
import { isHealthy, linkConditionsOf, lossPercent, lossRateOf } from "./links.ts";
import { selectionKey } from "./selection-key.ts";

function entry(
  name: string,
  value: string,
  isDefault: boolean,
  source: number = ConfigSource.DEFAULT_CONFIG,
): DescribedConfigEntry {
  return {
    configName: name,
    configValue: value,
    isDefault,
    configSource: source,
    isSensitive: false,
    readOnly: false,
    configSynonyms: [],
  };
}

describe("client settings by Kafka's names", () => {
  it("writes a producer's settings as a Java client's properties", () => {
    const lines = producerConfigLines({
      ...defaultProducerSettings("orders"),
      acks: "1",
      lingerMs: 20,
      idempotence: false,
    });
    expect(Object.fromEntries(lines.map((line) => [line.name, line.value]))).toEqual({
      acks: "1",
      "linger.ms": "20",
      "batch.size": "16384",
      "enable.idempotence": "false",
      "partitioner.class": "null",
    });
    const roundRobin = producerConfigLines({
      ...defaultProducerSettings("orders"),
      partitioner: "round-robin",
    });
    expect(roundRobin.find((line) => line.name === "partitioner.class")?.fullValue).toBe(
      "org.apache.kafka.clients.producer.RoundRobinPartitioner",
    );
  });

  it("writes a consumer's settings with the assignor's class and Kafka's null for no instance id", () => {
    const lines = consumerConfigLines(defaultConsumerSettings("orders", "billing"));
    const byName = Object.fromEntries(lines.map((line) => [line.name, line]));
    expect(byName["group.id"]?.value).toBe("billing");
    expect(byName["partition.assignment.strategy"]?.fullValue).toBe(
      "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
    );
    expect(byName["session.timeout.ms"]?.value).toBe("45000");
    expect(byName["enable.auto.commit"]?.value).toBe("true");
    expect(byName["group.instance.id"]?.value).toBe("null");
    expect(byName["auto.offset.reset"]?.value).toBe("earliest");
    const static_ = consumerConfigLines({
      ...defaultConsumerSettings("orders", "g"),
      groupInstanceId: "pod-1",
      fromBeginning: false,
    });
    expect(static_.find((line) => line.name === "group.instance.id")?.value).toBe("pod-1");
    expect(static_.find((line) => line.name === "auto.offset.reset")?.value).toBe("latest");
  });
});

describe("orderConfigs", () => {
  const entries = [
    entry("retention.ms", "604800000", true),
    entry("min.insync.replicas", "2", false, ConfigSource.TOPIC_CONFIG),
    entry("cleanup.policy", "delete", true),
    entry("max.message.bytes", "2000000", false, ConfigSource.TOPIC_CONFIG),
  ];

  it("shows only the configs set, by name, until asked for all", () => {
    expect(orderConfigs(entries, false).map((e) => e.configName)).toEqual([
      "max.message.bytes",
      "min.insync.replicas",
    ]);
  });

  it("puts the configs set before the defaults when showing all", () => {
    expect(orderConfigs(entries, true).map((e) => e.configName)).toEqual([
      "max.message.bytes",
      "min.insync.replicas",
      "cleanup.policy",
      "retention.ms",
    ]);
  });

  it("names each source and hides sensitive values", () => {
    expect(configSourceWord(ConfigSource.TOPIC_CONFIG)).toBe("topic");
    expect(configSourceWord(ConfigSource.STATIC_BROKER_CONFIG)).toBe("static");
    expect(configSourceWord(ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG)).toBe("dynamicDefault");
    expect(configSourceWord(99)).toBe("unknown");
    expect(shownValue({ ...entry("ssl.key.password", "secret", false), isSensitive: true })).toBe(
      "******",
    );
    expect(shownValue({ ...entry("x", "", true), configValue: null })).toBe("null");
  });
});

describe("links", () => {
  const faulty = [{ from: 1, to: 2, conditions: { cut: true, latencyMs: 0, lossRate: 0 } }];

  it("reads one direction's conditions, healthy when not listed", () => {
    expect(linkConditionsOf(faulty, 1, 2).cut).toBe(true);
    expect(linkConditionsOf(faulty, 2, 1)).toEqual({ cut: false, latencyMs: 0, lossRate: 0 });
    expect(isHealthy(linkConditionsOf(faulty, 2, 1))).toBe(true);
    expect(isHealthy(linkConditionsOf(faulty, 1, 2))).toBe(false);
    expect(linkConditionsOf(faulty, "page", 1).cut).toBe(false);
  });

  it("converts loss between a rate and a percentage, clamped", () => {
    expect(lossPercent(0.125)).toBe(12.5);
    expect(lossRateOf(12.5)).toBe(0.125);
    expect(lossRateOf(150)).toBe(1);
    expect(lossRateOf(-3)).toBe(0);
    expect(lossRateOf(Number.NaN)).toBe(0);
  });
});

describe("selectionKey", () => {
  it("gives each selected thing its own key", () => {
    const keys = [
      selectionKey(null),
      selectionKey({ kind: "broker", brokerId: 1 }),
      selectionKey({ kind: "topic", topic: "1" }),
      selectionKey({ kind: "partition", topic: "orders", partition: 1 }),
      selectionKey({ kind: "producer", producerId: "1" }),
      selectionKey({ kind: "consumer", consumerId: "1" }),
      selectionKey({ kind: "group", groupId: "1" }),
      selectionKey({ kind: "link", from: 1, to: 2 }),
      selectionKey({ kind: "link", from: 2, to: 1 }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("ApiVersions rows", () => {
  it("names each API by Kafka's name, sorted by key", () => {
    const rows = apiVersionRows({
      errorCode: 0,
      roundTripMs: 1,
      apiKeys: [
        { apiKey: 18, minVersion: 0, maxVersion: 4 },
        { apiKey: 0, minVersion: 3, maxVersion: 11 },
        { apiKey: 9999, minVersion: 0, maxVersion: 0 },
      ],
    });
    expect(rows.map((row) => [row.apiKey, row.name])).toEqual([
      [0, "Produce"],
      [18, "ApiVersions"],
      [9999, "Unknown"],
    ]);
    expect(errorName(0)).toBe("NONE");
    expect(errorName(35)).toBe("UNSUPPORTED_VERSION");
  });
});
