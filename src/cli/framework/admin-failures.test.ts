import { describe, expect, it } from "vitest";
import { AdminArgumentError, AdminProtocolError } from "../../client/admin/admin-error.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { adminCall, javaExceptionOf, unwrapped } from "./admin-failures.ts";
import { describeException, ExecutionException, JavaException } from "./java-exception.ts";
import { kafkaException } from "./kafka-exceptions.ts";

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("failed admin calls as Kafka's tools print them", () => {
  it("gives an ExecutionException its cause's toString() as its message", () => {
    const cause = new JavaException("TimeoutException", "late");
    const wrapped = new ExecutionException(cause);
    expect(wrapped.cause).toBe(cause);
    expect(describeException(wrapped)).toBe(
      "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.TimeoutException: late",
    );
  });

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
    const unreachable = Object.assign(new Error("no broker"), { name: "ConnectionError" });
    expect(javaExceptionOf(unreachable, "listTopics").toString()).toBe(
      "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: listTopics",
    );
    expect(() => javaExceptionOf(new TypeError("bug"), "listTopics")).toThrow(TypeError);
  });

  it("names a code outside the table after Kafka's error name, without doubling 'Exception'", () => {
    expect(kafkaException(ErrorCode.NOT_LEADER_OR_FOLLOWER).className).toBe(
      "org.apache.kafka.common.errors.NotLeaderOrFollowerException",
    );
    expect(kafkaException(ErrorCode.NETWORK_EXCEPTION, "gone").toString()).toBe(
      "org.apache.kafka.common.errors.NetworkException: gone",
    );
    // With no message and no default, the message is the class's simple name.
    expect(kafkaException(ErrorCode.NETWORK_EXCEPTION).message).toBe("NetworkException");
  });

  it("throws a failed call as the ExecutionException of its future, a refused argument as it is", async () => {
    const failed = await failureOf(
      adminCall("describeConfigs", () =>
        Promise.reject(new AdminProtocolError(ErrorCode.INVALID_CONFIG, { topic: "t" })),
      ),
    );
    expect(failed).toBeInstanceOf(ExecutionException);
    expect(String(failed)).toBe(
      "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.InvalidConfigurationException: Configuration is invalid.",
    );
    expect(unwrapped(failed as JavaException).toString()).toBe(
      "org.apache.kafka.common.errors.InvalidConfigurationException: Configuration is invalid.",
    );
    const refused = await failureOf(
      adminCall("createTopics", () => Promise.reject(new AdminArgumentError("no topics"))),
    );
    expect(refused).not.toBeInstanceOf(ExecutionException);
    expect(String(refused)).toBe("java.lang.IllegalArgumentException: no topics");
    expect(await adminCall("listTopics", () => Promise.resolve(["a"]))).toEqual(["a"]);
  });
});
