/**
 * Kafka's Sender, as an event loop instead of a thread: each run expires batches past
 * delivery.timeout.ms, keeps metadata and the idempotent producer id fresh, asks the
 * accumulator which leaders have ready batches, drains them into one Produce request per
 * leader (at most max.in.flight.requests.per.connection in flight to each), and hands the
 * answers to BatchCompletion. A run is triggered by appends, answers, and one timer set for
 * the earliest moment a waiting batch becomes ready or expires.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { InitProducerIdResponse } from "../../protocol/generated/messages/init-producer-id-response.ts";
import type { ProduceRequest } from "../../protocol/generated/messages/produce-request.ts";
import type { ProduceResponse } from "../../protocol/generated/messages/produce-response.ts";
import { backoffMs } from "../cluster/backoff.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { RequestTimeoutError } from "../connection-pool.ts";
import { ConnectionError } from "../connection.ts";
import { KafkaProtocolError, isRetriable } from "../kafka-error.ts";
import { BatchCompletion, type PartitionOutcome } from "./batch-completion.ts";
import type { IdempotentState } from "./idempotent-state.ts";
import type { OneWayProduce } from "./one-way-produce.ts";
import type { ProducerBatch } from "./producer-batch.ts";
import type { ProducerConfig } from "./producer-config.ts";
import { ProducerError } from "./producer-error.ts";
import type { ProducerEvents } from "./producer-events.ts";
import type { ProducerMetadata } from "./producer-metadata.ts";
import type { ProducerMetrics } from "./producer-metrics.ts";
import type { RecordAccumulator } from "./record-accumulator.ts";

const INT_MAX = 2147483647;

export interface SenderParts {
  cluster: ClientCluster;
  config: ProducerConfig;
  accumulator: RecordAccumulator;
  idempotence: IdempotentState | null;
  metadata: ProducerMetadata;
  metrics: ProducerMetrics;
  events: ProducerEvents;
  oneWay: OneWayProduce;
}

export class Sender {
  private readonly completion: BatchCompletion;
  private readonly inFlightByNode = new Map<number, number>();
  private runScheduled = false;
  private timerAtMs = Infinity;
  private stopped = false;
  private initializing: Promise<void> | null = null;
  /** A failure no retry can fix (e.g. InitProducerId refused): every send fails with it. */
  fatalError: Error | null = null;

  constructor(private readonly parts: SenderParts) {
    this.completion = new BatchCompletion(
      parts.config,
      parts.accumulator,
      parts.idempotence,
      parts.metadata,
      parts.metrics,
      () => parts.cluster.io.random(),
      parts.events,
    );
  }

  /** Runs the loop soon (after the current synchronous work), once however often it is asked. */
  wakeup(): void {
    if (this.runScheduled || this.stopped) return;
    this.runScheduled = true;
    void Promise.resolve().then(() => {
      this.runScheduled = false;
      if (!this.stopped) this.runOnce();
    });
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * Resolves once the idempotent producer has its producer id (InitProducerId), or throws
   * why not: a fatal error, or Kafka's TimeoutException after `maxBlockMs`.
   */
  async ensureProducerId(maxBlockMs: number): Promise<void> {
    const idempotence = this.parts.idempotence;
    const deadline = this.now() + maxBlockMs;
    while (idempotence !== null && !idempotence.hasProducerId && this.fatalError === null) {
      if (this.stopped)
        throw new ProducerError(
          "KafkaException",
          "The producer was closed while awaiting InitProducerId",
        );
      const remainingMs = deadline - this.now();
      if (remainingMs <= 0) {
        throw new ProducerError(
          "TimeoutException",
          `Timeout expired after ${maxBlockMs} ms while awaiting InitProducerId`,
          true,
        );
      }
      await Promise.race([this.initProducerId(), this.parts.cluster.sleep(remainingMs)]);
    }
    if (this.fatalError !== null) throw this.fatalError;
  }

  private runOnce(): void {
    const { cluster, accumulator, idempotence, metadata, config } = this.parts;
    const nowMs = cluster.io.nowMs();
    if (idempotence !== null) {
      idempotence.housekeeping();
      if (!idempotence.hasProducerId) void this.initProducerId();
    }
    const { expired, nextExpiryMs } = accumulator.expiredBatches(nowMs);
    for (const batch of expired) this.completion.expire(batch, nowMs);
    const check = accumulator.ready(cluster.metadata, nowMs);
    if (check.unknownLeaderTopics.size > 0) metadata.requestUpdate();
    if (metadata.updateNeeded) void metadata.refresh();
    if (idempotence === null || idempotence.hasProducerId) {
      for (const nodeId of check.readyNodes) {
        if ((this.inFlightByNode.get(nodeId) ?? 0) >= config.maxInFlight) continue;
        this.sendTo(nodeId, nowMs);
      }
    }
    this.scheduleRun(nowMs, Math.min(check.nextReadyCheckDelayMs, nextExpiryMs - nowMs));
  }

  private scheduleRun(nowMs: number, delayMs: number): void {
    if (!Number.isFinite(delayMs)) return;
    const waitMs = Math.max(1, Math.ceil(delayMs));
    const atMs = nowMs + waitMs;
    if (atMs >= this.timerAtMs && this.timerAtMs > nowMs) return;
    this.timerAtMs = atMs;
    this.parts.cluster.io.after(waitMs, () => {
      if (this.timerAtMs === atMs) this.timerAtMs = Infinity;
      this.wakeup();
    });
  }

  private sendTo(nodeId: number, nowMs: number): void {
    const { accumulator, cluster, config } = this.parts;
    const batches = accumulator.drain(cluster.metadata, nodeId, config.maxRequestSize, nowMs);
    // Kafka keeps order with max.in.flight=1 by sending one batch per partition at a time.
    if (config.maxInFlight === 1) for (const batch of batches) accumulator.mute(batch);
    const groups = new Map<string, ProducerBatch[]>();
    for (const batch of batches) {
      const key = `${batch.route.acks}/${batch.route.timeoutMs}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [batch]);
      else group.push(batch);
    }
    for (const group of groups.values()) this.sendProduceRequest(nodeId, group, nowMs);
  }

  private sendProduceRequest(nodeId: number, batches: ProducerBatch[], nowMs: number): void {
    const { acks, timeoutMs } = batches[0]!.route;
    const request: ProduceRequest = { transactionalId: null, acks, timeoutMs, topicData: [] };
    const sent: ProducerBatch[] = [];
    const sizes: number[] = [];
    for (const batch of batches) {
      const encoded = batch.encode();
      if (!encoded.ok) {
        const error = new KafkaProtocolError(
          ErrorCode.UNSUPPORTED_COMPRESSION_TYPE,
          encoded.error.message,
        );
        this.completion.fail(batch, error, false);
        continue;
      }
      let topic = request.topicData.find((entry) => entry.name === batch.topic);
      if (topic === undefined)
        request.topicData.push((topic = { name: batch.topic, partitionData: [] }));
      topic.partitionData.push({ index: batch.partition, records: encoded.value });
      sent.push(batch);
      sizes.push(encoded.value.length);
    }
    if (sent.length === 0) return;
    const records = sent.reduce((sum, batch) => sum + batch.recordCount, 0);
    this.parts.metrics.requestSent(records, sizes);
    const bytes = sizes.reduce((sum, size) => sum + size, 0);
    const answered = (latencyMs: number) =>
      this.parts.events.emit("producer.network.request", {
        broker: nodeId,
        records,
        batches: sent.length,
        bytes,
        latencyMs,
      });
    if (acks === 0) {
      this.parts.oneWay.send(nodeId, request).then(
        () => {
          answered(0);
          for (const batch of sent) this.completion.complete(batch, written(), this.now());
        },
        (error: unknown) => this.requestFailed(nodeId, sent, error),
      );
      return;
    }
    this.inFlightByNode.set(nodeId, (this.inFlightByNode.get(nodeId) ?? 0) + 1);
    this.parts.metrics.inFlight++;
    this.parts.cluster
      .request<ProduceResponse>(nodeId, ApiKey.Produce, request, {
        timeoutMs: Math.max(this.parts.config.requestTimeoutMs, timeoutMs),
      })
      .then(
        ({ response }) => {
          const latencyMs = this.now() - nowMs;
          this.parts.metrics.requestAnswered(latencyMs);
          answered(latencyMs);
          this.handleResponse(sent, response);
        },
        (error: unknown) => this.requestFailed(nodeId, sent, error),
      )
      .finally(() => {
        this.inFlightByNode.set(nodeId, (this.inFlightByNode.get(nodeId) ?? 1) - 1);
        this.parts.metrics.inFlight--;
        this.wakeup();
      });
  }

  private handleResponse(batches: ProducerBatch[], response: ProduceResponse): void {
    const nowMs = this.now();
    for (const batch of batches) {
      const answer = response.responses
        .find((topic) => topic.name === batch.topic)
        ?.partitionResponses.find((partition) => partition.index === batch.partition);
      const outcome: PartitionOutcome =
        answer === undefined
          ? failed(
              ErrorCode.UNKNOWN_SERVER_ERROR,
              `no answer for ${batch.topic}-${batch.partition}`,
            )
          : answer;
      this.completion.complete(batch, outcome, nowMs);
    }
    this.wakeup();
  }

  /** No answer: a lost connection or a timeout is retriable (NETWORK_EXCEPTION / REQUEST_TIMED_OUT). */
  private requestFailed(nodeId: number, batches: ProducerBatch[], error: unknown): void {
    const cause = error instanceof Error ? error : new ConnectionError(String(error));
    const nowMs = this.now();
    this.parts.metadata.requestUpdate();
    if (cause instanceof RequestTimeoutError) {
      this.parts.events.emit("producer.network.request_timeout", {
        broker: nodeId,
        timeoutMs: this.parts.config.requestTimeoutMs,
      });
    }
    for (const batch of batches) {
      if (!isRetriable(cause)) {
        this.completion.fail(batch, cause, false);
        continue;
      }
      const code =
        cause instanceof RequestTimeoutError
          ? ErrorCode.REQUEST_TIMED_OUT
          : ErrorCode.NETWORK_EXCEPTION;
      this.completion.complete(batch, { ...failed(code, cause.message), cause }, nowMs);
    }
    this.wakeup();
  }

  /** Asks any broker for a producer id (Kafka's InitProducerId for a non-transactional producer). */
  private initProducerId(): Promise<void> {
    this.initializing ??= this.askProducerId().finally(() => {
      this.initializing = null;
      this.wakeup();
    });
    return this.initializing;
  }

  private async askProducerId(): Promise<void> {
    const { cluster, config, idempotence } = this.parts;
    for (
      let attempt = 0;
      !this.stopped && idempotence !== null && !idempotence.hasProducerId;
      attempt++
    ) {
      try {
        const { response } = await cluster.requestAny<InitProducerIdResponse>(
          ApiKey.InitProducerId,
          {
            transactionalId: null,
            transactionTimeoutMs: INT_MAX,
            producerId: idempotence.producerId,
            producerEpoch: idempotence.producerEpoch,
          },
        );
        if (response.errorCode === ErrorCode.NONE) {
          idempotence.setProducerIdAndEpoch(response.producerId, response.producerEpoch);
          return;
        }
        throw new KafkaProtocolError(response.errorCode, "InitProducerId");
      } catch (error) {
        if (!isRetriable(error)) {
          this.giveUp(error instanceof Error ? error : new Error(String(error)));
          return;
        }
      }
      await cluster.sleep(
        Math.max(
          1,
          backoffMs(attempt, config, () => cluster.io.random()),
        ),
      );
    }
  }

  /** Fails everything queued with `error`, and every send after it. */
  private giveUp(error: Error): void {
    this.fatalError = error;
    for (const batch of this.parts.accumulator.abortQueued(error)) {
      this.parts.accumulator.deallocate(batch);
      this.parts.metrics.recordsFailed(batch.recordCount);
    }
  }

  private now(): number {
    return this.parts.cluster.io.nowMs();
  }
}

function failed(errorCode: number, errorMessage: string): PartitionOutcome {
  return { errorCode, errorMessage, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n };
}

/** acks=0: written, with no offset to tell (Kafka reports -1). */
function written(): PartitionOutcome {
  return {
    errorCode: ErrorCode.NONE,
    errorMessage: null,
    baseOffset: -1n,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
  };
}
