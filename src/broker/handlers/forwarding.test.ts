import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { AlterConfigsRequest } from "../../protocol/generated/messages/alter-configs-request.ts";
import type { CreatePartitionsRequest } from "../../protocol/generated/messages/create-partitions-request.ts";
import {
  defaultCreateTopicsRequestCreatableTopic,
  type CreateTopicsRequest,
} from "../../protocol/generated/messages/create-topics-request.ts";
import {
  defaultCreateTopicsResponseCreatableTopicResult,
  type CreateTopicsResponse,
} from "../../protocol/generated/messages/create-topics-response.ts";
import type { DeleteTopicsRequest } from "../../protocol/generated/messages/delete-topics-request.ts";
import type { ElectLeadersRequest } from "../../protocol/generated/messages/elect-leaders-request.ts";
import type { IncrementalAlterConfigsRequest } from "../../protocol/generated/messages/incremental-alter-configs-request.ts";
import { ZERO_UUID } from "../../protocol/primitives/uuid.ts";
import type { BrokerServices } from "../broker-services.ts";
import type { Handler } from "../../server/handler.ts";
import { TestBroker } from "../testing/broker-harness.ts";
import { testUuid } from "../testing/metadata-records.ts";
import { TestController, UNREACHABLE } from "../testing/test-controller.ts";
import { createTopicsHandler } from "./19-create-topics.ts";
import { deleteTopicsHandler } from "./20-delete-topics.ts";
import { alterConfigsHandler } from "./33-alter-configs.ts";
import { createPartitionsHandler } from "./37-create-partitions.ts";
import { electLeadersHandler } from "./43-elect-leaders.ts";
import { incrementalAlterConfigsHandler } from "./44-incremental-alter-configs.ts";

const REQUEST_TIMEOUT_MS = 12_345;

const createTopics: CreateTopicsRequest = {
  topics: [
    {
      ...defaultCreateTopicsRequestCreatableTopic(),
      name: "payments",
      numPartitions: 3,
      replicationFactor: 1,
    },
    {
      ...defaultCreateTopicsRequestCreatableTopic(),
      name: "refunds",
      numPartitions: 1,
      replicationFactor: 1,
    },
  ],
  timeoutMs: 5_000,
  validateOnly: false,
};
// Both fields filled: v0-v5 carry topicNames, v6 topics.
const deleteTopics: DeleteTopicsRequest = {
  topics: [
    { name: "payments", topicId: ZERO_UUID },
    { name: "refunds", topicId: ZERO_UUID },
  ],
  topicNames: ["payments", "refunds"],
  timeoutMs: 4_000,
};
const createPartitions: CreatePartitionsRequest = {
  topics: [{ name: "payments", count: 6, assignments: null }],
  timeoutMs: 3_000,
  validateOnly: false,
};
const alterConfigs: AlterConfigsRequest = {
  resources: [
    {
      resourceType: 2,
      resourceName: "payments",
      configs: [{ name: "retention.ms", value: "1000" }],
    },
    { resourceType: 4, resourceName: "", configs: [{ name: "min.insync.replicas", value: "2" }] },
  ],
  validateOnly: false,
};
const incrementalAlterConfigs: IncrementalAlterConfigsRequest = {
  resources: [
    {
      resourceType: 2,
      resourceName: "payments",
      configs: [{ name: "retention.ms", configOperation: 0, value: "1000" }],
    },
  ],
  validateOnly: false,
};
const electLeaders: ElectLeadersRequest = {
  electionType: 0,
  topicPartitions: [{ topic: "payments", partitions: [0, 2] }],
  timeoutMs: 2_000,
};

interface ForwardedCase {
  handler: Handler<never, unknown, BrokerServices>;
  request: unknown;
  /** The timeout the broker gives the controller. */
  timeoutMs: number;
  /** Each item of the answer: its name and error code. */
  items(response: never): [string | null, number][];
}

const forwarded = (handler: Handler<never, unknown, BrokerServices>) => handler;
const CASES: Record<string, ForwardedCase> = {
  CreateTopics: {
    handler: forwarded(createTopicsHandler),
    request: createTopics,
    timeoutMs: 5_000,
    items: (r: CreateTopicsResponse) => r.topics.map((t) => [t.name, t.errorCode]),
  },
  DeleteTopics: {
    handler: forwarded(deleteTopicsHandler),
    request: deleteTopics,
    timeoutMs: 4_000,
    items: (r: { responses: { name: string | null; errorCode: number }[] }) =>
      r.responses.map((t) => [t.name, t.errorCode]),
  },
  CreatePartitions: {
    handler: forwarded(createPartitionsHandler),
    request: createPartitions,
    timeoutMs: 3_000,
    items: (r: { results: { name: string; errorCode: number }[] }) =>
      r.results.map((t) => [t.name, t.errorCode]),
  },
  AlterConfigs: {
    handler: forwarded(alterConfigsHandler),
    request: alterConfigs,
    timeoutMs: REQUEST_TIMEOUT_MS,
    items: (r: { responses: { resourceName: string; errorCode: number }[] }) =>
      r.responses.map((t) => [t.resourceName, t.errorCode]),
  },
  IncrementalAlterConfigs: {
    handler: forwarded(incrementalAlterConfigsHandler),
    request: incrementalAlterConfigs,
    timeoutMs: REQUEST_TIMEOUT_MS,
    items: (r: { responses: { resourceName: string; errorCode: number }[] }) =>
      r.responses.map((t) => [t.resourceName, t.errorCode]),
  },
  ElectLeaders: {
    handler: forwarded(electLeadersHandler),
    request: electLeaders,
    timeoutMs: 2_000,
    items: (r: {
      replicaElectionResults: {
        topic: string;
        partitionResult: { partitionId: number; errorCode: number }[];
      }[];
    }) =>
      r.replicaElectionResults.flatMap((t) =>
        t.partitionResult.map((p): [string, number] => [
          `${t.topic}-${p.partitionId}`,
          p.errorCode,
        ]),
      ),
  },
};

/** The names each request's error answer must carry, one per topic, resource or partition. */
const NAMES: Record<string, string[]> = {
  CreateTopics: ["payments", "refunds"],
  DeleteTopics: ["payments", "refunds"],
  CreatePartitions: ["payments"],
  AlterConfigs: ["payments", ""],
  IncrementalAlterConfigs: ["payments"],
  ElectLeaders: ["payments-0", "payments-2"],
};

async function brokerWith(controller: TestController): Promise<TestBroker> {
  return TestBroker.start({
    controller,
    properties: { "request.timeout.ms": String(REQUEST_TIMEOUT_MS) },
  });
}

describe("forwarded admin requests", () => {
  it("go unchanged, at the client's version, to the controller, whose answer comes back as it is", async () => {
    const controllerAnswer = { answeredBy: "the controller" };
    const controller = new TestController(() => controllerAnswer);
    const broker = await brokerWith(controller);
    for (const [name, { handler, request, timeoutMs }] of Object.entries(CASES)) {
      for (let version = handler.minVersion; version <= handler.maxVersion; version++) {
        expect(await broker.handle(handler, request as never, version), `${name} v${version}`).toBe(
          controllerAnswer,
        );
        expect(controller.calls.at(-1)).toEqual({
          apiKey: handler.apiKey,
          apiVersion: version,
          body: request,
          timeoutMs,
        });
        expect(controller.calls.at(-1)!.body).toBe(request);
      }
    }
  });

  it("reach the client through the codecs", async () => {
    const answer: CreateTopicsResponse = {
      throttleTimeMs: 0,
      topics: [
        {
          ...defaultCreateTopicsResponseCreatableTopicResult(),
          name: "payments",
          topicId: testUuid(5),
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          numPartitions: 3,
          replicationFactor: 1,
        },
      ],
    };
    const broker = await brokerWith(new TestController(() => answer));
    const received = await broker.exchange(createTopicsHandler, createTopics, 7);
    expect(received.topics[0]).toMatchObject({
      name: "payments",
      topicId: testUuid(5),
      numPartitions: 3,
      errorCode: ErrorCode.NONE,
    });
  });

  it("give the controller request.timeout.ms when the request has no timeout of its own, or 0", async () => {
    const controller = new TestController(() => ({ topics: [] }));
    const broker = await brokerWith(controller);
    await broker.handle(createTopicsHandler, { ...createTopics, timeoutMs: 0 }, 7);
    expect(controller.calls.at(-1)!.timeoutMs).toBe(REQUEST_TIMEOUT_MS);
  });

  it("answer REQUEST_TIMED_OUT for every topic, resource or partition when no controller can be reached, at every version", async () => {
    const broker = await brokerWith(new TestController(UNREACHABLE));
    for (const [name, { handler, request, items }] of Object.entries(CASES)) {
      for (let version = handler.minVersion; version <= handler.maxVersion; version++) {
        const answer = await broker.exchange(handler, request as never, version);
        expect(items(answer as never), `${name} v${version}`).toEqual(
          NAMES[name]!.map((item) => [item, ErrorCode.REQUEST_TIMED_OUT]),
        );
      }
    }
  });

  it("say why in the error message", async () => {
    const broker = await brokerWith(new TestController(UNREACHABLE));
    const answer = await broker.handle(createTopicsHandler, createTopics, 7);
    if (typeof answer === "symbol") throw new Error("no answer");
    expect(answer.topics[0]!.errorMessage).toMatch(
      /controller could not be reached within 5000 ms/,
    );
  });

  it("name topics deleted by id (DeleteTopics v6) by their id", async () => {
    const broker = await brokerWith(new TestController(UNREACHABLE));
    const byId: DeleteTopicsRequest = {
      topics: [
        { name: null, topicId: testUuid(8) },
        { name: "refunds", topicId: ZERO_UUID },
      ],
      topicNames: [],
      timeoutMs: 1_000,
    };
    const answer = await broker.exchange(deleteTopicsHandler, byId, 6);
    expect(answer.responses.map((r) => [r.name, r.topicId, r.errorCode])).toEqual([
      [null, testUuid(8), ErrorCode.REQUEST_TIMED_OUT],
      ["refunds", ZERO_UUID, ErrorCode.REQUEST_TIMED_OUT],
    ]);
  });

  it("answer an election of all partitions with the top-level error only", async () => {
    const broker = await brokerWith(new TestController(UNREACHABLE));
    const answer = await broker.exchange(
      electLeadersHandler,
      { ...electLeaders, topicPartitions: null },
      2,
    );
    expect(answer).toMatchObject({
      errorCode: ErrorCode.REQUEST_TIMED_OUT,
      replicaElectionResults: [],
    });
  });
});
