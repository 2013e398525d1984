/**
 * What the client benchmark runs, in one place: the cluster, the producer's settings and
 * load, the pre-filled topics the consumer reads, and the rebalance scenario. All of it
 * goes into the saved JSON, so a result says how it was measured.
 */
import type { TopicShape } from "../cluster/cluster-bench-messages.ts";

/** Kafka's consumer defaults, which the rebalance runs keep (the output names them). */
export const KAFKA_GROUP_DEFAULTS = {
  "session.timeout.ms": 45_000,
  "heartbeat.interval.ms": 3_000,
  "max.poll.interval.ms": 300_000,
} as const;

export function clientsBenchSettings(quick: boolean) {
  return {
    nodes: 3,
    rounds: quick ? 1 : 3,
    /** Only the initial join of an empty group waits for this; Kafka's default is 3000. */
    brokerProperties: { "group.initial.rebalance.delay.ms": "0" } as Record<string, string>,
    valueBytes: 100,
    /**
     * Six partitions with replication factor 3 on three brokers, as bench:cluster's raw
     * Produce runs use (min.insync.replicas 2 included), so the two can be compared.
     */
    producer: {
      topic: {
        partitions: 6,
        replicationFactor: 3,
        configs: { "min.insync.replicas": "2" },
      } satisfies TopicShape,
      batchSize: 16_384,
      lingerMs: 5,
      /** Null keys: the uniform sticky partitioner fills one batch per partition at a time. */
      recordsPerSend: 1000,
      /** sendBatch calls kept outstanding: 20,000 records, well under buffer.memory (32 MiB). */
      sendsInFlight: 20,
      warmupMs: 1000,
      measureMs: quick ? 2000 : 4000,
    },
    consumer: {
      topics: [1, 6].map((partitions) => ({
        partitions,
        replicationFactor: 3,
        configs: {} as Record<string, string>,
      })) satisfies TopicShape[],
      recordsPerTopic: quick ? 50_000 : 500_000,
      /** A consumer that gets nothing for this long has stalled: the run fails, naming where. */
      stallMs: 30_000,
    },
    rebalance: {
      topic: { partitions: 24, replicationFactor: 3, configs: {} } satisfies TopicShape,
      members: 3,
      /** Eager first (range is Kafka's first default assignor), then cooperative. */
      strategies: ["range", "cooperative-sticky"],
      /** The steady producer: one record to every partition each tick (2,400 records/s). */
      producerTickMs: 10,
      /** How long the three members consume undisturbed before the fourth joins. */
      baselineMs: 2000,
      /** After the final assignment, every partition must be consumed again within this. */
      settleLimitMs: 15_000,
      /** Watched after that: a revocation here would mean the group had not settled. */
      tailMs: 1000,
      limitMs: 60_000,
      groupDefaults: KAFKA_GROUP_DEFAULTS,
    },
  };
}

export type ClientsBenchSettings = ReturnType<typeof clientsBenchSettings>;
