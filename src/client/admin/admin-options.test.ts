import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { ConfigError } from "../cluster/client-cluster.ts";
import { KafkaProtocolError, isRetriable } from "../kafka-error.ts";
import { AdminProtocolError } from "./admin-error.ts";
import { adminSettings } from "./admin-options.ts";

describe("admin settings", () => {
  it("has Kafka's AdminClient defaults", () => {
    expect(adminSettings()).toEqual({
      retries: Number.MAX_SAFE_INTEGER,
      retryBackoffMs: 100,
      retryBackoffMaxMs: 1000,
      defaultApiTimeoutMs: 60_000,
    });
  });

  it("takes KafkaJS's retry options, and Kafka's names over them", () => {
    expect(
      adminSettings({ retry: { retries: 3, initialRetryTime: 300, maxRetryTime: 5000 } }),
    ).toEqual({
      retries: 3,
      retryBackoffMs: 300,
      retryBackoffMaxMs: 5000,
      defaultApiTimeoutMs: 60_000,
    });
    expect(
      adminSettings({ retry: { initialRetryTime: 300 }, "retry.backoff.ms": 50, retries: 0 }),
    ).toMatchObject({ retryBackoffMs: 50, retries: 0 });
  });

  it("refuses a negative or fractional value by its Kafka name", () => {
    expect(() => adminSettings({ "default.api.timeout.ms": -1 })).toThrow(ConfigError);
    expect(() => adminSettings({ "retry.backoff.ms": 1.5 })).toThrow(/retry.backoff.ms/);
  });
});

describe("AdminProtocolError", () => {
  it("is a KafkaProtocolError naming what failed", () => {
    const error = new AdminProtocolError(
      ErrorCode.NON_EMPTY_GROUP,
      { groupId: "billing" },
      "stop its consumers first",
    );
    expect(error).toBeInstanceOf(KafkaProtocolError);
    expect(error.type).toBe("NON_EMPTY_GROUP");
    expect(error.message).toBe('NON_EMPTY_GROUP: group "billing": stop its consumers first');
    const partition = new AdminProtocolError(ErrorCode.OFFSET_OUT_OF_RANGE, {
      topic: "t",
      partition: 2,
    });
    expect(partition.message).toBe("OFFSET_OUT_OF_RANGE: partition t-2");
  });

  it("does not retry an unknown topic unless told to, and retries a moved coordinator", () => {
    const unknown = new AdminProtocolError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, { topic: "t" });
    expect(isRetriable(unknown)).toBe(false);
    const stale = new AdminProtocolError(
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      { topic: "t" },
      null,
      true,
    );
    expect(isRetriable(stale)).toBe(true);
    expect(isRetriable(new AdminProtocolError(ErrorCode.NOT_COORDINATOR, { groupId: "g" }))).toBe(
      true,
    );
    expect(isRetriable(new AdminProtocolError(ErrorCode.ELECTION_NOT_NEEDED, {}))).toBe(false);
  });
});
