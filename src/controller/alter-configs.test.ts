import { describe, expect, it } from "vitest";
import { ConfigResourceType } from "../metadata/metadata-image.ts";
import { ApiKey } from "../protocol/generated/api-table.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import {
  defaultAlterConfigsRequest,
  type AlterConfigsRequestAlterConfigsResource,
} from "../protocol/generated/messages/alter-configs-request.ts";
import type { AlterConfigsResponse } from "../protocol/generated/messages/alter-configs-response.ts";
import {
  defaultIncrementalAlterConfigsRequest,
  type IncrementalAlterConfigsRequestAlterConfigsResource,
} from "../protocol/generated/messages/incremental-alter-configs-request.ts";
import type { IncrementalAlterConfigsResponse } from "../protocol/generated/messages/incremental-alter-configs-response.ts";
import { ConfigOperation } from "./alter-configs.ts";
import { ControllerHarness } from "./testing/controller-harness.ts";

const { TOPIC, BROKER } = ConfigResourceType;

function incremental(
  h: ControllerHarness,
  resources: IncrementalAlterConfigsRequestAlterConfigsResource[],
  validateOnly = false,
) {
  return h.call<IncrementalAlterConfigsResponse>(ApiKey.IncrementalAlterConfigs, {
    ...defaultIncrementalAlterConfigsRequest(),
    resources,
    validateOnly,
  });
}

function legacy(
  h: ControllerHarness,
  resources: AlterConfigsRequestAlterConfigsResource[],
  validateOnly = false,
) {
  return h.call<AlterConfigsResponse>(ApiKey.AlterConfigs, {
    ...defaultAlterConfigsRequest(),
    resources,
    validateOnly,
  });
}

const op = (name: string, configOperation: number, value: string | null = null) => ({
  name,
  configOperation,
  value,
});

async function withTopic(): Promise<ControllerHarness> {
  const h = new ControllerHarness().activate();
  await h.startBrokers([1, 2]);
  await h.createTopic("t", 1, 1, { "retention.ms": "1000" });
  return h;
}

describe("IncrementalAlterConfigs", () => {
  it("sets, deletes, appends to and subtracts from topic configs", async () => {
    const h = await withTopic();
    const response = await incremental(h, [
      {
        resourceType: TOPIC,
        resourceName: "t",
        configs: [
          op("segment.ms", ConfigOperation.SET, "60000"),
          op("retention.ms", ConfigOperation.DELETE),
          op("cleanup.policy", ConfigOperation.APPEND, "compact"),
        ],
      },
    ]);
    expect(response.responses).toEqual([
      { resourceType: TOPIC, resourceName: "t", errorCode: ErrorCode.NONE, errorMessage: null },
    ]);
    const configs = h.image.topicConfigs("t");
    expect(Object.fromEntries(configs)).toEqual({
      "segment.ms": "60000",
      "cleanup.policy": "delete,compact",
    });
    await incremental(h, [
      {
        resourceType: TOPIC,
        resourceName: "t",
        configs: [op("cleanup.policy", ConfigOperation.SUBTRACT, "delete")],
      },
    ]);
    expect(h.image.topicConfigs("t").get("cleanup.policy")).toBe("compact");
  });

  it("writes nothing for a resource with any bad change", async () => {
    const h = await withTopic();
    const before = h.log.endOffset;
    const response = await incremental(h, [
      {
        resourceType: TOPIC,
        resourceName: "t",
        configs: [
          op("segment.ms", ConfigOperation.SET, "60000"),
          op("min.insync.replicas", ConfigOperation.SET, "0"),
        ],
      },
      {
        resourceType: TOPIC,
        resourceName: "t2",
        configs: [op("segment.ms", ConfigOperation.SET, "1")],
      },
      { resourceType: TOPIC, resourceName: "t", configs: [] },
    ]);
    expect(
      response.responses.map(({ resourceName, errorCode }) => [resourceName, errorCode]),
    ).toEqual([
      ["t", ErrorCode.INVALID_REQUEST], // named twice
      ["t2", ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    ]);
    expect(response.responses[1]!.errorMessage).toBe("The topic 't2' does not exist.");
    const bad = await incremental(h, [
      {
        resourceType: TOPIC,
        resourceName: "t",
        configs: [
          op("segment.ms", ConfigOperation.SET, "60000"),
          op("min.insync.replicas", ConfigOperation.SET, "0"),
        ],
      },
    ]);
    expect(bad.responses[0]).toMatchObject({
      errorCode: ErrorCode.INVALID_CONFIG,
      errorMessage: "min.insync.replicas must be at least 1, not 0",
    });
    expect(h.log.endOffset).toBe(before);
  });

  it("refuses APPEND to a key that is not a list, and unknown topic configs", async () => {
    const h = await withTopic();
    const response = await incremental(h, [
      {
        resourceType: TOPIC,
        resourceName: "t",
        configs: [op("retention.ms", ConfigOperation.APPEND, "5")],
      },
    ]);
    expect(response.responses[0]).toMatchObject({
      errorCode: ErrorCode.INVALID_CONFIG,
      errorMessage: "Can't APPEND to key retention.ms because its type is not LIST.",
    });
    const unknown = await incremental(h, [
      {
        resourceType: TOPIC,
        resourceName: "t",
        configs: [op("retention.mss", ConfigOperation.SET, "5")],
      },
    ]);
    expect(unknown.responses[0]).toMatchObject({
      errorCode: ErrorCode.INVALID_CONFIG,
      errorMessage: "Unknown topic config name: retention.mss",
    });
  });

  it("sets cluster-wide and per-broker defaults, and checks the broker name", async () => {
    const h = await withTopic();
    const response = await incremental(h, [
      {
        resourceType: BROKER,
        resourceName: "",
        configs: [op("unclean.leader.election.enable", ConfigOperation.SET, "true")],
      },
      {
        resourceType: BROKER,
        resourceName: "2",
        configs: [op("log.retention.ms", ConfigOperation.SET, "5000")],
      },
      {
        resourceType: BROKER,
        resourceName: "9",
        configs: [op("log.retention.ms", ConfigOperation.SET, "5000")],
      },
      { resourceType: BROKER, resourceName: "two", configs: [] },
      {
        resourceType: BROKER,
        resourceName: "1",
        configs: [op("min.insync.replicas", ConfigOperation.SET, "zero")],
      },
    ]);
    expect(
      response.responses.map(({ errorCode, errorMessage }) => [errorCode, errorMessage]),
    ).toEqual([
      [ErrorCode.NONE, null],
      [ErrorCode.NONE, null],
      [ErrorCode.BROKER_ID_NOT_REGISTERED, "No node with id 9 found."],
      [ErrorCode.INVALID_REQUEST, "Invalid broker name two"],
      [ErrorCode.INVALID_CONFIG, 'min.insync.replicas must be a whole number, not "zero"'],
    ]);
    expect(h.image.brokerConfigs(null).get("unclean.leader.election.enable")).toBe("true");
    expect(h.image.brokerConfigs(2).get("log.retention.ms")).toBe("5000");
  });

  it("validates without writing when validateOnly is set", async () => {
    const h = await withTopic();
    const before = h.log.endOffset;
    const response = await incremental(
      h,
      [
        {
          resourceType: TOPIC,
          resourceName: "t",
          configs: [op("segment.ms", ConfigOperation.SET, "60000")],
        },
      ],
      true,
    );
    expect(response.responses[0]!.errorCode).toBe(ErrorCode.NONE);
    expect(h.log.endOffset).toBe(before);
  });
});

describe("AlterConfigs (legacy)", () => {
  it("replaces all of a topic's dynamic configs with the ones listed", async () => {
    const h = await withTopic();
    const response = await legacy(h, [
      { resourceType: TOPIC, resourceName: "t", configs: [{ name: "segment.ms", value: "60000" }] },
    ]);
    expect(response.responses).toEqual([
      { resourceType: TOPIC, resourceName: "t", errorCode: ErrorCode.NONE, errorMessage: null },
    ]);
    expect(Object.fromEntries(h.image.topicConfigs("t"))).toEqual({ "segment.ms": "60000" });
    expect(
      h.log
        .records()
        .slice(-2)
        .map((record) =>
          record.type === "ConfigRecord" ? [record.data.name, record.data.value] : null,
        ),
    ).toEqual([
      ["segment.ms", "60000"],
      ["retention.ms", null],
    ]);
  });

  it("refuses invalid values and unknown topics", async () => {
    const h = await withTopic();
    const response = await legacy(h, [
      {
        resourceType: TOPIC,
        resourceName: "t",
        configs: [{ name: "retention.ms", value: "soon" }],
      },
      { resourceType: TOPIC, resourceName: "missing", configs: [] },
    ]);
    expect(response.responses.map(({ errorCode }) => errorCode)).toEqual([
      ErrorCode.INVALID_CONFIG,
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    ]);
    expect(h.image.topicConfigs("t").get("retention.ms")).toBe("1000");
  });
});
