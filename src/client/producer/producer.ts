/**
 * A KafkaJS-shaped producer on Kafka's Java producer design: `send()` validates,
 * partitions and appends records to the RecordAccumulator (waiting for metadata and buffer
 * memory at most max.block.ms), and the Sender delivers batches in the background; the
 * promise resolves once every record of the call is acknowledged as `acks` asks.
 *
 *   const producer = createProducer(cluster, { "linger.ms": 10, "compression.type": "lz4" });
 *   await producer.connect();
 *   await producer.send({ topic: "orders", messages: [{ key: "42", value: "paid" }] });
 *   // Java's send(record, callback): no promise per record (see Producer.sendRecord).
 *   producer.sendRecord({ topic: "orders", value: "paid" }, (error, metadata) => {});
 *
 * A send that needs no waiting is appended synchronously, record by record, into batches
 * that lay the records out as bytes at once (RecordAppender, ProducerBatch): the cost of a
 * record is its encoding, not promises and objects.
 */
import {
  initCompression,
  isCompressionAvailable,
} from "../../protocol/records/compression/codecs.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { OneWayProduce } from "./one-way-produce.ts";
import { IdempotentState } from "./idempotent-state.ts";
import type { BatchRoute } from "./producer-batch.ts";
import {
  parseAcks,
  parseCompression,
  resolveProducerConfig,
  type ProducerConfig,
} from "./producer-config.ts";
import { ProducerError } from "./producer-error.ts";
import { ProducerEvents } from "./producer-events.ts";
import { ProducerMetadata } from "./producer-metadata.ts";
import { ProducerMetrics, type ProducerMetricsSnapshot } from "./producer-metrics.ts";
import {
  PRODUCER_EVENTS,
  type Partitioner,
  type Producer,
  type ProducerBatchRecord,
  type ProducerEvent,
  type ProducerEventName,
  type ProducerOptions,
  type ProducerRecord,
  type RecordMetadata,
  type SendCallback,
  type TopicMessages,
  type TopicRecord,
} from "./producer-types.ts";
import { resolvePartitioner } from "./partitioners/resolve-partitioner.ts";
import { RecordAccumulator } from "./record-accumulator.ts";
import { RecordAppender } from "./record-appender.ts";
import { checkRecord, checkTopicMessages } from "./record-builder.ts";
import { CallbackListener } from "./record-callback.ts";
import { Sender } from "./sender.ts";
import { SendResult } from "./send-result.ts";

const INT_MAX = 2147483647;

/** Builds a producer on `cluster` (shared with the client's other parts; the producer never closes it). */
export function createProducer(cluster: ClientCluster, options: ProducerOptions = {}): Producer {
  const config = resolveProducerConfig(options);
  const partitioner = resolvePartitioner({
    ...config,
    createPartitioner: options.createPartitioner,
  });
  return new KafkaProducer(cluster, config, partitioner);
}

/** What one connect() starts and disconnect() stops. */
interface Running {
  accumulator: RecordAccumulator;
  appender: RecordAppender;
  metadata: ProducerMetadata;
  sender: Sender;
  oneWay: OneWayProduce;
}

class KafkaProducer implements Producer {
  readonly events = PRODUCER_EVENTS;
  private readonly emitter: ProducerEvents;
  private readonly metricsCollector = new ProducerMetrics();
  private running: Running | null = null;
  private connected = false;
  /** The request-level settings of a send that sets none of its own. */
  private readonly defaultRoute: BatchRoute;

  constructor(
    private readonly cluster: ClientCluster,
    private readonly config: ProducerConfig,
    private readonly partitioner: Partitioner,
  ) {
    this.emitter = new ProducerEvents(() => cluster.io.nowMs());
    this.defaultRoute = {
      acks: config.acks,
      timeoutMs: config.requestTimeoutMs,
      compression: config.compression,
    };
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    const running = (this.running ??= this.start());
    await this.cluster.refreshMetadata([]);
    if (this.config.compression === "zstd") await initCompression();
    await running.sender.ensureProducerId(this.config.maxBlockMs);
    this.connected = true;
    this.emitter.emit("producer.connect", {});
  }

  async disconnect(options: { timeoutMs?: number } = {}): Promise<void> {
    const running = this.running;
    if (running === null) return;
    this.connected = false;
    await running.appender.settled();
    // As Kafka's close(): no more appends, send what is queued, wait for the answers.
    running.accumulator.close();
    running.sender.wakeup();
    const answered = Promise.all(
      running.accumulator.incompleteBatches().map((batch) => batch.settled),
    ).then(() => true);
    const { timeoutMs } = options;
    const inTime =
      timeoutMs === undefined
        ? await answered
        : await Promise.race([answered, this.cluster.sleep(timeoutMs).then(() => false)]);
    if (!inTime) {
      // Kafka's close(timeout) once the timeout is up: whatever is left fails. Its buffers
      // stay out of the pool, which a late answer may still return them to.
      const error = new ProducerError("KafkaException", "Producer is closed forcefully.");
      for (const batch of running.accumulator.incompleteBatches()) batch.fail(error);
    }
    running.sender.stop();
    running.oneWay.close();
    this.running = null;
    this.emitter.emit("producer.disconnect", {});
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const { topic, messages } = record ?? ({} as ProducerRecord);
    return this.sendTopicMessages(record ?? null, [{ topic, messages }]);
  }

  sendBatch(batch: ProducerBatchRecord): Promise<RecordMetadata[]> {
    return this.sendTopicMessages(batch ?? null, batch?.topicMessages ?? []);
  }

  sendRecord(record: TopicRecord, callback: SendCallback): Promise<void> | null {
    const listener = new CallbackListener(callback);
    try {
      const running = this.runningForSend();
      checkRecord(record?.topic, record);
      if (this.defaultRoute.compression === "zstd" && !isCompressionAvailable("zstd")) {
        return initCompression().then(
          async () => {
            await this.appendRecord(running, record, listener);
          },
          (error: unknown) => listener.failed(error),
        );
      }
      return this.appendRecord(running, record, listener);
    } catch (error) {
      listener.failed(error);
      return null;
    }
  }

  /** sendRecord's append: null once queued, else the promise of it (failures go to the listener). */
  private appendRecord(
    running: Running,
    record: TopicRecord,
    listener: CallbackListener,
  ): Promise<void> | null {
    try {
      const rest = running.appender.appendOne(record.topic, record, this.defaultRoute, listener);
      return rest === null ? null : rest.catch((error: unknown) => listener.failed(error));
    } catch (error) {
      listener.failed(error);
      return null;
    }
  }

  /** The running parts, when sends are taken (connected, and no fatal error). */
  private runningForSend(): Running {
    const running = this.running;
    if (!this.connected || running === null) {
      throw new ProducerError(
        "KafkaException",
        "The producer is disconnected: call connect() first",
      );
    }
    if (running.sender.fatalError !== null) throw running.sender.fatalError;
    return running;
  }

  /** A send's records go in now when nothing waits; the answer comes once all are acknowledged. */
  private sendTopicMessages(
    settings: Pick<ProducerBatchRecord, "acks" | "timeout" | "compression"> | null,
    topicMessages: TopicMessages[],
  ): Promise<RecordMetadata[]> {
    try {
      const running = this.runningForSend();
      const route =
        settings === null ||
        (settings.acks === undefined &&
          settings.timeout === undefined &&
          settings.compression === undefined)
          ? this.defaultRoute
          : this.routeOf(settings);
      if (!Array.isArray(topicMessages)) {
        throw new ProducerError(
          "IllegalArgumentException",
          "topicMessages must be an array of { topic, messages }",
        );
      }
      // Everything is checked before anything is queued.
      for (const entry of topicMessages) checkTopicMessages(entry?.topic, entry?.messages);
      const result = new SendResult();
      if (route.compression === "zstd" && !isCompressionAvailable("zstd")) {
        return initCompression().then(() =>
          this.appendAndAnswer(running, topicMessages, route, result),
        );
      }
      return this.appendAndAnswer(running, topicMessages, route, result);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  private appendAndAnswer(
    running: Running,
    topicMessages: TopicMessages[],
    route: BatchRoute,
    result: SendResult,
  ): Promise<RecordMetadata[]> {
    const rest = running.appender.appendAll(topicMessages, route, result);
    return rest === null ? result.result() : rest.then(() => result.result());
  }

  async flush(): Promise<void> {
    const running = this.running;
    if (running === null) return;
    await running.appender.settled();
    running.accumulator.beginFlush();
    try {
      running.sender.wakeup();
      await Promise.all(running.accumulator.incompleteBatches().map((batch) => batch.settled));
    } finally {
      running.accumulator.endFlush();
    }
  }

  on<E extends ProducerEventName>(
    event: E,
    listener: (event: ProducerEvent<E>) => void,
  ): () => void {
    return this.emitter.on(event, listener);
  }

  isIdempotent(): boolean {
    return this.config.idempotent;
  }

  get metrics(): ProducerMetricsSnapshot {
    return this.metricsCollector.snapshot(
      this.running?.accumulator.pool.availableBytes ?? this.config.bufferMemory,
    );
  }

  private start(): Running {
    const config = this.config;
    const idempotence = config.idempotent ? new IdempotentState() : null;
    const accumulator = new RecordAccumulator(config, this.cluster.io, idempotence);
    let sender: Sender | null = null;
    const metadata = new ProducerMetadata(
      this.cluster,
      config.allowAutoTopicCreation,
      config.retryBackoffMs,
      () => sender?.wakeup(),
    );
    const oneWay = new OneWayProduce(this.cluster);
    const created = new Sender({
      cluster: this.cluster,
      config,
      accumulator,
      idempotence,
      metadata,
      metrics: this.metricsCollector,
      events: this.emitter,
      oneWay,
    });
    sender = created;
    const appender = new RecordAppender(
      this.cluster,
      config,
      this.partitioner,
      accumulator,
      metadata,
      created,
    );
    return { accumulator, appender, metadata, sender: created, oneWay };
  }

  /** The request-level settings of a send: its own acks/timeout/compression or the producer's. */
  private routeOf(
    batch: Pick<ProducerBatchRecord, "acks" | "timeout" | "compression">,
  ): BatchRoute {
    const acks = batch.acks === undefined ? this.config.acks : parseAcks(batch.acks);
    if (this.config.idempotent && acks !== -1) {
      throw new ProducerError(
        "InvalidConfigurationException",
        "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.",
      );
    }
    const timeoutMs = batch.timeout ?? this.config.requestTimeoutMs;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > INT_MAX) {
      throw new ProducerError(
        "IllegalArgumentException",
        `Invalid timeout ${timeoutMs}: an int32 number of ms`,
      );
    }
    const compression =
      batch.compression === undefined
        ? this.config.compression
        : parseCompression(batch.compression);
    return { acks, timeoutMs, compression };
  }
}
