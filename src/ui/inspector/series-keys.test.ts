import { describe, expect, it } from "vitest";
import { defaultProducerSettings } from "../store/clients-slice.ts";
import { seriesKey, seriesValues } from "./series-keys.ts";
import { broker, group, partition, topic } from "./testing/fixtures.ts";

describe("seriesValues", () => {
  it("reads every sparkline's value from one state", () => {
    const values = seriesValues({
      topics: {
        orders: topic("orders", [
          partition("orders", 0, { hw: 8, leo: 10 }),
          partition("orders", 1, { hw: 3, leo: 4 }),
          partition("orders", 2, { leader: -1, offsets: {} }),
        ]),
      },
      brokers: { 1: broker(1, { bytesAppended: 4096 }) },
      producers: {
        "producer-1": {
          id: "producer-1",
          settings: defaultProducerSettings("orders"),
          status: "running",
          sent: 20,
          acknowledged: 17,
          failed: 0,
          retries: 0,
          lastError: null,
          latencyP99Ms: null,
        },
      },
      consumers: {},
      groups: { g: group("g", { committed: { "orders:0": 5, "orders:1": 3 } }) },
    });
    expect(values.get(seriesKey.partitionLeo("orders", 0))).toBe(10);
    expect(values.get(seriesKey.partitionHw("orders", 0))).toBe(8);
    // A partition without a leader has no offsets to plot.
    expect(values.has(seriesKey.partitionLeo("orders", 2))).toBe(false);
    expect(values.get(seriesKey.topicLeo("orders"))).toBe(14);
    expect(values.get(seriesKey.brokerBytes(1))).toBe(4096);
    expect(values.get(seriesKey.producerAcknowledged("producer-1"))).toBe(17);
    expect(values.get(seriesKey.groupLag("g"))).toBe(3);
  });

  it("keeps keys of different kinds apart", () => {
    const keys = [
      seriesKey.partitionLeo("a", 1),
      seriesKey.partitionHw("a", 1),
      seriesKey.topicLeo("a"),
      seriesKey.brokerBytes(1),
      seriesKey.producerAcknowledged("a"),
      seriesKey.consumerConsumed("a"),
      seriesKey.groupLag("a"),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
