import { describe, expect, it } from "vitest";
import { HandlerRegistry } from "../server/handler-registry.ts";
import { dispatchRequest } from "../server/request-dispatcher.ts";
import { MetadataImage } from "../metadata/metadata-image.ts";
import { ApiKey, APIS } from "../protocol/generated/api-table.ts";
import { ErrorCode } from "../protocol/generated/error-codes.ts";
import { defaultAllocateProducerIdsRequest } from "../protocol/generated/messages/allocate-producer-ids-request.ts";
import type { AllocateProducerIdsResponse } from "../protocol/generated/messages/allocate-producer-ids-response.ts";
import type { CreateTopicsResponse } from "../protocol/generated/messages/create-topics-response.ts";
import { decodeResponse, encodeRequestFrame, frameBody } from "../protocol/frames.ts";
import type { MessageSpec } from "../protocol/codec-runtime.ts";
import { OperationQueue } from "./operation-queue.ts";
import { ControllerHarness, settle } from "./testing/controller-harness.ts";

/** Every error code anywhere in a response. */
function errorCodes(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(errorCodes);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, field]) =>
    key === "errorCode" ? [field as number] : errorCodes(field),
  );
}

/** A request with one entry in each list, so per-entry answers show up. */
function sampleRequest(apiKey: number): unknown {
  const spec = APIS.get(apiKey)!.request as MessageSpec<Record<string, unknown>>;
  const request = spec.create();
  const one: Record<number, Record<string, unknown>> = {
    [ApiKey.CreateTopics]: {
      topics: [{ name: "t", numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }],
    },
    [ApiKey.DeleteTopics]: { topicNames: ["t"] },
    [ApiKey.CreatePartitions]: { topics: [{ name: "t", count: 2, assignments: null }] },
    [ApiKey.AlterConfigs]: { resources: [{ resourceType: 2, resourceName: "t", configs: [] }] },
    [ApiKey.IncrementalAlterConfigs]: {
      resources: [{ resourceType: 2, resourceName: "t", configs: [] }],
    },
    [ApiKey.ElectLeaders]: { topicPartitions: [{ topic: "t", partitions: [0] }] },
  };
  return { ...request, ...one[apiKey] };
}

describe("the quorum controller", () => {
  it("offers one handler per controller API, each fitting a broker's handler registry", () => {
    const h = new ControllerHarness();
    const registry = new HandlerRegistry();
    for (const handler of h.controller.handlers) registry.register(handler);
    expect(registry.supportedVersions().map(({ apiKey }) => apiKey)).toEqual([
      19, 20, 33, 37, 43, 44, 56, 62, 63, 67,
    ]);
  });

  it("answers NOT_CONTROLLER to every request while it is not active", async () => {
    const h = new ControllerHarness();
    expect(h.controller.isActive).toBe(false);
    for (const handler of h.controller.handlers) {
      const response = await h.call(handler.apiKey, sampleRequest(handler.apiKey));
      const codes = errorCodes(response);
      expect(codes.length, APIS.get(handler.apiKey)!.name).toBeGreaterThan(0);
      expect(new Set(codes), APIS.get(handler.apiKey)!.name).toEqual(
        new Set([ErrorCode.NOT_CONTROLLER]),
      );
    }
  });

  it("serves requests arriving as Kafka frames through the broker's dispatcher", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1]);
    const registry = new HandlerRegistry();
    for (const handler of h.controller.handlers) registry.register(handler);
    const frame = encodeRequestFrame(
      { apiKey: ApiKey.CreateTopics, apiVersion: 7, correlationId: 42, clientId: "admin" },
      sampleRequest(ApiKey.CreateTopics),
    );
    const result = await dispatchRequest(registry, frame, undefined);
    if (result.kind !== "respond") throw new Error(`no answer: ${result.kind}`);
    const body = frameBody(result.frame);
    if (!body.ok) throw body.error;
    const decoded = decodeResponse<CreateTopicsResponse>(body.value, ApiKey.CreateTopics, 7);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value.body.topics[0]).toMatchObject({
      name: "t",
      errorCode: ErrorCode.NONE,
      numPartitions: 1,
    });
  });

  it("answers only once the records are committed, while later requests already see them", async () => {
    const h = new ControllerHarness({ autoCommit: false }).activate();
    let registered = false;
    const registration = h.register(1).then((response) => {
      registered = true;
      return response;
    });
    await settle();
    expect(h.log.endOffset).toBe(1n);
    expect(h.image.brokers.has(1)).toBe(true);
    expect(registered).toBe(false);
    h.log.commit();
    expect((await registration).errorCode).toBe(ErrorCode.NONE);
  });

  it("answers NOT_CONTROLLER when leadership is lost before the records commit, and stops deciding", async () => {
    const h = new ControllerHarness({ autoCommit: false }).activate();
    const registration = h.register(1);
    await settle();
    h.log.loseLeadership();
    h.controller.deactivate();
    expect((await registration).errorCode).toBe(ErrorCode.NOT_CONTROLLER);
    expect(h.controller.workingImage()).toBeNull();
    expect((await h.register(2)).errorCode).toBe(ErrorCode.NOT_CONTROLLER);
  });

  it("deactivates itself when the log refuses an append", async () => {
    const h = new ControllerHarness().activate();
    h.log.refuseAppends = true;
    expect((await h.register(1)).errorCode).toBe(ErrorCode.NOT_CONTROLLER);
    expect(h.controller.isActive).toBe(false);
  });

  it("appends records in the order requests arrived", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1, 2, 3]);
    const names = ["a", "b", "c", "d", "e", "f"];
    const responses = await Promise.all(
      names.map((name) => h.createTopics([{ name, numPartitions: 2, replicationFactor: 2 }])),
    );
    expect(responses.map((response) => response.topics[0]!.errorCode)).toEqual(
      names.map(() => ErrorCode.NONE),
    );
    const created = h.log
      .records()
      .flatMap((record) => (record.type === "TopicRecord" ? [record.data.name] : []));
    expect(created).toEqual(names);
  });

  it("leaves a working image that a fresh replay of its records reproduces", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1, 2, 3]);
    await h.createTopic("a", 6, 3, { "cleanup.policy": "compact" });
    await h.createTopic("b", 2, 2);
    await h.heartbeat(2, { wantShutDown: true });
    h.clock.advance(9001);
    await h.heartbeatAll([1]);
    await h.tick();
    await h.heartbeat(3);
    await h.call(ApiKey.AllocateProducerIds, {
      ...defaultAllocateProducerIdsRequest(),
      brokerId: 1,
      brokerEpoch: h.epochs.get(1)!,
    });
    expect(h.log.replay()).toEqual(h.image);
  });

  it("takes over after a failover from the committed image, and fences a broker that stays silent for one session", async () => {
    const first = new ControllerHarness().activate();
    await first.startBrokers([1, 2, 3]);
    await first.createTopic("t", 3, 3);
    const committed = first.log.replay();
    first.controller.deactivate();

    const second = new ControllerHarness({ nodeId: 1, firstOffset: first.log.endOffset });
    second.clock.set(first.clock.nowMs() + 60_000);
    second.activate(committed);
    // Sessions restart with the new controller: nobody is fenced at once.
    await second.tick();
    expect([1, 2, 3].map((id) => second.image.brokers.get(id)!.fenced)).toEqual([
      false,
      false,
      false,
    ]);
    for (const [id, epoch] of first.epochs) second.epochs.set(id, epoch);
    second.clock.advance(9001);
    await second.heartbeatAll([2, 3]);
    await second.tick();
    expect(second.image.brokers.get(1)!.fenced).toBe(true);
    for (let p = 0; p < 3; p++) expect(second.partition("t", p).leader).not.toBe(1);
    // The new controller's records follow the old one's in the log.
    expect(second.log.entries[0]!.offset).toBe(first.log.endOffset);
  });

  it("hands out producer ids in blocks of 1000", async () => {
    const h = new ControllerHarness().activate();
    await h.startBrokers([1, 2]);
    const allocate = (brokerId: number, brokerEpoch = h.epochs.get(brokerId)!) =>
      h.call<AllocateProducerIdsResponse>(ApiKey.AllocateProducerIds, {
        ...defaultAllocateProducerIdsRequest(),
        brokerId,
        brokerEpoch,
      });
    expect(await allocate(1)).toMatchObject({
      errorCode: ErrorCode.NONE,
      producerIdStart: 0n,
      producerIdLen: 1000,
    });
    expect(await allocate(2)).toMatchObject({
      errorCode: ErrorCode.NONE,
      producerIdStart: 1000n,
      producerIdLen: 1000,
    });
    expect(h.log.records().at(-1)).toEqual({
      type: "ProducerIdsRecord",
      data: { brokerId: 2, brokerEpoch: h.epochs.get(2), nextProducerId: 2000n },
    });
    expect((await allocate(1, 99n)).errorCode).toBe(ErrorCode.STALE_BROKER_EPOCH);
  });

  it("continues from a committed image's producer ids and broker epochs", async () => {
    const image = new MetadataImage();
    image.apply(
      { type: "ProducerIdsRecord", data: { brokerId: 1, brokerEpoch: 0n, nextProducerId: 5000n } },
      41n,
    );
    const h = new ControllerHarness().activate(image);
    const response = await h.register(1);
    expect(response.brokerEpoch).toBe(42n);
  });
});

describe("the operation queue", () => {
  it("runs operations one at a time, in order, and refuses past its bound", async () => {
    const queue = new OperationQueue(2);
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.tryRun(async () => {
      order.push("first starts");
      await gate;
      order.push("first ends");
    });
    const second = queue.tryRun(async () => {
      order.push("second");
    });
    expect(queue.tryRun(async () => undefined)).toBeNull();
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first starts", "first ends", "second"]);
    expect(queue.size).toBe(0);
  });
});
