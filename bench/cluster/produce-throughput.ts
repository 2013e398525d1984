/**
 * Produce throughput, kafka-producer-perf-test style: a producer that always has full
 * batches ready (batch.size 16384 of 100-byte records, encoded once before the clock
 * starts, as a producer flooding the cluster has them waiting in its accumulator) sends
 * to every partition leader on its own connection, keeping max.in.flight.requests (5)
 * Produce requests outstanding on each. A request carries one batch for each partition
 * that broker leads, as Kafka's Sender drains one batch per partition per request.
 *
 * After a warm-up, records acknowledged within a fixed window count; each record's
 * latency is its Produce's round trip (send to response). Any error fails the run.
 */
import type { Connection } from "../../src/client/connection.ts";
import { ErrorCode } from "../../src/protocol/generated/error-codes.ts";
import type { BenchBatch } from "../log/bench-batch.ts";
import {
  connectTo,
  MAX_IN_FLIGHT_PER_CONNECTION,
  produce,
  type PartitionLeader,
} from "./cluster-requests.ts";
import type { BenchCluster } from "./bench-cluster.ts";
import { LatencySamples, type LatencySummary } from "./latency-samples.ts";

export interface ThroughputOptions {
  topic: string;
  acks: number;
  warmupMs: number;
  measureMs: number;
  /** request.timeout.ms for acks=all: how long the leader may wait for the ISR. */
  requestTimeoutMs: number;
}

export interface ThroughputResult {
  acks: number;
  /** Records acknowledged inside the window. */
  records: number;
  bytes: number;
  seconds: number;
  recordsPerSecond: number;
  requests: number;
  latency: LatencySummary;
  /** Every record acknowledged during the call, warm-up and drain included (for CPU per record). */
  recordsAcknowledgedInAll: number;
}

interface LeaderStream {
  connection: Connection;
  partitions: number[];
  inFlight: number;
}

export async function measureProduceThroughput(
  cluster: BenchCluster,
  leaders: PartitionLeader[],
  batch: BenchBatch,
  options: ThroughputOptions,
): Promise<ThroughputResult> {
  const streams = leaderStreams(cluster, leaders);
  const latencies = new LatencySamples(10_000_000);
  const startedAt = performance.now();
  const windowStart = startedAt + options.warmupMs;
  const windowEnd = windowStart + options.measureMs;
  let records = 0;
  let bytes = 0;
  let requests = 0;
  let recordsAcknowledgedInAll = 0;
  let failure: Error | null = null;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const send = (stream: LeaderStream): void => {
    stream.inFlight++;
    const sentAt = performance.now();
    const batches = stream.partitions.map((partition) => ({ partition, records: batch.bytes }));
    produce(stream.connection, options.topic, batches, options.acks, options.requestTimeoutMs).then(
      (outcomes) => {
        stream.inFlight--;
        const now = performance.now();
        for (const [partition, outcome] of outcomes) {
          if (outcome.errorCode !== ErrorCode.NONE) {
            failure ??= new Error(`produce to partition ${partition}: error ${outcome.errorCode}`);
          }
        }
        const count = batch.records * batches.length;
        recordsAcknowledgedInAll += count;
        if (sentAt >= windowStart && now <= windowEnd) {
          records += count;
          bytes += batch.bytes.length * batches.length;
          requests++;
          latencies.add(now - sentAt, count);
        }
        if (failure === null && now < windowEnd) send(stream);
        else if (streams.every((s) => s.inFlight === 0)) finish();
      },
      (error: unknown) => {
        stream.inFlight--;
        failure ??= error instanceof Error ? error : new Error(String(error));
        if (streams.every((s) => s.inFlight === 0)) finish();
      },
    );
  };

  for (const stream of streams) {
    for (let slot = 0; slot < MAX_IN_FLIGHT_PER_CONNECTION; slot++) send(stream);
  }
  await finished;
  for (const stream of streams) stream.connection.close();
  if (failure !== null) throw failure;
  const seconds = options.measureMs / 1000;
  return {
    acks: options.acks,
    records,
    bytes,
    seconds,
    recordsPerSecond: records / seconds,
    requests,
    latency: latencies.summary(),
    recordsAcknowledgedInAll,
  };
}

/** One producer connection per leader broker, with the partitions it leads. */
function leaderStreams(cluster: BenchCluster, leaders: PartitionLeader[]): LeaderStream[] {
  const byLeader = new Map<number, number[]>();
  for (const { partition, leaderId } of leaders) {
    byLeader.set(leaderId, [...(byLeader.get(leaderId) ?? []), partition]);
  }
  return [...byLeader].map(([leaderId, partitions]) => ({
    connection: connectTo(cluster.host, leaderId, "producer-perf-test"),
    partitions,
    inFlight: 0,
  }));
}
