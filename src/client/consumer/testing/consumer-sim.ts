/**
 * What the consumer's tests need around a simulated cluster: a topic with its leaders
 * elected, records produced with raw Produce requests (values, optional keys and
 * timestamps, acks=all) to a partition's leader, and a consumer whose ClientCluster lives
 * on its own simulated client host.
 */
import { ApiKey } from "../../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../../protocol/generated/error-codes.ts";
import type { ProduceResponse } from "../../../protocol/generated/messages/produce-response.ts";
import type { CompressionType } from "../../../protocol/records/attributes.ts";
import { encodeRecordBatch } from "../../../protocol/records/record-batch-encoder.ts";
import { simClientIo } from "../../../runtime/sim/sim-client-io.ts";
import type { SimCluster } from "../../../runtime/sim/sim-cluster.ts";
import {
  createTopic,
  mustConnect,
  waitForLeaders,
} from "../../../runtime/sim/testing/cluster-requests.ts";
import { ClientCluster } from "../../cluster/client-cluster.ts";
import { createConsumer, type Consumer, type ConsumerOptions } from "../consumer.ts";
import type { EachMessagePayload } from "../consumer-types.ts";

export async function createReadyTopic(
  sim: SimCluster,
  topic: string,
  partitions: number,
  replicationFactor = 3,
): Promise<number[]> {
  const created = await createTopic(sim, 1, topic, partitions, replicationFactor);
  const code = created.topics[0]?.errorCode;
  if (code !== ErrorCode.NONE) throw new Error(`CreateTopics ${topic}: error ${code}`);
  const leaders = await waitForLeaders(sim, 1, topic);
  if (leaders === null) throw new Error(`${topic}: no leaders within 20 s`);
  return leaders;
}

export interface ProducedRecord {
  value: string;
  key?: string;
  timestamp?: bigint;
}

/** Produces one batch to the partition's leader; returns the offset of its first record. */
export async function produceRecords(
  sim: SimCluster,
  topic: string,
  partition: number,
  records: readonly (string | ProducedRecord)[],
  compression: CompressionType = "none",
): Promise<bigint> {
  const encoder = new TextEncoder();
  const batch = encodeRecordBatch({
    compression,
    records: records.map((entry) => {
      const record = typeof entry === "string" ? { value: entry } : entry;
      return {
        key: record.key === undefined ? null : encoder.encode(record.key),
        value: encoder.encode(record.value),
        timestamp: record.timestamp ?? BigInt(sim.scheduler.nowMs()),
      };
    }),
  });
  if (!batch.ok) throw batch.error;
  // A killed leader is replaced once the controller notices (broker.session.timeout.ms).
  const deadline = sim.scheduler.nowMs() + 60_000;
  while (sim.scheduler.nowMs() < deadline) {
    const via = sim.nodeIds.find((id) => sim.node(id) !== null) ?? 1;
    const leader = (await waitForLeaders(sim, via, topic))?.[partition];
    const connection = leader === undefined ? null : sim.connect(`producer-${leader}`, leader);
    if (connection === null) {
      await sim.scheduler.runFor(200);
      continue;
    }
    const response = await sim.runWhile(
      connection.request<ProduceResponse>(ApiKey.Produce, 9, {
        transactionalId: null,
        acks: -1,
        timeoutMs: 10_000,
        topicData: [{ name: topic, partitionData: [{ index: partition, records: batch.value }] }],
      }),
    );
    const answer = response.responses[0]?.partitionResponses[0];
    if (answer?.errorCode === ErrorCode.NONE) return answer.baseOffset;
    await sim.scheduler.runFor(200);
  }
  throw new Error(`could not produce to ${topic}-${partition}`);
}

export function consumerOn(sim: SimCluster, host: string, options: ConsumerOptions): Consumer {
  const cluster = new ClientCluster({
    clientId: host,
    brokers: ["node-1:9092", "node-2:9092", "node-3:9092"],
    io: simClientIo(sim, host),
  });
  return createConsumer(cluster, options);
}

export interface Received {
  topic: string;
  partition: number;
  offset: bigint;
  value: string;
  atMs: number;
}

/** An eachMessage that records what it saw, and when. */
export function recorder(sim: SimCluster, into: Received[]) {
  return async ({ topic, partition, message }: EachMessagePayload): Promise<void> => {
    into.push({
      topic,
      partition,
      offset: BigInt(message.offset),
      value: new TextDecoder().decode(message.value ?? new Uint8Array(0)),
      atMs: sim.scheduler.nowMs(),
    });
  };
}

/** Lets virtual time run until `done()` holds; throws with `what` if it does not within `limitMs`. */
export async function until(
  sim: SimCluster,
  done: () => boolean,
  what: string,
  limitMs = 60_000,
): Promise<void> {
  if (!(await sim.scheduler.runUntil(done, limitMs))) {
    throw new Error(`not within ${limitMs} ms of virtual time: ${what}`);
  }
}

/**
 * Keeps producing one record to every partition of `topic` each `intervalMs` (acks=all, one
 * in flight per partition), remembering what was acknowledged, until stopped.
 */
export class BackgroundProducer {
  /** Acknowledged values by partition, in offset order. */
  readonly acknowledged = new Map<number, string[]>();
  private stopped = false;
  private sequence = 0;
  private readonly inFlight = new Set<number>();

  constructor(
    private readonly sim: SimCluster,
    private readonly topic: string,
    private readonly leaders: readonly number[],
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    const tick = () => {
      if (this.stopped) return;
      this.leaders.forEach((leader, partition) => this.send(leader, partition));
      this.sim.scheduler.after(this.intervalMs, tick);
    };
    tick();
    return this;
  }

  /** Stops sending, and waits for the records in flight to be answered. */
  async stop(): Promise<void> {
    this.stopped = true;
    await until(this.sim, () => this.inFlight.size === 0, "produce requests in flight");
  }

  get total(): number {
    let count = 0;
    for (const values of this.acknowledged.values()) count += values.length;
    return count;
  }

  private readonly connections = new Map<number, ReturnType<typeof mustConnect>>();

  private send(leader: number, partition: number): void {
    if (this.inFlight.has(partition)) return;
    let connection = this.connections.get(leader);
    if (connection === undefined || connection.closed) {
      connection = mustConnect(this.sim, `background-producer`, leader);
      this.connections.set(leader, connection);
    }
    const value = `${this.topic}/${partition}/${this.sequence++}`;
    const batch = encodeRecordBatch({
      records: [
        {
          key: null,
          value: new TextEncoder().encode(value),
          timestamp: BigInt(this.sim.scheduler.nowMs()),
        },
      ],
    });
    if (!batch.ok) throw batch.error;
    this.inFlight.add(partition);
    connection
      .request<ProduceResponse>(ApiKey.Produce, 9, {
        transactionalId: null,
        acks: -1,
        timeoutMs: 10_000,
        topicData: [
          { name: this.topic, partitionData: [{ index: partition, records: batch.value }] },
        ],
      })
      .then((response) => {
        if (response.responses[0]?.partitionResponses[0]?.errorCode === ErrorCode.NONE) {
          const list = this.acknowledged.get(partition) ?? [];
          list.push(value);
          this.acknowledged.set(partition, list);
        }
      })
      .catch(() => {})
      .finally(() => this.inFlight.delete(partition));
  }
}
