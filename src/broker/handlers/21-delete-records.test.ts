import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DeleteRecordsRequest } from "../../protocol/generated/messages/delete-records-request.ts";
import type { DeleteRecordsResponse } from "../../protocol/generated/messages/delete-records-response.ts";
import { idempotentBatch } from "../producer-state/testing/producer-batches.ts";
import { plainBatch, type TestBroker } from "../testing/broker-harness.ts";
import { ELSEWHERE, ORDERS, startBrokerOne } from "../testing/cluster-fixture.ts";
import { testUuid, topicConfigRecord, topicRecords } from "../testing/metadata-records.ts";
import { deleteRecordsHandler } from "./21-delete-records.ts";

function request(
  topic: string,
  partitions: [index: number, offset: bigint][],
): DeleteRecordsRequest {
  return {
    topics: [
      {
        name: topic,
        partitions: partitions.map(([partitionIndex, offset]) => ({ partitionIndex, offset })),
      },
    ],
    timeoutMs: 30_000,
  };
}

function results(response: DeleteRecordsResponse) {
  return response.topics.flatMap((topic) =>
    topic.partitions.map((p) => ({ topic: topic.name, ...p })),
  );
}

async function deleteRecords(
  broker: TestBroker,
  topic: string,
  partitions: [number, bigint][],
  version = 2,
) {
  return results(await broker.exchange(deleteRecordsHandler, request(topic, partitions), version));
}

/** Three batches of two records: offsets 0-5, HW 6 on a partition this broker leads alone. */
async function withRecords(broker: TestBroker, topic = ORDERS, index = 0): Promise<void> {
  for (let i = 0; i < 3; i++) await broker.produce(topic, index, plainBatch(2));
}

describe("DeleteRecords", () => {
  it("moves the leader's log start offset and answers it as the low watermark, at every version", async () => {
    for (const version of [0, 1, 2]) {
      const broker = await startBrokerOne();
      await withRecords(broker);
      expect(broker.partition(ORDERS, 0).highWatermark).toBe(6n);
      expect(await deleteRecords(broker, ORDERS, [[0, 4n]], version)).toEqual([
        { topic: ORDERS, partitionIndex: 0, lowWatermark: 4n, errorCode: ErrorCode.NONE },
      ]);
      const log = broker.partition(ORDERS, 0).log;
      expect(log.logStartOffset).toBe(4n);
      // Records below the new start can no longer be read.
      expect(log.read(0n, 1_000_000).ok).toBe(false);
      expect(log.read(4n, 1_000_000).ok).toBe(true);
    }
  });

  it("takes -1 as the HW, and never moves the start back", async () => {
    const broker = await startBrokerOne();
    await withRecords(broker);
    expect(await deleteRecords(broker, ORDERS, [[0, -1n]])).toMatchObject([
      { lowWatermark: 6n, errorCode: ErrorCode.NONE },
    ]);
    expect(await deleteRecords(broker, ORDERS, [[0, 2n]])).toMatchObject([
      { lowWatermark: 6n, errorCode: ErrorCode.NONE },
    ]);
    expect(broker.partition(ORDERS, 0).log.logStartOffset).toBe(6n);
  });

  it("refuses offsets past the HW (records not yet committed) and negative ones other than -1", async () => {
    const broker = await startBrokerOne();
    // orders-2 waits for broker 2 to fetch: LEO 6, HW 0.
    await withRecords(broker, ORDERS, 2);
    const lagging = broker.partition(ORDERS, 2);
    expect([lagging.log.logEndOffset, lagging.highWatermark]).toEqual([6n, 0n]);
    expect(await deleteRecords(broker, ORDERS, [[2, 3n]])).toMatchObject([
      { lowWatermark: -1n, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE },
    ]);
    expect(await deleteRecords(broker, ORDERS, [[2, -1n]])).toMatchObject([
      { lowWatermark: 0n, errorCode: ErrorCode.NONE },
    ]);
    expect(await deleteRecords(broker, ORDERS, [[2, -2n]])).toMatchObject([
      { lowWatermark: -1n, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE },
    ]);
    expect(lagging.log.logStartOffset).toBe(0n);
  });

  it("answers UNKNOWN_TOPIC_OR_PARTITION for partitions the cluster lacks, NOT_LEADER_OR_FOLLOWER for ones it does not lead", async () => {
    const broker = await startBrokerOne();
    await withRecords(broker);
    expect(await deleteRecords(broker, "missing", [[0, 1n]])).toMatchObject([
      { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, lowWatermark: -1n },
    ]);
    expect(await deleteRecords(broker, ORDERS, [[7, 1n]])).toMatchObject([
      { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION },
    ]);
    expect(await deleteRecords(broker, ORDERS, [[1, 0n]])).toMatchObject([
      { errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER, lowWatermark: -1n },
    ]);
    expect(await deleteRecords(broker, ELSEWHERE, [[0, 0n]])).toMatchObject([
      { errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER },
    ]);
  });

  it("answers each partition of one request on its own", async () => {
    const broker = await startBrokerOne();
    await withRecords(broker);
    const answer = await deleteRecords(broker, ORDERS, [
      [0, 2n],
      [1, 0n],
      [2, 5n],
    ]);
    expect(answer.map((p) => [p.partitionIndex, p.errorCode, p.lowWatermark])).toEqual([
      [0, ErrorCode.NONE, 2n],
      [1, ErrorCode.NOT_LEADER_OR_FOLLOWER, -1n],
      [2, ErrorCode.OFFSET_OUT_OF_RANGE, -1n],
    ]);
  });

  it("refuses compacted-only topics with POLICY_VIOLATION, but not compact,delete", async () => {
    const broker = await startBrokerOne({}, topicConfigRecord(ORDERS, "cleanup.policy", "compact"));
    await withRecords(broker);
    expect(await deleteRecords(broker, ORDERS, [[0, 2n]])).toMatchObject([
      { errorCode: ErrorCode.POLICY_VIOLATION, lowWatermark: -1n },
    ]);
    await broker.apply(topicConfigRecord(ORDERS, "cleanup.policy", "compact,delete"));
    expect(await deleteRecords(broker, ORDERS, [[0, 2n]])).toMatchObject([
      { errorCode: ErrorCode.NONE, lowWatermark: 2n },
    ]);
  });

  it("refuses Kafka's internal topics with INVALID_TOPIC_EXCEPTION", async () => {
    const broker = await startBrokerOne(
      {},
      ...topicRecords("__consumer_offsets", testUuid(3), [{ replicas: [1] }]),
    );
    await withRecords(broker, "__consumer_offsets", 0);
    expect(await deleteRecords(broker, "__consumer_offsets", [[0, 1n]])).toMatchObject([
      { errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION },
    ]);
    expect(broker.partition("__consumer_offsets", 0).log.logStartOffset).toBe(0n);
  });

  it("answers KAFKA_STORAGE_ERROR when the log directory is offline", async () => {
    const broker = await startBrokerOne();
    await withRecords(broker);
    broker.partition(ORDERS, 0).log.takeOffline("disk unplugged");
    expect(await deleteRecords(broker, ORDERS, [[0, 1n]])).toMatchObject([
      { errorCode: ErrorCode.KAFKA_STORAGE_ERROR, lowWatermark: -1n },
    ]);
  });

  it("removes whole segments below the new start and reports them, with the new offsets", async () => {
    // Tiny segments: every batch rolls a new one.
    const broker = await startBrokerOne({}, topicConfigRecord(ORDERS, "segment.bytes", "100"));
    await withRecords(broker);
    const log = broker.partition(ORDERS, 0).log;
    const before = log.segmentInfos().map((s) => s.baseOffset);
    expect(before.length).toBeGreaterThan(2);
    broker.telemetry.drain();
    await deleteRecords(broker, ORDERS, [[0, 4n]]);
    const after = log.segmentInfos().map((s) => s.baseOffset);
    // A segment goes when the next one starts at or below the new log start.
    expect(after).toEqual(before.filter((_, i) => i === before.length - 1 || before[i + 1]! > 4n));
    const events = broker.telemetry.drain().events;
    const deleted = events.flatMap((e) =>
      e.kind === "segment" && e.action === "deleted" ? [e.baseOffset] : [],
    );
    expect(deleted).toEqual(before.filter((base) => !after.includes(base)));
    expect(deleted.length).toBeGreaterThan(0);
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: "log-offsets",
        topic: ORDERS,
        partition: 0,
        logStartOffset: 4n,
        highWatermark: 6n,
      }),
    );
  });

  it("keeps the producer state of idempotent producers whose records were deleted", async () => {
    const broker = await startBrokerOne();
    await broker.produce(
      ORDERS,
      0,
      idempotentBatch({ producerId: 7n, producerEpoch: 0, baseSequence: 0, recordCount: 2 }),
    );
    expect(await deleteRecords(broker, ORDERS, [[0, -1n]])).toMatchObject([
      { lowWatermark: 2n, errorCode: ErrorCode.NONE },
    ]);
    const partition = broker.partition(ORDERS, 0);
    expect(partition.producers.activeProducers()).toMatchObject([
      { producerId: 7n, lastSequence: 1 },
    ]);
    // The next batch in sequence is accepted, not taken for a gap.
    const next = await broker.produce(
      ORDERS,
      0,
      idempotentBatch({ producerId: 7n, producerEpoch: 0, baseSequence: 2, recordCount: 1 }),
    );
    expect(next.baseOffset).toBe(2n);
  });

  it("wakes requests waiting on the partition", async () => {
    const broker = await startBrokerOne();
    await withRecords(broker);
    let checks = 0;
    broker.services.replicas.purgatory.tryCompleteElseWatch({
      watchKeys: [`${ORDERS}-0`],
      deadlineMs: broker.clock.nowMs() + 60_000,
      tryComplete: () => {
        checks++;
        return false;
      },
      onExpire: () => {},
    });
    const checksBefore = checks;
    await deleteRecords(broker, ORDERS, [[0, 3n]]);
    expect(checks).toBeGreaterThan(checksBefore);
  });
});
