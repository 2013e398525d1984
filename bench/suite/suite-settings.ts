/**
 * What `npm run bench` runs, in one place, and the targets: Kafka's 2014
 * three-machine benchmark (acks=all 421,823 records/s, acks=1 786,980 records/s, one
 * consumer 940,521 records/s), end-to-end p99 at 100,000 records/s, a smooth page, and the
 * producer's bytes against the raw postMessage bytes of the same run. All of it goes into
 * the saved JSON, so a result says how it was measured.
 */
import type { TopicShape } from "../cluster/cluster-bench-messages.ts";

export const BOOTSTRAP_SERVERS = "broker-1:9092,broker-2:9092,broker-3:9092";

export function suiteSettings(quick: boolean) {
  const records = quick ? 20_000 : 1_000_000;
  return {
    quick,
    nodes: 3,
    /**
     * Kafka's shipped config/server.properties sets group.initial.rebalance.delay.ms=0;
     * kafka-consumer-perf-test reports the join apart (rebalance.time.ms) either way.
     */
    brokerProperties: { "group.initial.rebalance.delay.ms": "0" } as Record<string, string>,
    physical: {
      postMessage: {
        chunkBytes: 16_384,
        warmupMessages: quick ? 2_000 : 10_000,
        messages: quick ? 10_000 : 100_000,
        windowMessages: 1024,
        ackEvery: 64,
      },
      rawOpfs: {
        chunkBytes: 16_384,
        warmupBytes: 16 * 2 ** 20,
        bytes: (quick ? 32 : 512) * 2 ** 20,
      },
    },
    /**
     * Six partitions, replication factor 3 on three brokers: the topic of Kafka's 2014
     * benchmark (min.insync.replicas 2, as bench:cluster and bench:clients use).
     */
    topic: {
      partitions: 6,
      replicationFactor: 3,
      configs: { "min.insync.replicas": "2" },
    } satisfies TopicShape,
    /** kafka-producer-perf-test's arguments; acks is added per run. */
    producerPerf: {
      numRecords: records,
      recordSize: 100,
      throughput: -1,
      props: { "batch.size": "16384", "linger.ms": "5" } as Record<string, string>,
      acks: ["1", "all"] as const,
    },
    /** kafka-consumer-perf-test reads the acks=all topic back, one consumer. */
    consumerPerf: { messages: records, timeoutMs: 30_000 },
    /**
     * The latency check: records due at 100,000/s with acks=1 (a consumer sees a
     * record once it is below the HW, whatever the producer's acks), linger.ms 5.
     */
    endToEnd: {
      acks: 1,
      recordsPerSecond: 100_000,
      lingerMs: 5,
      batchBytesMax: 16_384,
      valueBytes: 100,
      warmupMs: 1000,
      measureMs: quick ? 1000 : 3000,
      maxLagMs: 1000,
      drainLimitMs: 10_000,
      requestTimeoutMs: 30_000,
    },
    /**
     * Frame times of the production page while kafka-producer-perf-test runs in the page's
     * own terminal, as a user would start it, unthrottled (the page's main thread carries
     * the producer, as it carries the page's own clients).
     */
    ui: {
      port: 4191,
      viewport: { width: 1280, height: 800 },
      numRecords: quick ? 20_000 : 200_000,
      recordSize: 100,
      throughput: -1,
      acks: "1",
      limitMs: quick ? 120_000 : 300_000,
    },
    targets: {
      acksAllRecordsPerSecond: 421_823,
      acksOneRecordsPerSecond: 786_980,
      consumerRecordsPerSecond: 940_521,
      endToEndP99Ms: 10,
      frameMedianMs: 16.7,
      /** Produce bytes/s at acks=1 over raw postMessage bytes/s, in percent. */
      producePostMessagePercent: 30,
    },
  };
}

export type SuiteSettings = ReturnType<typeof suiteSettings>;
