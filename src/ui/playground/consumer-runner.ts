/**
 * One playground consumer: a real client Consumer in a group, "processing" each record for
 * its processing delay (node time), counting what it consumed and reporting its rebalance
 * steps. Close leaves the group (LeaveGroup); crash cuts its connections and timers as a
 * dying process would, so the coordinator only notices when the session times out. It
 * also keeps how far it got on each partition (first offset handed to it, offset after the
 * last record processed) and how many partitions rebalances took from it, which is what
 * the lessons on rebalances and commits compare.
 */
import type { ClientIo } from "../../client/client-io.ts";
import type { Consumer, ConsumerOptions } from "../../client/consumer/consumer.ts";
import type { EachBatchPayload, KafkaMessage } from "../../client/consumer/consumer-types.ts";
import { Kafka } from "../../client/kafka.ts";
import type {
  ClientError,
  ConsumerProgress,
  ConsumerSettings,
  ConsumerStatus,
} from "../store/clients-slice.ts";
import { clientErrorOf } from "./client-error.ts";
import { crashableIo, type CrashableIo } from "./crashable-io.ts";

export interface ConsumerRunnerContext {
  io: ClientIo;
  bootstrap: string[];
  onConsumed(topic: string, partition: number, offset: number, key: string | null): void;
  /** The member gave up partitions (the first step of a rebalance, as it sees it). */
  onRevoked(groupId: string): void;
  onChanged(): void;
}

export interface ConsumerCounters {
  status: ConsumerStatus;
  memberId: string | null;
  consumed: number;
  assigned: { topic: string; partition: number }[];
  lastError: ClientError | null;
  progress: ConsumerProgress;
}

/** Every topic the consumer subscribes to: its topic, then any extra ones. */
export function subscribedTopics(settings: ConsumerSettings): string[] {
  return [...new Set([settings.topic, ...(settings.extraTopics ?? [])])];
}

export function consumerOptions(settings: ConsumerSettings): ConsumerOptions {
  return {
    groupId: settings.groupId,
    "partition.assignment.strategy": [settings.assignor],
    "session.timeout.ms": settings.sessionTimeoutMs,
    // Kafka's default is 3 s; it must stay below the session timeout a lesson may shorten.
    "heartbeat.interval.ms": Math.min(3_000, Math.floor(settings.sessionTimeoutMs / 3)),
    // Committing before processing is done by hand; an auto commit would move it back.
    "enable.auto.commit": settings.autoCommit && settings.commitBeforeProcessing !== true,
    ...(settings.groupInstanceId === "" ? {} : { "group.instance.id": settings.groupInstanceId }),
  } as ConsumerOptions;
}

const text = new TextDecoder();

export class ConsumerRunner {
  private consumer: Consumer | null = null;
  private readonly network: CrashableIo;
  private readonly counters: ConsumerCounters = {
    status: "joining",
    memberId: null,
    consumed: 0,
    assigned: [],
    lastError: null,
    progress: { firstOffsets: {}, processedOffsets: {}, revokedPartitions: 0 },
  };

  constructor(
    readonly id: string,
    readonly settings: ConsumerSettings,
    private readonly context: ConsumerRunnerContext,
  ) {
    this.network = crashableIo(context.io);
  }

  snapshot(): ConsumerCounters {
    const { progress } = this.counters;
    return {
      ...this.counters,
      assigned: [...this.counters.assigned],
      progress: {
        firstOffsets: { ...progress.firstOffsets },
        processedOffsets: { ...progress.processedOffsets },
        revokedPartitions: progress.revokedPartitions,
      },
    };
  }

  get ended(): boolean {
    return this.counters.status === "crashed" || this.counters.status === "closed";
  }

  async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: this.id,
      brokers: this.context.bootstrap,
      transport: this.network.io,
    });
    let consumer: Consumer;
    try {
      consumer = kafka.consumer(consumerOptions(this.settings));
    } catch (error) {
      this.fail(error); // a ConfigError: the settings contradict each other
      return;
    }
    this.consumer = consumer;
    this.listen(consumer);
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: subscribedTopics(this.settings),
        fromBeginning: this.settings.fromBeginning,
      });
      if (this.settings.commitBeforeProcessing === true) {
        await consumer.run({
          eachBatchAutoResolve: false,
          eachBatch: (payload) => this.commitThenProcess(consumer, payload),
        });
      } else {
        await consumer.run({
          eachMessage: ({ topic, partition, message }) => this.handle(topic, partition, message),
        });
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** LeaveGroup, then the consumer ends: the group rebalances at once. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.set({ status: "closed", assigned: [] });
    await this.consumer?.disconnect().catch(() => {});
  }

  /** No LeaveGroup: connections drop and nothing runs again; the session timeout decides. */
  crash(): void {
    if (this.ended) return;
    this.network.crash();
    this.set({ status: "crashed", assigned: [] });
  }

  /** One record: handed over, processed for the processing delay, counted. */
  private async handle(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const where = `${topic}:${partition}`;
    const offset = Number(message.offset);
    const { progress } = this.counters;
    progress.firstOffsets[where] ??= offset;
    await this.process();
    this.counters.consumed += 1;
    progress.processedOffsets[where] = offset + 1;
    const key = message.key === null ? null : text.decode(message.key);
    this.context.onConsumed(topic, partition, offset, key);
    this.context.onChanged();
  }

  /**
   * The at-most-once mistake, on purpose: the batch's end offset is committed first, then
   * its records are processed one by one. A crash in between leaves the group's committed
   * offset past records nobody processed.
   */
  private async commitThenProcess(consumer: Consumer, payload: EachBatchPayload) {
    const { batch, resolveOffset, heartbeat, isStale } = payload;
    const last = batch.messages.at(-1);
    if (last === undefined) return;
    const end = (BigInt(last.offset) + 1n).toString();
    try {
      await consumer.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: end },
      ]);
    } catch {
      // Refused (a rebalance under way): nothing was processed, the records come again.
      return;
    }
    for (const message of batch.messages) {
      if (isStale()) return;
      await this.handle(batch.topic, batch.partition, message);
      resolveOffset(message.offset);
      await heartbeat();
    }
  }

  private process(): Promise<void> {
    const delayMs = this.settings.processingDelayMs;
    if (delayMs <= 0) return Promise.resolve();
    return new Promise((resolve) => this.network.io.after(delayMs, resolve));
  }

  private listen(consumer: Consumer): void {
    const events = consumer.events;
    consumer.on(events.GROUP_JOIN, ({ payload }) => {
      const assigned = Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) =>
        partitions.map((partition) => ({ topic, partition })),
      );
      this.set({ status: "consuming", memberId: payload.memberId, assigned });
    });
    consumer.on(events.REBALANCING, () => this.set({ status: "rebalancing" }));
    const drop = (gone: readonly { topic: string; partition: number }[]) => {
      const names = new Set(gone.map(({ topic, partition }) => `${topic}:${partition}`));
      this.set({
        assigned: this.counters.assigned.filter(
          ({ topic, partition }) => !names.has(`${topic}:${partition}`),
        ),
      });
    };
    consumer.on(events.PARTITIONS_REVOKED, ({ payload }) => {
      if (payload.partitions.length === 0) return;
      this.counters.progress.revokedPartitions += payload.partitions.length;
      drop(payload.partitions);
      this.context.onRevoked(this.settings.groupId);
    });
    consumer.on(events.PARTITIONS_LOST, ({ payload }) => drop(payload.partitions));
    consumer.on(events.PARTITIONS_ASSIGNED, ({ payload }) => {
      const assigned = payload.partitions.map(({ topic, partition }) => ({ topic, partition }));
      this.set({ assigned: dedupe([...this.counters.assigned, ...assigned]) });
    });
    consumer.on(events.CRASH, ({ payload }) => this.fail(payload.error));
  }

  private fail(error: unknown): void {
    if (this.ended) return;
    this.set({ status: "error", lastError: clientErrorOf(error, this.context.io.nowMs()) });
  }

  private set(change: Partial<ConsumerCounters>): void {
    if (this.ended && change.status === undefined) return;
    Object.assign(this.counters, change);
    this.context.onChanged();
  }
}

function dedupe(partitions: { topic: string; partition: number }[]) {
  const seen = new Map(partitions.map((entry) => [`${entry.topic}:${entry.partition}`, entry]));
  return [...seen.values()].sort(
    (a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition,
  );
}
