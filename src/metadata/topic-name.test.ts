import { describe, expect, it } from "vitest";
import {
  hasCollisionChars,
  MAX_TOPIC_NAME_LENGTH,
  topicNameProblem,
  unifyCollisionChars,
} from "./topic-name.ts";

describe("topic names", () => {
  it("accept ASCII letters, digits, '.', '_' and '-' up to 249 characters", () => {
    expect(topicNameProblem("orders")).toBeNull();
    expect(topicNameProblem("Orders.v2_eu-west-1")).toBeNull();
    expect(topicNameProblem("x".repeat(MAX_TOPIC_NAME_LENGTH))).toBeNull();
  });

  it("refuse the empty name, '.', '..', long names and other characters with Kafka's sentences", () => {
    expect(topicNameProblem("")).toBe("Topic name is invalid: the empty string is not allowed");
    expect(topicNameProblem(".")).toBe("Topic name is invalid: '.' is not allowed");
    expect(topicNameProblem("..")).toBe("Topic name is invalid: '..' is not allowed");
    expect(topicNameProblem("x".repeat(250))).toBe(
      `Topic name is invalid: the length of '${"x".repeat(250)}' is longer than the max allowed length 249`,
    );
    expect(topicNameProblem("hello world")).toBe(
      "Topic name is invalid: 'hello world' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'",
    );
    expect(topicNameProblem("주문")).toMatch(/other than ASCII alphanumerics/);
  });

  it("see '.' and '_' as the same character when checking for collisions", () => {
    expect(hasCollisionChars("a.b")).toBe(true);
    expect(hasCollisionChars("a_b")).toBe(true);
    expect(hasCollisionChars("a-b")).toBe(false);
    expect(unifyCollisionChars("a.b_c.d")).toBe("a_b_c_d");
  });
});
