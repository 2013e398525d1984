import { describe, expect, it } from "vitest";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  defaultInitProducerIdRequest,
  type InitProducerIdRequest,
} from "../../protocol/generated/messages/init-producer-id-request.ts";
import { startBrokerOne } from "../testing/cluster-fixture.ts";
import { PRODUCER_ID_BLOCK_SIZE, TestController, UNREACHABLE } from "../testing/test-controller.ts";
import { initProducerIdHandler, TRANSACTION_MAX_TIMEOUT_MS } from "./22-init-producer-id.ts";

const idempotent = (fields: Partial<InitProducerIdRequest> = {}): InitProducerIdRequest => ({
  ...defaultInitProducerIdRequest(),
  transactionalId: null,
  transactionTimeoutMs: 60_000,
  ...fields,
});
const transactional = (transactionalId: string, transactionTimeoutMs = 60_000) =>
  idempotent({ transactionalId, transactionTimeoutMs });
const REFUSED = { producerId: -1n, producerEpoch: -1 };

describe("InitProducerId", () => {
  it("gives an idempotent producer a new id with epoch 0, at every version, from one block of the controller's", async () => {
    const broker = await startBrokerOne();
    const answers = [];
    for (let version = 0; version <= 5; version++)
      answers.push(await broker.exchange(initProducerIdHandler, idempotent(), version));
    expect(answers.map((a) => [a.errorCode, a.producerId, a.producerEpoch])).toEqual(
      [0n, 1n, 2n, 3n, 4n, 5n].map((id) => [ErrorCode.NONE, id, 0]),
    );
    const allocations = broker.controller.callsFor(ApiKey.AllocateProducerIds);
    expect(allocations).toHaveLength(1);
    // The broker names itself and its registration's epoch, so the controller can fence a stale broker.
    expect(allocations[0]!.body).toEqual({ brokerId: 1, brokerEpoch: 10n });
  });

  it("asks the controller for the next block when one is used up", async () => {
    const controller = new TestController(undefined, 5000n);
    const broker = await startBrokerOne({ controller });
    const ids: bigint[] = [];
    for (let i = 0; i <= PRODUCER_ID_BLOCK_SIZE; i++) {
      const answer = await broker.handle(initProducerIdHandler, idempotent(), 4);
      if (typeof answer === "symbol") throw new Error("no answer");
      ids.push(answer.producerId);
    }
    expect(ids[0]).toBe(5000n);
    expect(ids.at(-1)).toBe(5000n + BigInt(PRODUCER_ID_BLOCK_SIZE));
    expect(new Set(ids).size).toBe(ids.length);
    expect(controller.callsFor(ApiKey.AllocateProducerIds)).toHaveLength(2);
  });

  it("gives an idempotent producer that sends its id and epoch (KIP-360) a new id, not a bumped epoch", async () => {
    const broker = await startBrokerOne();
    const first = await broker.exchange(initProducerIdHandler, idempotent(), 3);
    const again = await broker.exchange(
      initProducerIdHandler,
      idempotent({ producerId: first.producerId, producerEpoch: 7 }),
      3,
    );
    expect(again).toMatchObject({
      errorCode: ErrorCode.NONE,
      producerId: first.producerId + 1n,
      producerEpoch: 0,
    });
  });

  it("refuses a producer id without an epoch, or an epoch without an id, with INVALID_REQUEST", async () => {
    const broker = await startBrokerOne();
    for (const fields of [{ producerId: 42n }, { producerEpoch: 3 }]) {
      for (const version of [3, 4, 5]) {
        expect(
          await broker.exchange(initProducerIdHandler, idempotent(fields), version),
        ).toMatchObject({ errorCode: ErrorCode.INVALID_REQUEST, ...REFUSED });
      }
    }
    expect(broker.controller.callsFor(ApiKey.AllocateProducerIds)).toHaveLength(0);
  });

  it("answers COORDINATOR_LOAD_IN_PROGRESS (retriable) while the controller hands out no ids", async () => {
    const broker = await startBrokerOne({ controller: new TestController(UNREACHABLE) });
    expect(await broker.exchange(initProducerIdHandler, idempotent(), 4)).toMatchObject({
      errorCode: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
      ...REFUSED,
    });
  });

  it("checks a transactional id as Kafka does, then answers UNSUPPORTED_VERSION: there is no transaction coordinator", async () => {
    const broker = await startBrokerOne();
    const answer = (request: InitProducerIdRequest) =>
      broker.exchange(initProducerIdHandler, request, 4);
    expect(await answer(transactional(""))).toMatchObject({
      errorCode: ErrorCode.INVALID_REQUEST,
      ...REFUSED,
    });
    expect(await answer(transactional("payments", 0))).toMatchObject({
      errorCode: ErrorCode.INVALID_TRANSACTION_TIMEOUT,
      ...REFUSED,
    });
    expect(await answer(transactional("payments", TRANSACTION_MAX_TIMEOUT_MS + 1))).toMatchObject({
      errorCode: ErrorCode.INVALID_TRANSACTION_TIMEOUT,
    });
    expect(await answer(transactional("payments", TRANSACTION_MAX_TIMEOUT_MS))).toMatchObject({
      errorCode: ErrorCode.UNSUPPORTED_VERSION,
      ...REFUSED,
    });
    for (let version = 0; version <= 5; version++) {
      expect(
        await broker.exchange(initProducerIdHandler, transactional("payments"), version),
      ).toMatchObject({ errorCode: ErrorCode.UNSUPPORTED_VERSION });
    }
    expect(broker.controller.callsFor(ApiKey.AllocateProducerIds)).toHaveLength(0);
  });
});
