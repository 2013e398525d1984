import { describe, expect, it } from "vitest";
import {
  CONSUMER_PERF_HEADER,
  consumerPerfArgs,
  parseConsumerPerfTotal,
  parseProducerPerfTotal,
  producerPerfArgs,
} from "./perf-lines.ts";

describe("producerPerfArgs", () => {
  it("types the perf test's command line with every producer prop after --producer-props", () => {
    expect(
      producerPerfArgs({
        topic: "t",
        numRecords: 1_000_000,
        recordSize: 100,
        throughput: -1,
        props: { "bootstrap.servers": "broker-1:9092", acks: "all", "linger.ms": "5" },
      }),
    ).toEqual([
      "--topic",
      "t",
      "--num-records",
      "1000000",
      "--record-size",
      "100",
      "--throughput",
      "-1",
      "--producer-props",
      "bootstrap.servers=broker-1:9092",
      "acks=all",
      "linger.ms=5",
    ]);
  });
});

describe("parseProducerPerfTotal", () => {
  const window =
    "66309 records sent, 13232.7 records/sec (1.26 MB/sec), 636.2 ms avg latency, 1406.0 ms max latency.";
  const total =
    "1000000 records sent, 18124.478921 records/sec (1.73 MB/sec), 514.37 ms avg latency, " +
    "1773.00 ms max latency, 449 ms 50th, 1057 ms 95th, 1317 ms 99th, 1691 ms 99.9th.";

  it("reads the total line, not the 5-second report lines before it", () => {
    expect(parseProducerPerfTotal([window, total, ""])).toEqual({
      records: 1_000_000,
      recordsPerSecond: 18124.478921,
      megabytesPerSecond: 1.73,
      averageLatencyMs: 514.37,
      maxLatencyMs: 1773,
      p50Ms: 449,
      p95Ms: 1057,
      p99Ms: 1317,
      p999Ms: 1691,
    });
  });

  it("is null when the tool printed only report lines or an error", () => {
    expect(parseProducerPerfTotal([window])).toBeNull();
    expect(parseProducerPerfTotal(['Exception in thread "main" ...'])).toBeNull();
  });
});

describe("consumer perf test", () => {
  it("types --bootstrap-server, --topic, --messages and --timeout", () => {
    expect(
      consumerPerfArgs({ bootstrapServers: "b:9092", topic: "t", messages: 10, timeoutMs: 500 }),
    ).toEqual([
      "--bootstrap-server",
      "b:9092",
      "--topic",
      "t",
      "--messages",
      "10",
      "--timeout",
      "500",
    ]);
  });

  it("reads the totals under the header", () => {
    const line =
      "2026-11-22 19:33:43:032, 2026-11-22 19:33:51:454, 95.3674, 11.3236, 1000000, 118736.6421, " +
      "2330, 6092, 15.6545, 164149.7045";
    expect(parseConsumerPerfTotal([CONSUMER_PERF_HEADER, line])).toEqual({
      startTime: "2026-11-22 19:33:43:032",
      endTime: "2026-11-22 19:33:51:454",
      megabytes: 95.3674,
      megabytesPerSecond: 11.3236,
      records: 1_000_000,
      recordsPerSecond: 118736.6421,
      rebalanceMs: 2330,
      fetchMs: 6092,
      fetchMegabytesPerSecond: 15.6545,
      fetchRecordsPerSecond: 164149.7045,
    });
  });

  it("is null without the header, without a line after it, or with a line that is not totals", () => {
    expect(parseConsumerPerfTotal(["1, 2"])).toBeNull();
    expect(parseConsumerPerfTotal([CONSUMER_PERF_HEADER])).toBeNull();
    expect(
      parseConsumerPerfTotal([CONSUMER_PERF_HEADER, "WARNING: Exiting before consuming"]),
    ).toBeNull();
  });
});
