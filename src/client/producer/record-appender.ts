/**
 * The front half of send(), as KafkaProducer.doSend: each message is serialized, checked
 * against max.request.size and buffer.memory, given its partition and appended to the
 * RecordAccumulator, and the Sender is woken when that made a batch ready.
 *
 * Appends of one topic keep call order, so a send that must wait (for its topic's metadata,
 * or for buffer memory) holds its place: it becomes that topic's "lane", and later sends
 * to the topic queue behind it. When nothing waits — the usual case under load — a send is
 * appended synchronously, record after record, without a promise per record: Java's send()
 * also only blocks when it has to.
 */
import type { ClientCluster } from "../cluster/client-cluster.ts";
import type { TopicInfo } from "../cluster/cluster-metadata.ts";
import {
  builtInPartitioning,
  type DefaultPartitioning,
} from "./partitioners/default-partitioner.ts";
import type { BatchRoute, RecordListener, SerializedRecord } from "./producer-batch.ts";
import type { ProducerConfig } from "./producer-config.ts";
import type { ProducerMetadata } from "./producer-metadata.ts";
import type { Message, Partitioner, TopicMessages } from "./producer-types.ts";
import type { RecordAccumulator } from "./record-accumulator.ts";
import { buildRecord, checkRecordSize, choosePartition } from "./record-builder.ts";
import type { Sender } from "./sender.ts";

/** Whoever waits for the records of one send: told per run of records, and of each record queued. */
export interface SendListener extends RecordListener {
  added(): void;
}

/** A record that could not go in without waiting for buffer memory, and where it stopped. */
interface Stuck {
  index: number;
  record: SerializedRecord;
  partition: number;
}

export class RecordAppender {
  /** The topics whose appends wait, each with the promise of its last waiting send. */
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly builtIn: DefaultPartitioning | null;

  constructor(
    private readonly cluster: ClientCluster,
    private readonly config: ProducerConfig,
    private readonly partitioner: Partitioner,
    private readonly accumulator: RecordAccumulator,
    private readonly metadata: ProducerMetadata,
    private readonly sender: Sender,
  ) {
    this.builtIn = builtInPartitioning(partitioner);
  }

  /**
   * Appends every topic's messages, in order. Returns null when all went in now, else the
   * promise of the rest (which rejects as the append that failed; the records before it
   * stay queued). Throws what the first record that cannot be sent throws, when it is met
   * before anything had to wait.
   */
  appendAll(
    topicMessages: readonly TopicMessages[],
    route: BatchRoute,
    listener: SendListener,
  ): Promise<void> | null {
    for (let index = 0; index < topicMessages.length; index++) {
      const { topic, messages } = topicMessages[index]!;
      const info = this.lanes.has(topic) ? null : this.metadata.usableTopic(topic);
      if (info === null) return this.appendRestLater(topicMessages, index, null, route, listener);
      const stuck = this.appendNow(topic, info, messages, 0, route, listener);
      if (stuck !== null) {
        return this.appendRestLater(topicMessages, index, stuck, route, listener);
      }
    }
    return null;
  }

  /** appendAll for a single message (sendRecord), without wrapping it in arrays unless it waits. */
  appendOne(
    topic: string,
    message: Message,
    route: BatchRoute,
    listener: SendListener,
  ): Promise<void> | null {
    const info = this.lanes.has(topic) ? null : this.metadata.usableTopic(topic);
    let stuck: Stuck | null = null;
    if (info !== null) {
      const hasTime = message.timestamp !== undefined && message.timestamp !== null;
      const nowMs = hasTime ? -1 : this.cluster.io.nowMs();
      stuck = this.appendMessage(topic, info, message, 0, nowMs, route, listener);
      if (stuck === null) return null;
    }
    return this.appendRestLater([{ topic, messages: [message] }], 0, stuck, route, listener);
  }

  /** Resolves once every send waiting now has been appended (or failed). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.lanes.values()]);
  }

  private async appendRestLater(
    topicMessages: readonly TopicMessages[],
    from: number,
    stuck: Stuck | null,
    route: BatchRoute,
    listener: SendListener,
  ): Promise<void> {
    const { topic, messages } = topicMessages[from]!;
    await this.inLane(topic, () => this.appendLater(topic, messages, stuck, route, listener));
    for (let index = from + 1; index < topicMessages.length; index++) {
      const next = topicMessages[index]!;
      await this.inLane(next.topic, () =>
        this.appendLater(next.topic, next.messages, null, route, listener),
      );
    }
    this.sender.wakeup();
  }

  /** Waits for the topic's metadata, then appends from `stuck` (or the start), waiting for memory as needed. */
  private async appendLater(
    topic: string,
    messages: readonly Message[],
    stuck: Stuck | null,
    route: BatchRoute,
    listener: SendListener,
  ): Promise<void> {
    let info = await this.metadata.waitForTopic(topic, this.config.maxBlockMs);
    let next = stuck ?? this.appendNow(topic, info, messages, 0, route, listener);
    while (next !== null) {
      const outcome = await this.accumulator.append(
        topic,
        next.partition,
        next.record,
        listener,
        route,
        () => (this.cluster.metadata.topics.get(topic) ?? info).partitions,
      );
      listener.added();
      if (outcome === "batch-ready") this.sender.wakeup();
      info = this.cluster.metadata.topics.get(topic) ?? info;
      next = this.appendNow(topic, info, messages, next.index + 1, route, listener);
    }
  }

  /**
   * Appends `messages` from `from` on while no wait is needed; returns null when all went
   * in, else the record that needs buffer memory first. Metadata cannot change meanwhile
   * (nothing here waits), so `info` and the time are read once — and the time only if a
   * message has no timestamp of its own (a clock read is not free in every shell).
   */
  private appendNow(
    topic: string,
    info: TopicInfo,
    messages: readonly Message[],
    from: number,
    route: BatchRoute,
    listener: SendListener,
  ): Stuck | null {
    let nowMs = -1;
    for (let index = from; index < messages.length; index++) {
      const message = messages[index]!;
      if (nowMs < 0 && (message.timestamp === undefined || message.timestamp === null)) {
        nowMs = this.cluster.io.nowMs();
      }
      const stuck = this.appendMessage(topic, info, message, index, nowMs, route, listener);
      if (stuck !== null) return stuck;
    }
    return null;
  }

  /** One message of appendNow: null once it is in, else the record that waits for memory. */
  private appendMessage(
    topic: string,
    info: TopicInfo,
    message: Message,
    index: number,
    nowMs: number,
    route: BatchRoute,
    listener: SendListener,
  ): Stuck | null {
    const record = buildRecord(message, nowMs);
    checkRecordSize(record, this.config.maxRequestSize, this.config.bufferMemory);
    const partition = choosePartition(
      this.partitioner,
      this.builtIn,
      topic,
      info,
      message,
      record.key,
    );
    const outcome = this.accumulator.tryAppend(
      topic,
      partition,
      record,
      listener,
      route,
      info.partitions,
    );
    if (outcome === "no-memory") return { index, record, partition };
    listener.added();
    if (outcome === "batch-ready") this.sender.wakeup();
    return null;
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
}
