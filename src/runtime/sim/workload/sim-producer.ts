/**
 * The simulator's producer: an idempotent producer with acks=all, as simple as can be —
 * one batch in flight, retried with the same sequence after any error until it is
 * acknowledged, a batch every `pauseMs` until stopped. Every value is unique, so the checkers can tell a lost record from a
 * duplicated one. It remembers exactly what the cluster acknowledged.
 */
import { ConnectionPool } from "../../../client/connection-pool.ts";
import { BROKER_LISTENER } from "../../../client/node-requester.ts";
import { ApiKey } from "../../../protocol/generated/api-table.ts";
import { ERRORS, ErrorCode } from "../../../protocol/generated/error-codes.ts";
import type { InitProducerIdResponse } from "../../../protocol/generated/messages/init-producer-id-response.ts";
import type { MetadataResponse } from "../../../protocol/generated/messages/metadata-response.ts";
import type { ProduceResponse } from "../../../protocol/generated/messages/produce-response.ts";
import { encodeRecordBatch } from "../../../protocol/records/record-batch-encoder.ts";
import type { SimCluster } from "../sim-cluster.ts";

export interface AcknowledgedBatch {
  partition: number;
  baseOffset: bigint;
  values: string[];
}

export interface SimProducerOptions {
  name: string;
  topic: string;
  partitions: number;
  recordsPerBatch: number;
  /** Virtual time between one acknowledged batch and the next. */
  pauseMs: number;
  requestTimeoutMs?: number;
}

export class SimProducer {
  readonly acknowledged: AcknowledgedBatch[] = [];
  /** Answers that no correct broker gives to this producer (e.g. OUT_OF_ORDER_SEQUENCE_NUMBER). */
  readonly anomalies: string[] = [];
  attempts = 0;
  /** Why attempts failed: error names (or "no answer") with counts, for the run's report. */
  readonly failures = new Map<string, number>();
  private readonly pool: ConnectionPool;
  private leaders = new Map<number, number>();
  private producerId = -1n;
  private readonly sequences = new Map<number, number>();
  private running = false;

  constructor(
    private readonly cluster: SimCluster,
    private readonly options: SimProducerOptions,
  ) {
    this.pool = new ConnectionPool(
      options.name,
      cluster.clientDialer(options.name),
      (id) => ({ host: `node-${id}`, port: 9092 }),
      cluster.scheduler,
    );
  }

  private stopRequested = false;
  /** Set once the producer has stopped (after `stop()`, when its batch in flight was acknowledged). */
  done = false;

  /** Finish the batch in flight, then stop. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Runs until stopped; drive the simulation meanwhile. */
  async run(): Promise<void> {
    this.running = true;
    const expireLoop = () => {
      this.pool.expire();
      if (this.running) this.cluster.scheduler.after(50, expireLoop);
    };
    expireLoop();
    try {
      while (this.producerId < 0n) await this.initProducerId();
      for (let n = 0; !this.stopRequested; n++) {
        const partition = n % this.options.partitions;
        const sequence = this.sequences.get(partition) ?? 0;
        const values = Array.from(
          { length: this.options.recordsPerBatch },
          (_, i) => `${this.options.name}-${partition}-${sequence + i}`,
        );
        const baseOffset = await this.sendUntilAcknowledged(partition, sequence, values);
        this.sequences.set(partition, sequence + values.length);
        this.acknowledged.push({ partition, baseOffset, values });
        await this.pause(this.options.pauseMs);
      }
    } finally {
      this.done = true;
      this.running = false;
      this.pool.closeAll();
    }
  }

  private timeoutMs(): number {
    return this.options.requestTimeoutMs ?? 5_000;
  }

  private anyNode(): number {
    const ids = this.cluster.nodeIds;
    return ids[Math.floor(this.cluster.random() * ids.length)]!;
  }

  private async pause(ms: number): Promise<void> {
    await new Promise<void>((resolve) => this.cluster.scheduler.after(ms, resolve));
  }

  private async initProducerId(): Promise<void> {
    const answer = await this.pool
      .request<InitProducerIdResponse>(
        this.anyNode(),
        BROKER_LISTENER,
        ApiKey.InitProducerId,
        4,
        { transactionalId: null, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 },
        { timeoutMs: this.timeoutMs() },
      )
      .catch(() => null);
    if (answer !== null && answer.errorCode === ErrorCode.NONE) this.producerId = answer.producerId;
    else await this.pause(100);
  }

  private async refreshMetadata(): Promise<void> {
    const answer = await this.pool
      .request<MetadataResponse>(
        this.anyNode(),
        BROKER_LISTENER,
        ApiKey.Metadata,
        12,
        {
          topics: [{ name: this.options.topic, topicId: "AAAAAAAAAAAAAAAAAAAAAA" }],
          allowAutoTopicCreation: false,
          includeClusterAuthorizedOperations: false,
          includeTopicAuthorizedOperations: false,
        },
        { timeoutMs: this.timeoutMs() },
      )
      .catch(() => null);
    for (const partition of answer?.topics[0]?.partitions ?? [])
      this.leaders.set(partition.partitionIndex, partition.leaderId);
  }

  private async sendUntilAcknowledged(
    partition: number,
    sequence: number,
    values: string[],
  ): Promise<bigint> {
    const encoded = encodeRecordBatch({
      producerId: this.producerId,
      producerEpoch: 0,
      baseSequence: sequence,
      records: values.map((value) => ({
        value: new TextEncoder().encode(value),
        timestamp: BigInt(this.cluster.scheduler.nowMs()),
      })),
    });
    if (!encoded.ok) throw encoded.error;
    for (;;) {
      this.attempts++;
      const leader = this.leaders.get(partition) ?? -1;
      if (leader < 0) {
        await this.refreshMetadata();
        if ((this.leaders.get(partition) ?? -1) < 0) await this.pause(100);
        continue;
      }
      const answer = await this.pool
        .request<ProduceResponse>(
          leader,
          BROKER_LISTENER,
          ApiKey.Produce,
          9,
          {
            transactionalId: null,
            acks: -1,
            timeoutMs: this.timeoutMs(),
            topicData: [
              {
                name: this.options.topic,
                partitionData: [{ index: partition, records: encoded.value }],
              },
            ],
          },
          { timeoutMs: this.timeoutMs() + 1000 },
        )
        .catch(() => null);
      const result = answer?.responses[0]?.partitionResponses[0];
      if (result !== undefined && result.errorCode === ErrorCode.NONE) return result.baseOffset;
      const why =
        result === undefined
          ? answer === null
            ? "no answer"
            : "empty answer"
          : (ERRORS.get(result.errorCode)?.name ?? String(result.errorCode));
      this.failures.set(why, (this.failures.get(why) ?? 0) + 1);
      if (
        result?.errorCode === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER ||
        result?.errorCode === ErrorCode.INVALID_PRODUCER_EPOCH
      ) {
        this.anomalies.push(`${values[0]}: error ${result.errorCode} at sequence ${sequence}`);
      }
      this.leaders.delete(partition);
      await this.pause(50);
    }
  }
}
