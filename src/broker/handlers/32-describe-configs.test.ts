import { describe, expect, it } from "vitest";
import { BROKER_CONFIGS } from "../../metadata/configs/broker-configs.ts";
import { TOPIC_CONFIGS } from "../../metadata/configs/topic-configs.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeConfigsRequest } from "../../protocol/generated/messages/describe-configs-request.ts";
import type { DescribeConfigsResponseDescribeConfigsResult } from "../../protocol/generated/messages/describe-configs-response.ts";
import type { TestBroker } from "../testing/broker-harness.ts";
import { ORDERS, startBrokerOne } from "../testing/cluster-fixture.ts";
import { brokerConfigRecord, topicConfigRecord } from "../testing/metadata-records.ts";
import { describeConfigsHandler } from "./32-describe-configs.ts";
import { ConfigSource, ConfigTypeId } from "./config-entries.ts";

const TOPIC = 2;
const BROKER = 4;
const BROKER_LOGGER = 8;

interface Ask {
  type: number;
  name: string;
  keys?: string[] | null;
}

async function describeConfigs(
  broker: TestBroker,
  asks: Ask[],
  version = 4,
  includeSynonyms = true,
): Promise<DescribeConfigsResponseDescribeConfigsResult[]> {
  const request: DescribeConfigsRequest = {
    resources: asks.map(({ type, name, keys }) => ({
      resourceType: type,
      resourceName: name,
      configurationKeys: keys ?? null,
    })),
    includeSynonyms,
    includeDocumentation: false,
  };
  return (await broker.exchange(describeConfigsHandler, request, version)).results;
}

async function one(
  broker: TestBroker,
  ask: Ask,
  version = 4,
  includeSynonyms = true,
): Promise<DescribeConfigsResponseDescribeConfigsResult> {
  return (await describeConfigs(broker, [ask], version, includeSynonyms))[0]!;
}

function entry(result: DescribeConfigsResponseDescribeConfigsResult, name: string) {
  const found = result.configs.find((config) => config.name === name);
  if (found === undefined)
    throw new Error(`no ${name} in ${result.configs.map((c) => c.name).join(", ")}`);
  return found;
}

describe("DescribeConfigs of a topic", () => {
  it("lists every topic config with its value, source and synonyms", async () => {
    const broker = await startBrokerOne({}, topicConfigRecord(ORDERS, "retention.ms", "1000"));
    const result = await one(broker, { type: TOPIC, name: ORDERS });
    expect(result).toMatchObject({
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      resourceType: TOPIC,
      resourceName: ORDERS,
    });
    expect(result.configs.map((c) => c.name)).toEqual(TOPIC_CONFIGS.map((d) => d.name));
    expect(entry(result, "retention.ms")).toEqual({
      name: "retention.ms",
      value: "1000",
      readOnly: false,
      isDefault: false,
      configSource: ConfigSource.TOPIC_CONFIG,
      isSensitive: false,
      synonyms: [
        { name: "retention.ms", value: "1000", source: ConfigSource.TOPIC_CONFIG },
        { name: "log.retention.ms", value: "604800000", source: ConfigSource.DEFAULT_CONFIG },
      ],
      configType: ConfigTypeId.long,
      documentation: null,
    });
    expect(entry(result, "cleanup.policy")).toMatchObject({
      value: "delete",
      configSource: ConfigSource.DEFAULT_CONFIG,
      configType: ConfigTypeId.list,
    });
  });

  it("takes a value from the broker's layers when the topic does not set it", async () => {
    const broker = await startBrokerOne(
      { properties: { "message.max.bytes": "2000000" } },
      brokerConfigRecord(null, "min.insync.replicas", "2"),
    );
    const result = await one(broker, { type: TOPIC, name: ORDERS });
    expect(entry(result, "min.insync.replicas")).toMatchObject({
      value: "2",
      configSource: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
      synonyms: [
        {
          name: "min.insync.replicas",
          value: "2",
          source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
        },
        { name: "min.insync.replicas", value: "1", source: ConfigSource.DEFAULT_CONFIG },
      ],
    });
    expect(entry(result, "max.message.bytes")).toMatchObject({
      value: "2000000",
      configSource: ConfigSource.STATIC_BROKER_CONFIG,
    });
    // What the broker's replica manager applies agrees.
    expect(broker.services.replicas.topicConfig(ORDERS).get("min.insync.replicas")).toBe("2");
    expect(broker.services.replicas.topicConfig(ORDERS).get("max.message.bytes")).toBe("2000000");
  });

  it("keeps the source but leaves out synonyms when not asked for them", async () => {
    const broker = await startBrokerOne({}, topicConfigRecord(ORDERS, "retention.ms", "1000"));
    const retention = entry(
      await one(broker, { type: TOPIC, name: ORDERS }, 4, false),
      "retention.ms",
    );
    expect(retention).toMatchObject({
      value: "1000",
      configSource: ConfigSource.TOPIC_CONFIG,
      synonyms: [],
    });
  });

  it("answers only the configuration keys asked for; none (null or empty) means all", async () => {
    const broker = await startBrokerOne();
    expect(
      (
        await one(broker, { type: TOPIC, name: ORDERS, keys: ["retention.ms", "no.such.config"] })
      ).configs.map((c) => c.name),
    ).toEqual(["retention.ms"]);
    expect((await one(broker, { type: TOPIC, name: ORDERS, keys: [] })).configs).toHaveLength(
      TOPIC_CONFIGS.length,
    );
  });

  it("answers each version as its codec has it: v0 tells defaults by isDefault", async () => {
    const broker = await startBrokerOne({}, topicConfigRecord(ORDERS, "retention.ms", "1000"));
    const v0 = await one(broker, { type: TOPIC, name: ORDERS }, 0);
    expect(entry(v0, "retention.ms").isDefault).toBe(false);
    expect(entry(v0, "segment.ms").isDefault).toBe(true);
    for (const version of [1, 2, 3, 4]) {
      const retention = entry(
        await one(broker, { type: TOPIC, name: ORDERS }, version),
        "retention.ms",
      );
      expect(retention.configSource).toBe(ConfigSource.TOPIC_CONFIG);
      expect(retention.synonyms).toHaveLength(2);
      expect(retention.configType).toBe(version >= 3 ? ConfigTypeId.long : 0);
    }
  });

  it("answers UNKNOWN_TOPIC_OR_PARTITION for a missing topic and INVALID_TOPIC_EXCEPTION for an invalid name", async () => {
    const broker = await startBrokerOne();
    const [missing, invalid, empty] = await describeConfigs(broker, [
      { type: TOPIC, name: "missing" },
      { type: TOPIC, name: "no spaces" },
      { type: TOPIC, name: "" },
    ]);
    expect(missing).toMatchObject({
      errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      resourceName: "missing",
      configs: [],
    });
    expect(invalid).toMatchObject({ errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION, configs: [] });
    expect(invalid!.errorMessage).toMatch(/characters other than ASCII alphanumerics/);
    expect(empty).toMatchObject({ errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION });
  });
});

describe("DescribeConfigs of a broker", () => {
  it("lists this broker's configs, with their layers and which can change without a restart", async () => {
    const broker = await startBrokerOne(
      { properties: { "num.partitions": "3" } },
      brokerConfigRecord(1, "message.max.bytes", "5000"),
      brokerConfigRecord(null, "message.max.bytes", "4000"),
    );
    const result = await one(broker, { type: BROKER, name: "1" });
    expect(result.errorCode).toBe(ErrorCode.NONE);
    const names = result.configs.map((c) => c.name);
    expect(names.slice(0, BROKER_CONFIGS.length)).toEqual(BROKER_CONFIGS.map((d) => d.name));
    // Then the log.* broker synonyms of topic configs, each once.
    expect(names).toContain("log.retention.ms");
    expect(names).toContain("log.cleanup.policy");
    expect(new Set(names).size).toBe(names.length);
    expect(entry(result, "num.partitions")).toMatchObject({
      value: "3",
      configSource: ConfigSource.STATIC_BROKER_CONFIG,
      readOnly: true,
      configType: ConfigTypeId.int,
      synonyms: [
        { name: "num.partitions", value: "3", source: ConfigSource.STATIC_BROKER_CONFIG },
        { name: "num.partitions", value: "1", source: ConfigSource.DEFAULT_CONFIG },
      ],
    });
    expect(entry(result, "message.max.bytes")).toMatchObject({
      value: "5000",
      configSource: ConfigSource.DYNAMIC_BROKER_CONFIG,
      readOnly: false,
      synonyms: [
        { name: "message.max.bytes", value: "5000", source: ConfigSource.DYNAMIC_BROKER_CONFIG },
        {
          name: "message.max.bytes",
          value: "4000",
          source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
        },
        { name: "message.max.bytes", value: "1048588", source: ConfigSource.DEFAULT_CONFIG },
      ],
    });
    expect(entry(result, "auto.create.topics.enable")).toMatchObject({
      value: "true",
      configSource: ConfigSource.DEFAULT_CONFIG,
      configType: ConfigTypeId.boolean,
    });
  });

  it('lists only the cluster-wide dynamic defaults for the resource name ""', async () => {
    const broker = await startBrokerOne(
      {},
      brokerConfigRecord(null, "min.insync.replicas", "2"),
      brokerConfigRecord(null, "log.retention.ms", "1000"),
      brokerConfigRecord(null, "some.plugin.secret", "hunter2"),
    );
    const result = await one(broker, { type: BROKER, name: "" });
    expect(
      result.configs.map((c) => [
        c.name,
        c.value,
        c.configSource,
        c.isSensitive,
        c.readOnly,
        c.configType,
      ]),
    ).toEqual([
      [
        "min.insync.replicas",
        "2",
        ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
        false,
        false,
        ConfigTypeId.int,
      ],
      [
        "log.retention.ms",
        "1000",
        ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
        false,
        false,
        ConfigTypeId.long,
      ],
      // A config Kafka does not know is sensitive, of unknown type, and its value is not shown.
      ["some.plugin.secret", null, ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG, true, true, 0],
    ]);
    expect(entry(result, "some.plugin.secret").synonyms).toEqual([
      {
        name: "some.plugin.secret",
        value: null,
        source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
      },
    ]);
  });

  it("refuses another broker's id, or a name that is not an id, with INVALID_REQUEST", async () => {
    const broker = await startBrokerOne();
    const [other, word] = await describeConfigs(broker, [
      { type: BROKER, name: "2" },
      { type: BROKER, name: "one" },
    ]);
    expect(other).toMatchObject({
      errorCode: ErrorCode.INVALID_REQUEST,
      errorMessage: "Unexpected broker id, expected 1 or empty string, but received 2",
      configs: [],
    });
    expect(word).toMatchObject({
      errorCode: ErrorCode.INVALID_REQUEST,
      errorMessage: "Broker id must be an integer, but it is: one",
    });
  });
});

describe("DescribeConfigs of other resources", () => {
  it("refuses resource types the broker keeps no configs for with INVALID_REQUEST, resource by resource", async () => {
    const broker = await startBrokerOne();
    const [logger, unknown, topic] = await describeConfigs(broker, [
      { type: BROKER_LOGGER, name: "1" },
      { type: 99, name: "x" },
      { type: TOPIC, name: ORDERS },
    ]);
    expect(logger).toMatchObject({
      errorCode: ErrorCode.INVALID_REQUEST,
      resourceType: BROKER_LOGGER,
      resourceName: "1",
      configs: [],
    });
    expect(unknown).toMatchObject({
      errorCode: ErrorCode.INVALID_REQUEST,
      errorMessage: "Unsupported resource type: 99",
    });
    expect(topic!.errorCode).toBe(ErrorCode.NONE);
  });
});
