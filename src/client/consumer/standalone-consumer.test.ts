import { describe, expect, it } from "vitest";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { CONSUMER_EVENTS } from "./consumer-events.ts";
import {
  consumerOn,
  createReadyTopic,
  produceRecords,
  recorder,
  until,
  type Received,
} from "./testing/consumer-sim.ts";

const values = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

describe("consumer.assign(): standalone consumption without a group", () => {
  it("reads one partition from the beginning, in order, with keys, headers and timestamps", async () => {
    const sim = await readyCluster(101);
    await createReadyTopic(sim, "one", 1);
    await produceRecords(sim, "one", 0, values("a", 6), "gzip");
    await produceRecords(sim, "one", 0, [{ value: "keyed", key: "k1", timestamp: 1234n }]);
    const consumer = consumerOn(sim, "reader", { "auto.offset.reset": "earliest" });
    const received: Received[] = [];
    const keys: (string | null)[] = [];
    consumer.assign([{ topic: "one", partition: 0 }]);
    await consumer.run({
      eachMessage: async (payload) => {
        keys.push(
          payload.message.key === null ? null : new TextDecoder().decode(payload.message.key),
        );
        if (payload.message.offset === "6") expect(payload.message.timestamp).toBe("1234");
        await recorder(sim, received)(payload);
      },
    });
    await until(sim, () => received.length >= 7, "7 records");
    expect(received.map((r) => r.value)).toEqual([...values("a", 6), "keyed"]);
    expect(received.map((r) => r.offset)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n]);
    expect(keys.at(-1)).toBe("k1");
    expect(consumer.position({ topic: "one", partition: 0 })).toBe("7");
    await sim.runWhile(consumer.disconnect());
  }, 120_000);

  it("reads six partitions, each in order, with nothing missed or repeated", async () => {
    const sim = await readyCluster(102);
    await createReadyTopic(sim, "six", 6);
    for (let partition = 0; partition < 6; partition++) {
      await produceRecords(sim, "six", partition, values(`p${partition}`, 5));
    }
    const consumer = consumerOn(sim, "reader", { "auto.offset.reset": "earliest" });
    const received: Received[] = [];
    const fetchedFrom = new Set<number>();
    consumer.on(CONSUMER_EVENTS.FETCH, (event) => fetchedFrom.add(event.payload.nodeId));
    consumer.assign(Array.from({ length: 6 }, (_, partition) => ({ topic: "six", partition })));
    await consumer.run({ eachMessage: recorder(sim, received), partitionsConsumedConcurrently: 3 });
    await until(sim, () => received.length >= 30, "30 records");
    await sim.scheduler.runFor(2_000);
    expect(received).toHaveLength(30);
    for (let partition = 0; partition < 6; partition++) {
      expect(received.filter((r) => r.partition === partition).map((r) => r.value)).toEqual(
        values(`p${partition}`, 5),
      );
    }
    // One fetch per leader, and the six partitions' leaders are spread over the brokers.
    expect(fetchedFrom.size).toBeGreaterThan(1);
    await sim.runWhile(consumer.disconnect());
  }, 120_000);

  it("seeks back, and seeks past the end (OFFSET_OUT_OF_RANGE resets by auto.offset.reset)", async () => {
    const sim = await readyCluster(103);
    await createReadyTopic(sim, "seek", 1);
    await produceRecords(sim, "seek", 0, values("s", 10));
    const consumer = consumerOn(sim, "reader", { "auto.offset.reset": "earliest" });
    const received: Received[] = [];
    consumer.assign([{ topic: "seek", partition: 0 }]);
    await consumer.run({ eachMessage: recorder(sim, received) });
    await until(sim, () => received.length >= 10, "first pass");
    consumer.seek({ topic: "seek", partition: 0, offset: "7" });
    await until(sim, () => received.length >= 13, "after the seek");
    expect(received.slice(10).map((r) => r.offset)).toEqual([7n, 8n, 9n]);

    consumer.seek({ topic: "seek", partition: 0, offset: "500" });
    await until(sim, () => received.length >= 23, "after the out-of-range seek");
    expect(received.slice(13).map((r) => r.offset)).toEqual(
      Array.from({ length: 10 }, (_, i) => BigInt(i)),
    );
    await sim.runWhile(consumer.disconnect());
  }, 120_000);

  it("pauses one partition while the others go on, and resumes it where it stopped", async () => {
    const sim = await readyCluster(104);
    await createReadyTopic(sim, "pp", 2);
    const consumer = consumerOn(sim, "reader", { "auto.offset.reset": "earliest" });
    const received: Received[] = [];
    consumer.assign([
      { topic: "pp", partition: 0 },
      { topic: "pp", partition: 1 },
    ]);
    consumer.pause([{ topic: "pp", partitions: [0] }]);
    expect(consumer.paused()).toEqual([{ topic: "pp", partitions: [0] }]);
    await consumer.run({ eachMessage: recorder(sim, received) });
    await produceRecords(sim, "pp", 0, values("zero", 3));
    await produceRecords(sim, "pp", 1, values("one", 3));
    await until(sim, () => received.length >= 3, "partition 1");
    await sim.scheduler.runFor(3_000);
    expect(received.map((r) => r.partition)).toEqual([1, 1, 1]);
    consumer.resume([{ topic: "pp", partitions: [0] }]);
    expect(consumer.paused()).toEqual([]);
    await until(sim, () => received.length >= 6, "partition 0 after resume");
    expect(received.slice(3).map((r) => r.value)).toEqual(values("zero", 3));
    await sim.runWhile(consumer.disconnect());
  }, 120_000);

  it("pause() inside eachMessage stops the batch; the rest comes again after the resume", async () => {
    const sim = await readyCluster(105);
    await createReadyTopic(sim, "inner", 1);
    await produceRecords(sim, "inner", 0, values("m", 6));
    const consumer = consumerOn(sim, "reader", { "auto.offset.reset": "earliest" });
    const received: Received[] = [];
    let resume: (() => void) | null = null;
    consumer.assign([{ topic: "inner", partition: 0 }]);
    await consumer.run({
      eachMessage: async (payload) => {
        await recorder(sim, received)(payload);
        if (payload.message.offset === "2") resume = payload.pause();
      },
    });
    await until(sim, () => resume !== null, "the pause");
    await sim.scheduler.runFor(2_000);
    expect(received.map((r) => r.offset)).toEqual([0n, 1n, 2n]);
    resume!();
    await until(sim, () => received.length >= 6, "the rest");
    expect(received.map((r) => r.offset)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    await sim.runWhile(consumer.disconnect());
  }, 120_000);

  it("finds offsets for timestamps (ListOffsets) and seeks by timestamp", async () => {
    const sim = await readyCluster(106);
    await createReadyTopic(sim, "times", 1);
    // One batch each: the log's time search stops at batches (see the report).
    for (const timestamp of [1_000n, 2_000n, 3_000n, 4_000n]) {
      await produceRecords(sim, "times", 0, [{ value: `t${timestamp}`, timestamp }]);
    }
    const consumer = consumerOn(sim, "reader", { "auto.offset.reset": "earliest" });
    const answers = await sim.runWhile(
      consumer.offsetsForTimes([
        { topic: "times", partition: 0, timestamp: 2_500 },
        { topic: "times", partition: 0, timestamp: "1000" },
        { topic: "times", partition: 0, timestamp: 9_999 },
      ]),
    );
    expect(answers).toEqual([
      { topic: "times", partition: 0, offset: "2", timestamp: "3000" },
      { topic: "times", partition: 0, offset: "0", timestamp: "1000" },
      { topic: "times", partition: 0, offset: null, timestamp: null },
    ]);
    const received: Received[] = [];
    consumer.assign([{ topic: "times", partition: 0 }]);
    consumer.seekToTimestamp({ topic: "times", partition: 0, timestamp: 1_500 });
    await consumer.run({ eachMessage: recorder(sim, received) });
    await until(sim, () => received.length >= 3, "records from 1500 on");
    expect(received.map((r) => r.value)).toEqual(["t2000", "t3000", "t4000"]);
    await sim.runWhile(consumer.disconnect());
  }, 120_000);

  it("auto.offset.reset=latest reads only what is produced after it started", async () => {
    const sim = await readyCluster(107);
    await createReadyTopic(sim, "late", 1);
    await produceRecords(sim, "late", 0, values("old", 4));
    const consumer = consumerOn(sim, "reader", {});
    const received: Received[] = [];
    consumer.assign([{ topic: "late", partition: 0 }]);
    await consumer.run({ eachMessage: recorder(sim, received) });
    await until(
      sim,
      () => consumer.position({ topic: "late", partition: 0 }) !== null,
      "a position",
    );
    expect(consumer.position({ topic: "late", partition: 0 })).toBe("4");
    await produceRecords(sim, "late", 0, values("new", 2));
    await until(sim, () => received.length >= 2, "the new records");
    await sim.scheduler.runFor(1_000);
    expect(received.map((r) => r.value)).toEqual(values("new", 2));
    await sim.runWhile(consumer.disconnect());
  }, 120_000);

  it("auto.offset.reset=none crashes with an error naming the partitions without a committed offset", async () => {
    const sim = await readyCluster(108);
    await createReadyTopic(sim, "strict", 2);
    const consumer = consumerOn(sim, "reader", { "auto.offset.reset": "none" });
    const crashes: Error[] = [];
    consumer.on(CONSUMER_EVENTS.CRASH, (event) => crashes.push(event.payload.error));
    consumer.assign([
      { topic: "strict", partition: 0 },
      { topic: "strict", partition: 1 },
    ]);
    await consumer.run({ eachMessage: async () => {} });
    await until(sim, () => crashes.length > 0, "the crash");
    expect(crashes[0]!.name).toBe("NoOffsetForPartitionError");
    expect(crashes[0]!.message).toBe(
      "Undefined offset with no reset policy for partitions: [strict-0, strict-1]",
    );
    await sim.runWhile(consumer.disconnect());
  }, 120_000);

  it("eachBatch gets at most max.poll.records, with the HW and lag; what is not resolved comes again", async () => {
    const sim = await readyCluster(109);
    await createReadyTopic(sim, "batches", 1);
    await produceRecords(sim, "batches", 0, values("b", 10));
    const consumer = consumerOn(sim, "reader", {
      "auto.offset.reset": "earliest",
      "max.poll.records": 4,
    });
    const seen: { first: string | null; size: number; hw: string; lag: string }[] = [];
    let resolvedOnlyTwo = false;
    consumer.assign([{ topic: "batches", partition: 0 }]);
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset }) => {
        seen.push({
          first: batch.firstOffset(),
          size: batch.messages.length,
          hw: batch.highWatermark,
          lag: batch.offsetLag(),
        });
        const upTo = !resolvedOnlyTwo ? 1 : batch.messages.length - 1;
        resolvedOnlyTwo = true;
        for (const message of batch.messages.slice(0, upTo + 1)) resolveOffset(message.offset);
      },
    });
    await until(
      sim,
      () => consumer.position({ topic: "batches", partition: 0 }) === "10",
      "the end",
    );
    // First hand-off: 0-3, only 0-1 resolved, so 2.. comes again in chunks of four.
    expect(seen.map((s) => [s.first, s.size])).toEqual([
      ["0", 4],
      ["2", 4],
      ["6", 4],
    ]);
    expect(seen[0]).toMatchObject({ hw: "10", lag: "6" });
    await sim.runWhile(consumer.disconnect());
  }, 120_000);

  it("follows a partition to its new leader when the old one dies", async () => {
    const sim = await readyCluster(110);
    const [leader] = await createReadyTopic(sim, "moving", 1);
    await produceRecords(sim, "moving", 0, values("before", 3));
    const consumer = consumerOn(sim, "reader", { "auto.offset.reset": "earliest" });
    const received: Received[] = [];
    consumer.assign([{ topic: "moving", partition: 0 }]);
    await consumer.run({ eachMessage: recorder(sim, received) });
    await until(sim, () => received.length >= 3, "before the kill");
    sim.kill(leader!);
    await produceRecords(sim, "moving", 0, values("after", 3));
    await until(sim, () => received.length >= 6, "after the kill");
    expect(received.map((r) => r.value)).toEqual([...values("before", 3), ...values("after", 3)]);
    await sim.runWhile(consumer.disconnect());
  }, 120_000);
});
