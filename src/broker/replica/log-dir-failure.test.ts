import { describe, expect, it } from "vitest";
import { defaultPartitionChangeRecord } from "../../protocol/generated/metadata-records/partition-change-record.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { defaultFetchRequest } from "../../protocol/generated/messages/fetch-request.ts";
import type { FetchResponse } from "../../protocol/generated/messages/fetch-response.ts";
import type { ListOffsetsResponse } from "../../protocol/generated/messages/list-offsets-response.ts";
import type { ProduceResponse } from "../../protocol/generated/messages/produce-response.ts";
import { LogManager } from "../../log/log-manager.ts";
import { KAFKA_DEFAULT_LOG_CONFIG } from "../../log/log-config.ts";
import { fetchHandler } from "../handlers/01-fetch.ts";
import { produceHandler } from "../handlers/00-produce.ts";
import { listOffsetsHandler } from "../handlers/02-list-offsets.ts";
import { idempotentBatch } from "../producer-state/testing/producer-batches.ts";
import { plainBatch, TEST_CLUSTER_ID, type TestBroker } from "../testing/broker-harness.ts";
import { ORDERS, ORDERS_ID, startBrokerOne } from "../testing/cluster-fixture.ts";
import { testUuid, topicConfigRecord, topicRecords } from "../testing/metadata-records.ts";

const PRODUCE_VERSION = 9;

function produceRequest(index: number, records: Uint8Array, acks: number) {
  return {
    transactionalId: null,
    acks,
    timeoutMs: 30_000,
    topicData: [{ name: ORDERS, partitionData: [{ index, records }] }],
  };
}

async function produce(broker: TestBroker, index: number, records: Uint8Array, acks = 1) {
  const response: ProduceResponse = await broker.exchange(
    produceHandler,
    produceRequest(index, records, acks),
    PRODUCE_VERSION,
  );
  return response.responses[0]!.partitionResponses[0]!;
}

async function fetchError(broker: TestBroker, index: number): Promise<number> {
  const response: FetchResponse = await broker.exchange(
    fetchHandler,
    {
      ...defaultFetchRequest(),
      maxWaitMs: 0,
      topics: [
        {
          topic: ORDERS,
          topicId: ORDERS_ID,
          partitions: [
            {
              partition: index,
              currentLeaderEpoch: -1,
              fetchOffset: 0n,
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
  );
  return response.responses[0]!.partitions[0]!.errorCode;
}

async function listOffsetsError(broker: TestBroker, index: number): Promise<number> {
  const response: ListOffsetsResponse = await broker.exchange(
    listOffsetsHandler,
    {
      replicaId: -1,
      isolationLevel: 0,
      topics: [
        {
          name: ORDERS,
          partitions: [
            { partitionIndex: index, currentLeaderEpoch: -1, timestamp: -1n, maxNumOffsets: 1 },
          ],
        },
      ],
      timeoutMs: 0,
    },
    7,
  );
  return response.topics[0]!.partitions[0]!.errorCode;
}

/** Reopens broker 1's log dir from what a crashed process leaves on its disk. */
async function reopenedLogEnd(broker: TestBroker, index: number): Promise<bigint | undefined> {
  const logs = await LogManager.open({
    fs: broker.fs.crash({ mode: "process" }),
    logDir: "broker-1",
    nodeId: 1,
    clusterId: TEST_CLUSTER_ID,
    newDirectoryId: testUuid(901),
    configFor: () => KAFKA_DEFAULT_LOG_CONFIG,
  });
  return logs.get(ORDERS, index)?.logEndOffset;
}

describe("a broker whose log dir fails", () => {
  it("answers the Produce that hit the full disk KAFKA_STORAGE_ERROR and takes the whole dir offline", async () => {
    const broker = await startBrokerOne();
    for (let i = 0; i < 3; i++) expect((await produce(broker, 0, plainBatch(2))).errorCode).toBe(0);
    broker.fs.faults.capacityBytes = broker.fs.usedBytes();

    const failed = await produce(broker, 0, plainBatch(2));
    expect(failed.errorCode).toBe(ErrorCode.KAFKA_STORAGE_ERROR);
    expect(broker.services.replicas.logDirOffline).toMatch(/disk-full/);
    const [event] = broker.drainEvents("error");
    expect(event).toMatchObject({
      where: "log dir broker-1",
      errorCode: ErrorCode.KAFKA_STORAGE_ERROR,
    });

    // Space coming back does not bring the dir back: Kafka needs a restart for that.
    broker.fs.faults.capacityBytes = Number.POSITIVE_INFINITY;
    expect((await produce(broker, 0, plainBatch(1))).errorCode).toBe(ErrorCode.KAFKA_STORAGE_ERROR);
    expect((await produce(broker, 2, plainBatch(1))).errorCode).toBe(ErrorCode.KAFKA_STORAGE_ERROR);
    expect(await fetchError(broker, 0)).toBe(ErrorCode.KAFKA_STORAGE_ERROR);
    expect(await listOffsetsError(broker, 0)).toBe(ErrorCode.KAFKA_STORAGE_ERROR);
    // Nothing acknowledged was lost: a restart finds the six records.
    expect(await reopenedLogEnd(broker, 0)).toBe(6n);
  });

  it("answers an acks=all Produce still waiting for its followers as soon as the dir fails", async () => {
    const broker = await startBrokerOne();
    // orders-2 waits for broker 2, which never fetches here.
    const waiting = produce(broker, 2, plainBatch(1), -1);
    let settled = false;
    void waiting.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);

    broker.fs.faults.capacityBytes = broker.fs.usedBytes();
    expect((await produce(broker, 0, plainBatch(1))).errorCode).toBe(ErrorCode.KAFKA_STORAGE_ERROR);
    // No clock advance: the failure itself completes the delayed Produce.
    expect((await waiting).errorCode).toBe(ErrorCode.KAFKA_STORAGE_ERROR);
  });

  it("never acknowledges an append whose segment roll could not be written, wherever the disk fills", async () => {
    const outcomes = new Set<string>();
    for (let spareBytes = -16; spareBytes <= 200; spareBytes += 8) {
      const broker = await startBrokerOne({}, topicConfigRecord(ORDERS, "segment.bytes", "200"));
      const batch = (baseSequence: number) =>
        idempotentBatch({ producerId: 7n, producerEpoch: 0, baseSequence, recordCount: 2 });
      // Two batches fill the 200-byte segment; the third rolls a new one.
      expect((await produce(broker, 0, batch(0))).errorCode).toBe(0);
      expect((await produce(broker, 0, batch(2))).errorCode).toBe(0);
      broker.fs.faults.capacityBytes = broker.fs.usedBytes() + batch(4).length + spareBytes;
      // This append rolls a new segment: the batch, its index entries and the producer snapshot.
      const answer = await produce(broker, 0, batch(4));
      const log = broker.partition(ORDERS, 0).log;
      if (answer.errorCode === ErrorCode.NONE) {
        expect(log.logEndOffset).toBe(6n);
        expect(broker.services.replicas.logDirOffline).toBeNull();
        outcomes.add("acknowledged");
      } else {
        expect(answer.errorCode).toBe(ErrorCode.KAFKA_STORAGE_ERROR);
        expect(broker.services.replicas.logDirOffline).not.toBeNull();
        outcomes.add(log.logEndOffset === 6n ? "stored, not acknowledged" : "not stored");
      }
    }
    expect([...outcomes].sort()).toEqual([
      "acknowledged",
      "not stored",
      "stored, not acknowledged",
    ]);
  });

  it("takes the dir offline when a checkpoint cannot be written, instead of throwing from the tick", async () => {
    const broker = await startBrokerOne();
    await produce(broker, 0, plainBatch(2));
    broker.fs.faults.capacityBytes = broker.fs.usedBytes();
    broker.clock.advance(10_000);
    await broker.services.replicas.tick();
    expect(broker.services.replicas.logDirOffline).toMatch(/disk-full/);
    // Later ticks leave the offline dir alone.
    broker.clock.advance(10_000);
    await expect(broker.services.replicas.tick()).resolves.toBeUndefined();
  });

  it("keeps following the metadata: new partitions stay closed, existing ones change role", async () => {
    const broker = await startBrokerOne();
    broker.fs.faults.capacityBytes = broker.fs.usedBytes();
    expect((await produce(broker, 0, plainBatch(1))).errorCode).toBe(ErrorCode.KAFKA_STORAGE_ERROR);
    broker.fs.faults.capacityBytes = Number.POSITIVE_INFINITY;

    await broker.apply(...topicRecords("later", testUuid(3), [{ replicas: [1] }]));
    expect(broker.services.replicas.partition("later", 0)).toBeUndefined();
    expect(await broker.fs.exists("broker-1/later-0")).toBe(false);
    await broker.apply({
      type: "PartitionChangeRecord",
      data: { ...defaultPartitionChangeRecord(), topicId: ORDERS_ID, partitionId: 0, leader: 2 },
    });
    expect(broker.partition(ORDERS, 0).role).toBe("follower");
  });
});
