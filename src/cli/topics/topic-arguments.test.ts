import { describe, expect, it } from "vitest";
import { JavaException } from "../framework/java-exception.ts";
import { javaSplit, parseReplicaAssignment, parseTopicConfigs } from "./topic-arguments.ts";
import { includeList, selectTopics } from "./topic-filter.ts";

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
