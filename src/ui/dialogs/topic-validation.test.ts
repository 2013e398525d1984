import { describe, expect, it } from "vitest";
import {
  emptyTopicDraft,
  MAX_PLAYGROUND_PARTITIONS,
  topicNameIssues,
  validatePartitionCount,
  validateTopicDraft,
  type TopicDraft,
} from "./topic-validation.ts";
import { hasErrors, issueFor } from "./validation.ts";

const context = { existingTopics: ["orders", "payments.eu"], liveBrokers: 3 };
const draft = (patch: Partial<TopicDraft>): TopicDraft => ({
  ...emptyTopicDraft(3),
  name: "clicks",
  ...patch,
});
const keysOf = (name: string) =>
  topicNameIssues(name, context.existingTopics).map((issue) => issue.key);

describe("topic names (Kafka's Topic.validate)", () => {
  it("accepts letters, digits, '.', '_' and '-' up to 249 characters", () => {
    expect(keysOf("clicks")).toEqual([]);
    expect(keysOf("a.b-c_9")).toEqual(["topicNameRule.mixedDotUnderscore"]);
    expect(keysOf("x".repeat(249))).toEqual([]);
  });

  it("refuses empty, '.', '..', too long and illegal characters, naming INVALID_TOPIC_EXCEPTION", () => {
    expect(keysOf("")).toEqual(["topicNameRule.empty"]);
    expect(keysOf(".")).toEqual(["topicNameRule.dots"]);
    expect(keysOf("..")).toEqual(["topicNameRule.dots"]);
    expect(keysOf("x".repeat(250))).toEqual(["topicNameRule.tooLong"]);
    const illegal = topicNameIssues("my topic/2", []);
    expect(illegal[0]).toMatchObject({
      severity: "error",
      key: "topicNameRule.illegalCharacters",
      kafkaName: "INVALID_TOPIC_EXCEPTION",
      values: { characters: "“␠” “/”" },
    });
    expect(keysOf("주문")).toEqual(["topicNameRule.illegalCharacters"]);
  });

  it("refuses an existing name and one that collides in metric names", () => {
    expect(topicNameIssues("orders", context.existingTopics)[0]).toMatchObject({
      kafkaName: "TOPIC_ALREADY_EXISTS",
    });
    expect(topicNameIssues("payments_eu", context.existingTopics)[0]).toMatchObject({
      key: "topicNameRule.collides",
      values: { other: "payments.eu" },
    });
  });

  it("only warns about a name with both '.' and '_'", () => {
    const [issue] = topicNameIssues("a.b_c", []);
    expect(issue?.severity).toBe("warning");
    expect(keysOf("a.b")).toEqual([]);
    expect(keysOf("a_b")).toEqual([]);
  });
});

describe("validateTopicDraft", () => {
  it("builds the CreateTopics spec with only the configs that were filled in", () => {
    const checked = validateTopicDraft(
      draft({
        partitions: "6",
        replicationFactor: "2",
        minInsyncReplicas: "2",
        cleanupPolicy: "compact",
      }),
      context,
    );
    expect(checked.issues).toEqual([]);
    expect(checked.value).toEqual({
      topic: "clicks",
      numPartitions: 6,
      replicationFactor: 2,
      configEntries: [
        { name: "min.insync.replicas", value: "2" },
        { name: "cleanup.policy", value: "compact" },
      ],
    });
  });

  it("explains a replication factor above the live brokers", () => {
    const checked = validateTopicDraft(draft({ replicationFactor: "3" }), {
      ...context,
      liveBrokers: 2,
    });
    expect(checked.value).toBeNull();
    expect(issueFor(checked.issues, "replicationFactor")).toMatchObject({
      key: "createTopic.rfAboveLiveBrokers",
      values: { replicationFactor: 3, liveBrokers: 2 },
      kafkaName: "INVALID_REPLICATION_FACTOR",
    });
    const none = validateTopicDraft(draft({ replicationFactor: "1" }), {
      ...context,
      liveBrokers: 0,
    });
    expect(issueFor(none.issues, "replicationFactor")?.key).toBe("createTopic.rfNoBrokers");
  });

  it("wants whole numbers: at least one partition and at most the playground's cap", () => {
    const at = (partitions: string) =>
      issueFor(validateTopicDraft(draft({ partitions }), context).issues, "partitions");
    expect(at("0")).toMatchObject({ key: "validation.atLeast", kafkaName: "INVALID_PARTITIONS" });
    expect(at("2.5")?.key).toBe("validation.notWholeNumber");
    expect(at("")?.key).toBe("validation.required");
    expect(at(String(MAX_PLAYGROUND_PARTITIONS))).toBeUndefined();
    expect(at(String(MAX_PLAYGROUND_PARTITIONS + 1))?.key).toBe("createTopic.partitionsCap");
    expect(
      issueFor(
        validateTopicDraft(draft({ replicationFactor: "0" }), context).issues,
        "replicationFactor",
      )?.key,
    ).toBe("validation.atLeast");
  });

  it("warns, without refusing, when min.insync.replicas exceeds the replication factor", () => {
    const checked = validateTopicDraft(
      draft({ replicationFactor: "2", minInsyncReplicas: "3" }),
      context,
    );
    expect(hasErrors(checked.issues)).toBe(false);
    expect(checked.value).not.toBeNull();
    expect(issueFor(checked.issues, "minInsyncReplicas")).toMatchObject({
      severity: "warning",
      key: "createTopic.minInsyncAboveRf",
      kafkaName: "NOT_ENOUGH_REPLICAS",
    });
  });

  it("checks config values by type", () => {
    const at = (patch: Partial<TopicDraft>, field: string) =>
      issueFor(validateTopicDraft(draft(patch), context).issues, field);
    expect(at({ retentionMs: "-1" }, "retentionMs")).toBeUndefined();
    expect(at({ retentionMs: "-2" }, "retentionMs")?.key).toBe("validation.atLeast");
    expect(at({ retentionMs: "7d" }, "retentionMs")?.key).toBe("validation.notWholeNumber");
    expect(at({ segmentBytes: "13" }, "segmentBytes")?.key).toBe("validation.outOfRange");
    expect(at({ segmentBytes: "2147483648" }, "segmentBytes")?.key).toBe("validation.outOfRange");
    expect(at({ minInsyncReplicas: "0" }, "minInsyncReplicas")?.kafkaName).toBe("INVALID_CONFIG");
  });

  it("checks the free config rows: shape of the name, no name twice, known values typed", () => {
    const rows = (extraConfigs: TopicDraft["extraConfigs"], patch: Partial<TopicDraft> = {}) =>
      validateTopicDraft(draft({ extraConfigs, ...patch }), context);
    const ok = rows([
      { name: "segment.ms", value: "60000" },
      { name: "", value: "" },
      { name: "compression.type", value: "zstd" },
    ]);
    expect(ok.value?.configEntries).toEqual([
      { name: "segment.ms", value: "60000" },
      { name: "compression.type", value: "zstd" },
    ]);
    expect(issueFor(rows([{ name: "Retention MS", value: "1" }]).issues, "config-0")?.key).toBe(
      "validation.configNameShape",
    );
    expect(issueFor(rows([{ name: "", value: "1" }]).issues, "config-0")?.key).toBe(
      "validation.configNameMissing",
    );
    expect(
      issueFor(
        rows([{ name: "retention.ms", value: "5" }], { retentionMs: "6" }).issues,
        "config-0",
      )?.key,
    ).toBe("validation.configTwice");
    expect(
      issueFor(rows([{ name: "cleanup.policy", value: "compact,delete" }]).issues, "config-0"),
    ).toBeUndefined();
    expect(
      issueFor(rows([{ name: "cleanup.policy", value: "forever" }]).issues, "config-0")?.key,
    ).toBe("validation.notOneOf");
    expect(issueFor(rows([{ name: "flush.ms", value: "" }]).issues, "config-0")?.key).toBe(
      "validation.required",
    );
  });

  it("starts with a replication factor the live brokers can place", () => {
    expect(emptyTopicDraft(1).replicationFactor).toBe("1");
    expect(emptyTopicDraft(5).replicationFactor).toBe("3");
    expect(emptyTopicDraft(0).replicationFactor).toBe("1");
  });
});

describe("validatePartitionCount", () => {
  it("wants more partitions than the topic has, never fewer", () => {
    expect(validatePartitionCount("4", 3)).toEqual({ issues: [], value: 4 });
    const same = validatePartitionCount("3", 3);
    expect(same.value).toBeNull();
    expect(same.issues[0]).toMatchObject({
      key: "addPartitions.notMore",
      kafkaName: "INVALID_PARTITIONS",
    });
    expect(validatePartitionCount("65", 3).issues[0]?.key).toBe("createTopic.partitionsCap");
  });
});
