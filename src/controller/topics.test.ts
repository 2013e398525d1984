import { describe, expect, it } from "vitest";
import { ConfigResourceType } from "../metadata/metadata-image.ts";
import { ApiKey } from "../protocol/generated/api-table.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import {
  defaultCreatePartitionsRequest,
  type CreatePartitionsRequestCreatePartitionsTopic,
} from "../protocol/generated/messages/create-partitions-request.ts";
import type { CreatePartitionsResponse } from "../protocol/generated/messages/create-partitions-response.ts";
import {
  defaultDeleteTopicsRequest,
  type DeleteTopicsRequest,
} from "../protocol/generated/messages/delete-topics-request.ts";
import type { DeleteTopicsResponse } from "../protocol/generated/messages/delete-topics-response.ts";
import { ZERO_UUID } from "../protocol/primitives/uuid.ts";
import { ConfigSource } from "./effective-topic-configs.ts";
import { ControllerHarness, settle } from "./testing/controller-harness.ts";

async function cluster(
  properties: Record<string, string> = {},
  brokers = [1, 2, 3],
): Promise<ControllerHarness> {
  const h = new ControllerHarness({ properties }).activate();
  await h.startBrokers(brokers);
  return h;
}

describe("CreateTopics", () => {
  it("writes TopicRecord, ConfigRecords, then PartitionRecords led by the first replica with the active replicas as ISR", async () => {
    const h = await cluster();
    const start = h.log.endOffset;
    const response = await h.createTopics([
      {
        name: "orders",
        numPartitions: 2,
        replicationFactor: 3,
        configs: [{ name: "retention.ms", value: "1000" }],
      },
    ]);
    const result = response.topics[0]!;
    expect(result).toMatchObject({
      name: "orders",
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      numPartitions: 2,
      replicationFactor: 3,
    });
    expect(result.topicId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(result.topicId.startsWith("-")).toBe(false);
    expect(h.log.recordsSince(start).map((record) => record.type)).toEqual([
      "TopicRecord",
      "ConfigRecord",
      "PartitionRecord",
      "PartitionRecord",
    ]);
    for (const p of [0, 1]) {
      const partition = h.partition("orders", p);
      expect(partition.leader).toBe(partition.replicas[0]);
      expect(partition.isr).toEqual(partition.replicas);
      expect(partition).toMatchObject({
        leaderEpoch: 0,
        partitionEpoch: 0,
        leaderRecoveryState: 0,
      });
    }
    expect(h.image.topicConfigs("orders").get("retention.ms")).toBe("1000");
    expect(h.events).toContainEqual({
      kind: "topic",
      node: 0,
      topic: "orders",
      action: "created",
      partitions: 2,
    });
  });

  it("reports the effective configs with their sources, in name order (v5+)", async () => {
    const h = await cluster({ "log.segment.bytes": "1048576" });
    const response = await h.createTopics([
      { name: "t", configs: [{ name: "cleanup.policy", value: "compact" }] },
    ]);
    const configs = response.topics[0]!.configs!;
    expect(configs.map((config) => config.name)).toEqual(
      [...configs.map((config) => config.name)].sort(),
    );
    expect(configs.find((config) => config.name === "cleanup.policy")).toMatchObject({
      value: "compact",
      configSource: ConfigSource.TOPIC_CONFIG,
    });
    expect(configs.find((config) => config.name === "segment.bytes")).toMatchObject({
      value: "1048576",
      configSource: ConfigSource.STATIC_BROKER_CONFIG,
    });
    expect(configs.find((config) => config.name === "retention.ms")).toMatchObject({
      value: "604800000",
      configSource: ConfigSource.DEFAULT_CONFIG,
    });
  });

  it("takes num.partitions and default.replication.factor for -1", async () => {
    const h = await cluster({ "num.partitions": "4", "default.replication.factor": "2" });
    const result = (
      await h.createTopics([{ name: "defaults", numPartitions: -1, replicationFactor: -1 }])
    ).topics[0]!;
    expect(result).toMatchObject({
      errorCode: ErrorCode.NONE,
      numPartitions: 4,
      replicationFactor: 2,
    });
    expect(h.image.topicsByName.get("defaults")!.partitions.size).toBe(4);
  });

  it("refuses bad names, existing and colliding topics with Kafka's errors", async () => {
    const h = await cluster();
    await h.createTopic("a.b", 1, 1);
    const response = await h.createTopics([
      { name: "bad name" },
      { name: "a.b" },
      { name: "a_b" },
      { name: ".." },
      { name: "x".repeat(250) },
    ]);
    expect(response.topics.map((topic) => [topic.errorCode, topic.errorMessage])).toEqual([
      [
        ErrorCode.INVALID_TOPIC_EXCEPTION,
        "Topic name is invalid: 'bad name' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'",
      ],
      [ErrorCode.TOPIC_ALREADY_EXISTS, "Topic 'a.b' already exists."],
      [ErrorCode.INVALID_TOPIC_EXCEPTION, "Topic 'a_b' collides with existing topic: a.b"],
      [ErrorCode.INVALID_TOPIC_EXCEPTION, "Topic name is invalid: '..' is not allowed"],
      [
        ErrorCode.INVALID_TOPIC_EXCEPTION,
        `Topic name is invalid: the length of '${"x".repeat(250)}' is longer than the max allowed length 249`,
      ],
    ]);
    expect(response.topics[0]).toMatchObject({
      numPartitions: -1,
      replicationFactor: -1,
      topicId: ZERO_UUID,
    });
  });

  it("refuses bad partition counts, replication factors and configs", async () => {
    const h = await cluster();
    const response = await h.createTopics([
      { name: "p0", numPartitions: 0 },
      { name: "r0", replicationFactor: 0 },
      { name: "r4", replicationFactor: 4 },
      { name: "c1", configs: [{ name: "retention.mss", value: "1" }] },
      { name: "c2", configs: [{ name: "min.insync.replicas", value: "0" }] },
      { name: "c3", configs: [{ name: "retention.ms", value: null }] },
    ]);
    const byName = new Map(response.topics.map((topic) => [topic.name, topic]));
    expect(byName.get("p0")).toMatchObject({
      errorCode: ErrorCode.INVALID_PARTITIONS,
      errorMessage: "Number of partitions was set to an invalid non-positive value.",
    });
    expect(byName.get("r0")).toMatchObject({
      errorCode: ErrorCode.INVALID_REPLICATION_FACTOR,
      errorMessage: "Replication factor must be larger than 0, or -1 to use the default value.",
    });
    expect(byName.get("r4")).toMatchObject({
      errorCode: ErrorCode.INVALID_REPLICATION_FACTOR,
      errorMessage:
        "Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.",
    });
    expect(byName.get("c1")).toMatchObject({
      errorCode: ErrorCode.INVALID_CONFIG,
      errorMessage: "Unknown topic config name: retention.mss",
    });
    expect(byName.get("c2")!.errorCode).toBe(ErrorCode.INVALID_CONFIG);
    expect(byName.get("c3")).toMatchObject({
      errorCode: ErrorCode.INVALID_CONFIG,
      errorMessage: "Null value not supported for topic configs: retention.ms",
    });
    expect(h.image.topicsByName.size).toBe(0);
  });

  it("refuses duplicate names in one request and the metadata topic", async () => {
    const h = await cluster();
    const response = await h.createTopics([
      { name: "twice" },
      { name: "once" },
      { name: "twice" },
      { name: "__cluster_metadata" },
    ]);
    expect(response.topics.map((topic) => [topic.name, topic.errorCode])).toEqual([
      ["once", ErrorCode.NONE],
      ["twice", ErrorCode.INVALID_REQUEST],
      ["__cluster_metadata", ErrorCode.INVALID_REQUEST],
    ]);
  });

  it("places replicas as a manual assignment says, and checks it", async () => {
    const h = await cluster();
    const ok = await h.createTopics([
      {
        name: "manual",
        numPartitions: -1,
        replicationFactor: -1,
        assignments: [
          { partitionIndex: 0, brokerIds: [3, 1] },
          { partitionIndex: 1, brokerIds: [2, 3] },
        ],
      },
    ]);
    expect(ok.topics[0]).toMatchObject({
      errorCode: ErrorCode.NONE,
      numPartitions: 2,
      replicationFactor: 2,
    });
    expect(h.partition("manual", 0)).toMatchObject({ replicas: [3, 1], leader: 3 });
    const bad = await h.createTopics([
      {
        name: "m1",
        numPartitions: -1,
        replicationFactor: -1,
        assignments: [{ partitionIndex: 0, brokerIds: [1, 9] }],
      },
      {
        name: "m2",
        numPartitions: -1,
        replicationFactor: -1,
        assignments: [{ partitionIndex: 0, brokerIds: [1, 1] }],
      },
      {
        name: "m3",
        numPartitions: -1,
        replicationFactor: -1,
        assignments: [{ partitionIndex: 1, brokerIds: [1] }],
      },
      {
        name: "m4",
        numPartitions: 2,
        replicationFactor: -1,
        assignments: [{ partitionIndex: 0, brokerIds: [1] }],
      },
      {
        name: "m5",
        numPartitions: -1,
        replicationFactor: -1,
        assignments: [
          { partitionIndex: 0, brokerIds: [1] },
          { partitionIndex: 1, brokerIds: [1, 2] },
        ],
      },
    ]);
    expect(bad.topics.map((topic) => [topic.errorCode, topic.errorMessage])).toEqual([
      [
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        "The manual partition assignment includes broker 9, but no such broker is registered.",
      ],
      [
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        "The manual partition assignment includes the broker 1 more than once.",
      ],
      [
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        "partitions should be a consecutive 0-based integer sequence",
      ],
      [
        ErrorCode.INVALID_REQUEST,
        "A manual partition assignment was specified, but numPartitions was not set to -1.",
      ],
      [
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        "The manual partition assignment includes a partition with 2 replica(s), but this is not consistent with previous partitions, which have 1 replica(s).",
      ],
    ]);
  });

  it("leaves a fenced broker's replica out of a new partition's ISR", async () => {
    const h = await cluster();
    await h.heartbeat(3, { wantFence: true });
    await h.createTopics([
      {
        name: "m",
        numPartitions: -1,
        replicationFactor: -1,
        assignments: [{ partitionIndex: 0, brokerIds: [3, 1] }],
      },
    ]);
    expect(h.partition("m", 0)).toMatchObject({ replicas: [3, 1], isr: [1], leader: 1 });
  });

  it("validates without writing when validateOnly is set", async () => {
    const h = await cluster();
    const before = h.log.endOffset;
    const response = await h.createTopics(
      [{ name: "dry", numPartitions: 3, replicationFactor: 2 }],
      true,
    );
    expect(response.topics[0]).toMatchObject({
      errorCode: ErrorCode.NONE,
      numPartitions: 3,
      replicationFactor: 2,
    });
    expect(h.log.endOffset).toBe(before);
    expect(h.image.topicsByName.has("dry")).toBe(false);
  });

  it("sees the topics the previous request created, even before they commit", async () => {
    const h = new ControllerHarness({ autoCommit: false }).activate();
    const registered = h.register(1);
    await settle();
    h.log.commit();
    await registered;
    const unfenced = h.heartbeat(1, { currentMetadataOffset: 0n });
    await settle();
    h.log.commit();
    expect((await unfenced).isFenced).toBe(false);
    const first = h.createTopics([{ name: "t" }]);
    const second = h.createTopics([{ name: "t" }]);
    await settle();
    expect(h.log.committedOffset).toBe(1n);
    expect(h.log.endOffset).toBe(4n); // the TopicRecord and PartitionRecord are written, not committed
    h.log.commit();
    expect((await first).topics[0]!.errorCode).toBe(ErrorCode.NONE);
    expect((await second).topics[0]!.errorCode).toBe(ErrorCode.TOPIC_ALREADY_EXISTS);
  });
});

describe("DeleteTopics", () => {
  const deleteTopics = (h: ControllerHarness, request: Partial<DeleteTopicsRequest>, version = 6) =>
    h.call<DeleteTopicsResponse>(
      ApiKey.DeleteTopics,
      { ...defaultDeleteTopicsRequest(), ...request },
      version,
    );

  it("removes topics by name and by id, with their configs", async () => {
    const h = await cluster();
    await h.createTopic("a", 2, 1, { "retention.ms": "5" });
    const idB = await h.createTopic("b", 1, 1);
    const response = await deleteTopics(h, {
      topics: [
        { name: "a", topicId: ZERO_UUID },
        { name: null, topicId: idB },
      ],
    });
    expect(response.responses.map(({ name, errorCode }) => [name, errorCode])).toEqual([
      ["b", ErrorCode.NONE],
      ["a", ErrorCode.NONE],
    ]);
    expect(h.image.topicsByName.size).toBe(0);
    expect(h.image.configs.has(`${ConfigResourceType.TOPIC}:a`)).toBe(false);
    expect(h.events).toContainEqual({
      kind: "topic",
      node: 0,
      topic: "a",
      action: "deleted",
      partitions: 2,
    });
  });

  it("answers unknown names and ids, and malformed entries", async () => {
    const h = await cluster();
    const id = await h.createTopic("known", 1, 1);
    const unknownId = "AAAAAAAAAAAAAAAAAAAAAg";
    const response = await deleteTopics(h, {
      topics: [
        { name: "nope", topicId: ZERO_UUID },
        { name: null, topicId: unknownId },
        { name: null, topicId: ZERO_UUID },
        { name: "known", topicId: id },
        { name: "dup", topicId: ZERO_UUID },
        { name: "dup", topicId: ZERO_UUID },
      ],
    });
    const byName = response.responses.map(({ name, topicId, errorCode, errorMessage }) => ({
      name,
      topicId,
      errorCode,
      errorMessage,
    }));
    expect(byName).toEqual(
      expect.arrayContaining([
        {
          name: "nope",
          topicId: ZERO_UUID,
          errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          errorMessage: "This server does not host this topic-partition.",
        },
        {
          name: null,
          topicId: unknownId,
          errorCode: ErrorCode.UNKNOWN_TOPIC_ID,
          errorMessage: "This server does not host this topic ID.",
        },
        {
          name: null,
          topicId: ZERO_UUID,
          errorCode: ErrorCode.INVALID_REQUEST,
          errorMessage: "Neither topic name nor id were specified.",
        },
        {
          name: "known",
          topicId: id,
          errorCode: ErrorCode.INVALID_REQUEST,
          errorMessage: "You may not specify both topic name and topic id.",
        },
        {
          name: "dup",
          topicId: ZERO_UUID,
          errorCode: ErrorCode.INVALID_REQUEST,
          errorMessage: "Duplicate topic name.",
        },
      ]),
    );
    expect(response.responses).toHaveLength(5);
    expect(h.image.topicsByName.has("known")).toBe(true);
  });

  it("takes names from topicNames in versions before 6", async () => {
    const h = await cluster();
    await h.createTopic("old", 1, 1);
    const response = await deleteTopics(h, { topicNames: ["old"] }, 3);
    expect(response.responses[0]).toMatchObject({ name: "old", errorCode: ErrorCode.NONE });
  });

  it("deletes nothing when delete.topic.enable is false", async () => {
    const h = await cluster({ "delete.topic.enable": "false" });
    await h.createTopic("kept", 1, 1);
    expect((await deleteTopics(h, { topicNames: ["kept"] }, 5)).responses[0]!.errorCode).toBe(
      ErrorCode.TOPIC_DELETION_DISABLED,
    );
    expect((await deleteTopics(h, { topicNames: ["kept"] }, 2)).responses[0]!.errorCode).toBe(
      ErrorCode.INVALID_REQUEST,
    );
    expect(h.image.topicsByName.has("kept")).toBe(true);
  });
});

describe("CreatePartitions", () => {
  const createPartitions = (
    h: ControllerHarness,
    topics: CreatePartitionsRequestCreatePartitionsTopic[],
    validateOnly = false,
  ) =>
    h.call<CreatePartitionsResponse>(ApiKey.CreatePartitions, {
      ...defaultCreatePartitionsRequest(),
      topics,
      validateOnly,
    });

  it("adds partitions with the topic's replication factor", async () => {
    const h = await cluster();
    await h.createTopic("grow", 2, 2);
    const response = await createPartitions(h, [{ name: "grow", count: 5, assignments: null }]);
    expect(response.results).toEqual([
      { name: "grow", errorCode: ErrorCode.NONE, errorMessage: null },
    ]);
    const topic = h.image.topicsByName.get("grow")!;
    expect(topic.partitions.size).toBe(5);
    for (const partition of topic.partitions.values()) expect(partition.replicas).toHaveLength(2);
  });

  it("refuses a count that is not an increase, unknown topics and mismatched assignments", async () => {
    const h = await cluster();
    await h.createTopic("t", 2, 1);
    const response = await createPartitions(h, [
      { name: "t", count: 2, assignments: null },
      { name: "missing", count: 3, assignments: null },
    ]);
    expect(response.results).toEqual([
      {
        name: "t",
        errorCode: ErrorCode.INVALID_PARTITIONS,
        errorMessage: "Topic already has 2 partition(s).",
      },
      {
        name: "missing",
        errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        errorMessage: "This server does not host this topic-partition.",
      },
    ]);
    const fewer = await createPartitions(h, [{ name: "t", count: 1, assignments: null }]);
    expect(fewer.results[0]!.errorMessage).toBe(
      "The topic t currently has 2 partition(s); 1 would not be an increase.",
    );
    const wrong = await createPartitions(h, [
      { name: "t", count: 4, assignments: [{ brokerIds: [1] }] },
    ]);
    expect(wrong.results[0]).toMatchObject({ errorCode: ErrorCode.INVALID_REPLICA_ASSIGNMENT });
    const assigned = await createPartitions(h, [
      { name: "t", count: 3, assignments: [{ brokerIds: [2] }] },
    ]);
    expect(assigned.results[0]!.errorCode).toBe(ErrorCode.NONE);
    expect(h.partition("t", 2)).toMatchObject({ replicas: [2], leader: 2 });
  });

  it("validates without writing when validateOnly is set", async () => {
    const h = await cluster();
    await h.createTopic("t", 1, 1);
    const response = await createPartitions(h, [{ name: "t", count: 3, assignments: null }], true);
    expect(response.results[0]!.errorCode).toBe(ErrorCode.NONE);
    expect(h.image.topicsByName.get("t")!.partitions.size).toBe(1);
  });
});
