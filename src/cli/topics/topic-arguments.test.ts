import { describe, expect, it } from "vitest";
import { AdminProtocolError } from "../../client/admin/admin-error.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { JavaException, javaExceptionOf, kafkaException } from "./java-exceptions.ts";
import { javaSplit, parseReplicaAssignment, parseTopicConfigs } from "./topic-arguments.ts";
import { includeList, selectTopics } from "./topic-filter.ts";
import { logEventLines } from "./tool-log.ts";

function thrown(work: () => unknown): JavaException {
  try {
    work();
  } catch (error) {
    if (error instanceof JavaException) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("kafka-topics' arguments", () => {
  it("splits as Java's String.split does: trailing empty parts are dropped", () => {
    expect(javaSplit("1:2,2:3,", ",")).toEqual(["1:2", "2:3"]);
    expect(javaSplit("a,,b", ",")).toEqual(["a", "", "b"]);
    expect(javaSplit("", ",")).toEqual([""]);
  });

  it("reads --replica-assignment, refusing repeated brokers and uneven replication", () => {
    expect(parseReplicaAssignment("1:2, 2 :3,3:1")).toEqual([
      [1, 2],
      [2, 3],
      [3, 1],
    ]);
    expect(thrown(() => parseReplicaAssignment("1:x")).toString()).toBe(
      'java.lang.NumberFormatException: For input string: "x"',
    );
    expect(thrown(() => parseReplicaAssignment("1:2:1:2")).message).toBe(
      "Partition replica lists may not contain duplicate entries: 1,2",
    );
    expect(thrown(() => parseReplicaAssignment("1:2,3:4:5")).message).toBe(
      "Partition 1 has different replication factor: [3, 4, 5]",
    );
  });

  it("reads --config as key=val with blanks allowed around '='", () => {
    expect(parseTopicConfigs(["retention.ms = 100", "cleanup.policy=compact"])).toEqual(
      new Map([
        ["retention.ms", "100"],
        ["cleanup.policy", "compact"],
      ]),
    );
    for (const bad of ["retention.ms", "a=b=c", "a="]) {
      expect(thrown(() => parseTopicConfigs([bad])).className).toBe(
        "java.lang.IllegalArgumentException",
      );
    }
  });

  it("matches --topic as a whole-name regular expression, commas meaning 'or'", () => {
    const topics = ["__consumer_offsets", "orders", "orders-v2", "payments"];
    expect(selectTopics(topics, "orders", false)).toEqual(["orders"]);
    expect(selectTopics(topics, "orders.*", false)).toEqual(["orders", "orders-v2"]);
    expect(selectTopics(topics, "'orders, payments'", false)).toEqual(["orders", "payments"]);
    expect(selectTopics(topics, undefined, true)).toEqual(["orders", "orders-v2", "payments"]);
    expect(selectTopics(topics, "__.*", false)).toEqual(["__consumer_offsets"]);
    expect(thrown(() => includeList("orders[")).className).toBe(
      "java.lang.IllegalArgumentException",
    );
  });
});

describe("failures as Kafka's tools print them", () => {
  it("keeps the broker's own message of an admin error, or uses Kafka's default", () => {
    const withMessage = new AdminProtocolError(
      ErrorCode.TOPIC_ALREADY_EXISTS,
      { topic: "t" },
      "Topic 't' already exists.",
    );
    expect(javaExceptionOf(withMessage, "createTopics").toString()).toBe(
      "org.apache.kafka.common.errors.TopicExistsException: Topic 't' already exists.",
    );
    const bare = new AdminProtocolError(ErrorCode.GROUP_ID_NOT_FOUND, { groupId: "g" });
    expect(javaExceptionOf(bare, "deleteConsumerGroups").toString()).toBe(
      "org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist.",
    );
    // A code outside the table is named after Kafka's error name.
    expect(kafkaException(ErrorCode.NOT_LEADER_OR_FOLLOWER).className).toBe(
      "org.apache.kafka.common.errors.NotLeaderOrFollowerException",
    );
    const unreachable = Object.assign(new Error("no broker"), { name: "ConnectionError" });
    expect(javaExceptionOf(unreachable, "listTopics").toString()).toBe(
      "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: listTopics",
    );
    expect(() => javaExceptionOf(new TypeError("bug"), "listTopics")).toThrow(TypeError);
  });

  it("logs as log4j's tools pattern does, the logger on its own line after a stack trace", () => {
    const at = Date.UTC(2024, 1, 14, 5, 10, 19, 748);
    expect(logEventLines(at, "ERROR", "x.Y: boom\n", "a.B")).toEqual([
      "[2024-02-14 05:10:19,748] ERROR x.Y: boom",
      " (a.B)",
    ]);
    expect(logEventLines(at, "WARN", "careful", "a.B")).toEqual([
      "[2024-02-14 05:10:19,748] WARN careful (a.B)",
    ]);
  });
});
