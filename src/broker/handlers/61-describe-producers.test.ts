import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeProducersResponse } from "../../protocol/generated/messages/describe-producers-response.ts";
import { BATCH_TIMESTAMP_MS, idempotentBatch } from "../producer-state/testing/producer-batches.ts";
import { plainBatch, type TestBroker } from "../testing/broker-harness.ts";
import { ELSEWHERE, ORDERS, startBrokerOne } from "../testing/cluster-fixture.ts";
import { describeProducersHandler } from "./61-describe-producers.ts";

async function describeProducers(broker: TestBroker, topic: string, partitionIndexes: number[]) {
  const response: DescribeProducersResponse = await broker.exchange(
    describeProducersHandler,
    { topics: [{ name: topic, partitionIndexes }] },
    0,
  );
  return response.topics[0]!.partitions;
}

describe("DescribeProducers", () => {
  it("lists the producers a partition remembers, with their epoch and last sequence", async () => {
    const broker = await startBrokerOne();
    await broker.produce(
      ORDERS,
      0,
      idempotentBatch({ producerId: 7n, producerEpoch: 0, baseSequence: 0, recordCount: 3 }),
    );
    await broker.produce(
      ORDERS,
      0,
      idempotentBatch({ producerId: 7n, producerEpoch: 0, baseSequence: 3, recordCount: 2 }),
    );
    await broker.produce(
      ORDERS,
      0,
      idempotentBatch({ producerId: 9n, producerEpoch: 2, baseSequence: 0, recordCount: 1 }),
    );
    // Plain records carry no producer: nothing to remember.
    await broker.produce(ORDERS, 0, plainBatch(2));
    const [partition] = await describeProducers(broker, ORDERS, [0]);
    expect(partition).toMatchObject({
      partitionIndex: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
    });
    const producers = [...partition!.activeProducers].sort((a, b) =>
      Number(a.producerId - b.producerId),
    );
    expect(producers).toEqual([
      {
        producerId: 7n,
        producerEpoch: 0,
        lastSequence: 4,
        lastTimestamp: BATCH_TIMESTAMP_MS,
        coordinatorEpoch: -1,
        currentTxnStartOffset: -1n,
      },
      {
        producerId: 9n,
        producerEpoch: 2,
        lastSequence: 0,
        lastTimestamp: BATCH_TIMESTAMP_MS,
        coordinatorEpoch: -1,
        currentTxnStartOffset: -1n,
      },
    ]);
  });

  it("answers from a follower's own producer state too", async () => {
    const broker = await startBrokerOne();
    expect(await describeProducers(broker, ORDERS, [1])).toEqual([
      { partitionIndex: 1, errorCode: ErrorCode.NONE, errorMessage: null, activeProducers: [] },
    ]);
  });

  it("answers UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER or KAFKA_STORAGE_ERROR partition by partition", async () => {
    const broker = await startBrokerOne();
    expect((await describeProducers(broker, "missing", [0])).map((p) => p.errorCode)).toEqual([
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    ]);
    expect((await describeProducers(broker, ELSEWHERE, [0])).map((p) => p.errorCode)).toEqual([
      ErrorCode.NOT_LEADER_OR_FOLLOWER,
    ]);
    broker.partition(ORDERS, 2).log.takeOffline("disk unplugged");
    expect(
      (await describeProducers(broker, ORDERS, [0, 2, 5])).map((p) => [
        p.partitionIndex,
        p.errorCode,
      ]),
    ).toEqual([
      [0, ErrorCode.NONE],
      [2, ErrorCode.KAFKA_STORAGE_ERROR],
      [5, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    ]);
  });
});
