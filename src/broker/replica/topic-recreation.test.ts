import { describe, expect, it } from "vitest";
import { plainBatch } from "../testing/broker-harness.ts";
import { ORDERS, ORDERS_ID, startBrokerOne } from "../testing/cluster-fixture.ts";
import { testUuid, topicRecords } from "../testing/metadata-records.ts";

describe("a topic deleted and made again under its name", () => {
  it("gets a new, empty log even when the broker learns of both at once", async () => {
    const broker = await startBrokerOne();
    await broker.produce(ORDERS, 0, plainBatch(3));
    expect(broker.partition(ORDERS, 0).log.logEndOffset).toBe(3n);
    broker.telemetry.drain();

    // One metadata image holds the deletion and the new topic of the same name.
    const newId = testUuid(9);
    await broker.apply(
      { type: "RemoveTopicRecord", data: { topicId: ORDERS_ID } },
      ...topicRecords(ORDERS, newId, [{ replicas: [1] }]),
    );

    const partition = broker.partition(ORDERS, 0);
    expect(partition.topicId).toBe(newId);
    expect(partition.log.logEndOffset).toBe(0n);
    expect(partition.highWatermark).toBe(0n);
    // The page hears of the new log's offsets, as it does of any partition opened.
    expect(broker.telemetry.drain().events).toContainEqual(
      expect.objectContaining({
        kind: "log-offsets",
        topic: ORDERS,
        partition: 0,
        logEndOffset: 0n,
        highWatermark: 0n,
      }),
    );
  });
});
