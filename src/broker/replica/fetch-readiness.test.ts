import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { defaultFetchRequest } from "../../protocol/generated/messages/fetch-request.ts";
import type { FetchResponse } from "../../protocol/generated/messages/fetch-response.ts";
import { fetchHandler } from "../handlers/01-fetch.ts";
import { plainBatch, type TestBroker } from "../testing/broker-harness.ts";
import { ORDERS, ORDERS_ID, startBrokerOne } from "../testing/cluster-fixture.ts";
import type { FetchTarget } from "./fetch-reader.ts";
import { readPartitions } from "./fetch-reader.ts";
import { mayHaveNews } from "./fetch-readiness.ts";

const FOLLOWER = true;
const CONSUMER = false;

function target(partition: number, fetchOffset: bigint, extra: Partial<FetchTarget> = {}) {
  return {
    topic: ORDERS,
    topicId: ORDERS_ID,
    partition,
    fetchOffset,
    currentLeaderEpoch: -1,
    partitionMaxBytes: 1 << 20,
    ...extra,
  } satisfies FetchTarget;
}

/** Broker 1 leading orders-2 with three records its follower (broker 2) has not fetched. */
async function leaderWithUnreplicatedRecords(): Promise<TestBroker> {
  const broker = await startBrokerOne();
  await broker.produce(ORDERS, 2, plainBatch(3));
  return broker;
}

/** Whether a full read would answer something: records, or an error that ends the wait. */
function readWouldAnswer(broker: TestBroker, targets: FetchTarget[], isFollower: boolean) {
  const result = readPartitions(broker.services, targets, isFollower, 1 << 20);
  return result.bytes > 0 || result.hasError;
}

describe("whether a parked fetch may have news", () => {
  it("is quiet for a follower already at the leader's LEO", async () => {
    const broker = await leaderWithUnreplicatedRecords();
    const atEnd = [target(2, 3n)];
    expect(mayHaveNews(broker.services, atEnd, FOLLOWER)).toBe(false);
    expect(readWouldAnswer(broker, atEnd, FOLLOWER)).toBe(false);
  });

  it("has news for a follower behind the LEO", async () => {
    const broker = await leaderWithUnreplicatedRecords();
    const behind = [target(2, 0n)];
    expect(mayHaveNews(broker.services, behind, FOLLOWER)).toBe(true);
    expect(readWouldAnswer(broker, behind, FOLLOWER)).toBe(true);
  });

  it("is quiet for a consumer at the HW even though the LEO is further on", async () => {
    const broker = await leaderWithUnreplicatedRecords();
    // orders-2's HW waits for broker 2, which has fetched nothing: it is still 0.
    expect(broker.partition(ORDERS, 2).highWatermark).toBe(0n);
    const atHighWatermark = [target(2, 0n)];
    expect(mayHaveNews(broker.services, atHighWatermark, CONSUMER)).toBe(false);
    expect(readWouldAnswer(broker, atHighWatermark, CONSUMER)).toBe(false);
  });

  it("has news for a consumer below the HW", async () => {
    const broker = await startBrokerOne();
    await broker.produce(ORDERS, 0, plainBatch(2)); // orders-0 leads alone: HW = LEO
    const below = [target(0, 0n)];
    expect(mayHaveNews(broker.services, below, CONSUMER)).toBe(true);
    expect(readWouldAnswer(broker, below, CONSUMER)).toBe(true);
  });

  it("has news whenever one partition of several does", async () => {
    const broker = await leaderWithUnreplicatedRecords();
    await broker.produce(ORDERS, 0, plainBatch(2));
    const targets = [target(2, 3n), target(0, 0n)];
    expect(mayHaveNews(broker.services, targets, FOLLOWER)).toBe(true);
  });

  it("has news when the answer would be an error that ends the wait", async () => {
    const broker = await leaderWithUnreplicatedRecords();
    const epoch = broker.partition(ORDERS, 2).leaderEpoch;
    const erring: [string, FetchTarget][] = [
      ["a partition this broker follows", target(1, 0n)],
      ["a newer leader epoch", target(2, 3n, { currentLeaderEpoch: epoch + 1 })],
      ["an offset past the LEO", target(2, 4n)],
      ["an unknown topic id", target(2, 3n, { unknownTopicId: true })],
    ];
    for (const [what, each] of erring) {
      expect(mayHaveNews(broker.services, [each], FOLLOWER), what).toBe(true);
      expect(readWouldAnswer(broker, [each], FOLLOWER), what).toBe(true);
    }
  });
});

describe("a parked follower fetch", () => {
  it("stays parked through a HW move and answers the next append", async () => {
    const broker = await startBrokerOne();
    const partition = broker.partition(ORDERS, 2);
    await broker.produce(ORDERS, 2, plainBatch(1));
    const follow = (fetchOffset: bigint) =>
      broker.handle(
        fetchHandler,
        {
          ...defaultFetchRequest(),
          replicaId: 2,
          maxWaitMs: 500,
          minBytes: 1,
          topics: [
            {
              topic: ORDERS,
              topicId: ORDERS_ID,
              partitions: [
                {
                  partition: 2,
                  currentLeaderEpoch: partition.leaderEpoch,
                  fetchOffset,
                  lastFetchedEpoch: -1,
                  logStartOffset: -1n,
                  partitionMaxBytes: 1 << 20,
                  replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
                },
              ],
            },
          ],
        },
        12,
      ) as Promise<FetchResponse>;
    // Broker 2 fetches from its LEO 1: the HW moves to 1, and nothing is left to read.
    let answered: FetchResponse | null = null;
    void follow(1n).then((response) => (answered = response));
    await Promise.resolve();
    expect(partition.highWatermark).toBe(1n);
    broker.services.replicas.highWatermarkMoved(partition);
    await Promise.resolve();
    expect(answered).toBeNull();
    await broker.produce(ORDERS, 2, plainBatch(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const data = (answered as FetchResponse | null)?.responses[0]?.partitions[0];
    expect(data?.errorCode).toBe(ErrorCode.NONE);
    expect(data?.records?.length).toBeGreaterThan(0);
    expect(data?.highWatermark).toBe(1n);
  });
});
