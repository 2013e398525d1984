import { describe, expect, it } from "vitest";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { CONSUMER_EVENTS } from "./consumer-events.ts";
import { FetchPipeline } from "./fetch-pipeline.ts";
import type { FetchTarget, PartitionFetchResult } from "./fetcher.ts";
import type { PartitionState } from "./subscription-state.ts";
import { consumerOn, createReadyTopic, produceRecords, until } from "./testing/consumer-sim.ts";

const state = (partition: number) => ({ topic: "t", partition }) as PartitionState;
const answer = (): Promise<PartitionFetchResult[]> => Promise.resolve([]);

describe("FetchPipeline", () => {
  it("gives a fetch to the next pass only for the same leader, partitions, positions and epochs", () => {
    const pipeline = new FetchPipeline();
    const [a, b] = [state(0), state(1)];
    const targets: FetchTarget[] = [
      { state: a, fetchOffset: 10n, epoch: 0 },
      { state: b, fetchOffset: 7n, epoch: 2 },
    ];
    const started: number[] = [];
    const start = (nodeId: number) =>
      pipeline.start(nodeId, targets, () => {
        started.push(nodeId);
        return answer();
      });
    pipeline.beginPass();
    start(1);
    start(2);
    start(3);
    expect(started).toEqual([1, 2, 3]);
    pipeline.beginPass();
    expect(
      pipeline.take(
        1,
        targets.map((target) => ({ ...target })),
      ),
    ).not.toBeNull();
    // Taken once only.
    expect(pipeline.take(1, targets)).toBeNull();
    // Another position (not everything was resolved), or a seek (new epoch): dropped.
    expect(pipeline.take(2, [targets[0]!, { ...targets[1]!, fetchOffset: 6n }])).toBeNull();
    expect(pipeline.take(3, [targets[0]!, { ...targets[1]!, epoch: 3 }])).toBeNull();
    start(1);
    // One pass later nobody took it: it is dropped.
    pipeline.beginPass();
    pipeline.beginPass();
    expect(pipeline.take(1, targets)).toBeNull();
  });

  it("swallows the failure of a fetch nobody takes, and hands it to whoever does", async () => {
    const pipeline = new FetchPipeline();
    const targets: FetchTarget[] = [{ state: state(0), fetchOffset: 0n, epoch: 0 }];
    pipeline.start(1, targets, () => Promise.reject(new Error("gone")));
    pipeline.start(2, targets, () => Promise.reject(new Error("moved")));
    pipeline.beginPass();
    await expect(pipeline.take(2, targets)).rejects.toThrow("moved");
    pipeline.clear();
    expect(pipeline.take(1, targets)).toBeNull();
  });
});

describe("the consumer fetches ahead", () => {
  it("sends the next fetch while the handler works on the records of the last", async () => {
    const sim = await readyCluster(111);
    await createReadyTopic(sim, "ahead", 1);
    const values = Array.from({ length: 30 }, (_, index) => `v${index}`);
    for (let from = 0; from < 30; from += 10) {
      await produceRecords(sim, "ahead", 0, values.slice(from, from + 10));
    }
    // Small fetches: a batch of 10 records (one produce) per fetch.
    const consumer = consumerOn(sim, "reader", {
      "auto.offset.reset": "earliest",
      "max.partition.fetch.bytes": 1,
    });
    let fetchesStarted = 0;
    consumer.on(CONSUMER_EVENTS.FETCH_START, () => fetchesStarted++);
    const startedBeforeHandling: number[] = [];
    const received: string[] = [];
    consumer.assign([{ topic: "ahead", partition: 0 }]);
    await consumer.run({
      eachBatch: async ({ batch }) => {
        startedBeforeHandling.push(fetchesStarted);
        for (const message of batch.messages)
          received.push(new TextDecoder().decode(message.value!));
      },
    });
    await until(sim, () => received.length >= 30, "30 records");
    await sim.runWhile(consumer.disconnect());
    expect(received).toEqual(values);
    // While the handler had batch n, fetch n + 1 was already out.
    expect(startedBeforeHandling.slice(0, 3)).toEqual([2, 3, 4]);
  }, 120_000);
});
