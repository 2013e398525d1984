/**
 * A KafkaJS-shaped producer on Kafka's Java producer design: `send()` validates,
 * partitions and appends records to the RecordAccumulator (waiting for metadata and buffer
 * memory at most max.block.ms), and the Sender delivers batches in the background; the
 * promise resolves once every record of the call is acknowledged as `acks` asks.
 *
 *   const producer = createProducer(cluster, { "linger.ms": 10, "compression.type": "lz4" });
 *   await producer.connect();
 *   await producer.send({ topic: "orders", messages: [{ key: "42", value: "paid" }] });
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
  type Message,
  type Partitioner,
  type Producer,
  type ProducerBatchRecord,
  type ProducerEvent,
  type ProducerEventName,
  type ProducerOptions,
  type ProducerRecord,
  type RecordMetadata,
} from "./producer-types.ts";
import { resolvePartitioner } from "./partitioners/resolve-partitioner.ts";
import { RecordAccumulator } from "./record-accumulator.ts";
import {
  buildRecord,
  checkRecordSize,
  checkTopicMessages,
  choosePartition,
} from "./record-builder.ts";
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
  /** Appends of one topic run in call order, so a send waiting for memory keeps its place. */
  private readonly lanes = new Map<string, Promise<void>>();

  constructor(
    private readonly cluster: ClientCluster,
    private readonly config: ProducerConfig,
    private readonly partitioner: Partitioner,
  ) {
    this.emitter = new ProducerEvents(() => cluster.io.nowMs());
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

  async disconnect(): Promise<void> {
    const running = this.running;
    if (running === null) return;
    this.connected = false;
    await Promise.allSettled([...this.lanes.values()]);
    // As Kafka's close(): no more appends, send what is queued, wait for the answers.
    running.accumulator.close();
    running.sender.wakeup();
    await Promise.all(running.accumulator.incompleteBatches().map((batch) => batch.settled));
    running.sender.stop();
    running.oneWay.close();
    this.running = null;
    this.emitter.emit("producer.disconnect", {});
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const { topic, messages, ...rest } = record ?? ({} as ProducerRecord);
    return this.sendBatch({ ...rest, topicMessages: [{ topic, messages }] });
  }

  async sendBatch(batch: ProducerBatchRecord): Promise<RecordMetadata[]> {
    const running = this.running;
    if (!this.connected || running === null) {
      throw new ProducerError(
        "KafkaException",
        "The producer is disconnected: call connect() first",
      );
    }
    if (running.sender.fatalError !== null) throw running.sender.fatalError;
    const route = this.routeOf(batch);
    const topicMessages = batch.topicMessages ?? [];
    if (!Array.isArray(topicMessages)) {
      throw new ProducerError(
        "IllegalArgumentException",
        "topicMessages must be an array of { topic, messages }",
      );
    }
    // Everything is checked before anything is queued.
    for (const entry of topicMessages) checkTopicMessages(entry?.topic, entry?.messages);
    if (route.compression === "zstd" && !isCompressionAvailable("zstd")) await initCompression();
    const result = new SendResult();
    for (const { topic, messages } of topicMessages) {
      await this.inLane(topic, () => this.appendAll(running, topic, messages, route, result));
    }
    running.sender.wakeup();
    return result.result();
  }

  async flush(): Promise<void> {
    const running = this.running;
    if (running === null) return;
    await Promise.allSettled([...this.lanes.values()]);
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
    sender = new Sender({
      cluster: this.cluster,
      config,
      accumulator,
      idempotence,
      metadata,
      metrics: this.metricsCollector,
      events: this.emitter,
      oneWay,
    });
    return { accumulator, metadata, sender, oneWay };
  }

  /** The request-level settings of a send: its own acks/timeout/compression or the producer's. */
  private routeOf(batch: ProducerBatchRecord): BatchRoute {
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

  private inLane(topic: string, work: () => Promise<void>): Promise<void> {
    const run = (this.lanes.get(topic) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => {});
    this.lanes.set(topic, tail);
    void tail.then(() => {
      if (this.lanes.get(topic) === tail) this.lanes.delete(topic);
    });
    return run;
  }

  private async appendAll(
    running: Running,
    topic: string,
    messages: Message[],
    route: BatchRoute,
    result: SendResult,
  ): Promise<void> {
    let info = await running.metadata.waitForTopic(topic, this.config.maxBlockMs);
    for (const message of messages) {
      const fields = buildRecord(message, this.cluster.io.nowMs());
      checkRecordSize(fields, this.config.maxRequestSize, this.config.bufferMemory);
      info = this.cluster.metadata.topics.get(topic) ?? info;
      const partition = choosePartition(this.partitioner, topic, info, message);
      const appended = await running.accumulator.append(
        topic,
        partition,
        { ...fields, settle: result.track(topic) },
        route,
        () => (this.cluster.metadata.topics.get(topic) ?? info).partitions,
      );
      if (appended.batchIsFull || appended.newBatchCreated) running.sender.wakeup();
    }
  }
}
