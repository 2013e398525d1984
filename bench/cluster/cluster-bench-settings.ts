/**
 * What the cluster benchmark runs, in one place: the cluster and topic, the rounds and
 * windows, the latency rates, the failover session timeouts and the targets. All
 * of it goes into the saved JSON, so a result says how it was measured.
 */
import type { TopicShape } from "./cluster-bench-messages.ts";

export const DEFAULT_SESSION_TIMEOUT_MS = 9000;
export const LOW_SESSION_TIMEOUT_MS = 3000;

export function benchSettings(quick: boolean) {
  return {
    nodes: 3,
    rounds: quick ? 1 : 3,
    failoverRounds: quick ? 1 : 3,
    valueBytes: 100,
    /** batch.size's default: as many 100-byte records as fit 16 KiB. */
    batchBytesMax: 16_384,
    /**
     * Six partitions with replication factor 3 on three brokers, two led by each: the setup
     * of Kafka's 2014 benchmark whose figures are the targets below.
     */
    topic: {
      partitions: 6,
      replicationFactor: 3,
      configs: { "min.insync.replicas": "2" },
    } satisfies TopicShape,
    throughput: { warmupMs: 1000, measureMs: quick ? 2000 : 4000, requestTimeoutMs: 30_000 },
    /**
     * The check at 100,000 records/s with acks=1 (a consumer sees records only once
     * they are below the HW, whatever the producer's acks; acks=all would also tie the
     * producer's pace to replication), then acks=all at a rate the cluster keeps up with.
     */
    latencyRuns: [
      { acks: 1, recordsPerSecond: 100_000 },
      { acks: -1, recordsPerSecond: 10_000 },
    ],
    /** linger.ms is Kafka 4.0's default. */
    latency: {
      lingerMs: 5,
      warmupMs: 1000,
      measureMs: quick ? 1000 : 2000,
      requestTimeoutMs: 30_000,
    },
    failover: { produceBeforeKillMs: 1000, retryBackoffMs: 100, requestTimeoutMs: 30_000 },
    failoverSessions: [
      { sessionTimeoutMs: DEFAULT_SESSION_TIMEOUT_MS, properties: {} as Record<string, string> },
      {
        sessionTimeoutMs: LOW_SESSION_TIMEOUT_MS,
        properties: {
          "broker.session.timeout.ms": String(LOW_SESSION_TIMEOUT_MS),
          "broker.heartbeat.interval.ms": "1000",
        },
      },
    ],
    targets: {
      acksAllRecordsPerSecond: 421_823,
      acksOneRecordsPerSecond: 786_980,
      endToEndP99Ms: 10,
      endToEndRecordsPerSecond: 100_000,
      /** Failover within broker.session.timeout.ms plus this. */
      failoverSlackMs: 1000,
    },
  };
}

export type BenchSettings = ReturnType<typeof benchSettings>;
