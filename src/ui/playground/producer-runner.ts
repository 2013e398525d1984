/**
 * One playground producer: a real client Producer sending records at a steady rate of node
 * time (so pausing the cluster pauses it), counting what was sent, acknowledged and failed,
 * and reporting each acknowledged record's partition and offset for the tapes and flights.
 * With `nullValue` every value is null: tombstones, for compacted topics.
 */
import type { ClientIo } from "../../client/client-io.ts";
import { Kafka } from "../../client/kafka.ts";
import type { Producer, ProducerOptions } from "../../client/producer/producer-types.ts";
import type { ClientError, ProducerSettings, ProducerStatus } from "../store/clients-slice.ts";
import { clientErrorOf } from "./client-error.ts";
import { LatencyWindow } from "./latency-window.ts";
import { keyFor, valueFor } from "./record-keys.ts";

/** How often the runner wakes to send what the rate owes (node time). */
const TICK_MS = 50;
/** Sends awaiting an answer at most; beyond it the runner waits (as max.block.ms would). */
const MAX_OUTSTANDING = 2_000;

export interface ProducerRunnerContext {
  io: ClientIo;
  bootstrap: string[];
  /** An acknowledged record: where it landed. */
  onAcknowledged(topic: string, partition: number, offset: number, key: string | null): void;
  /** Something worth redrawing changed. */
  onChanged(): void;
}

export interface ProducerCounters {
  status: ProducerStatus;
  sent: number;
  acknowledged: number;
  failed: number;
  retries: number;
  lastError: ClientError | null;
  latencyP99Ms: number | null;
  /** Kafka's request-total and record-send-total of the client producer. */
  requests: number;
  recordsSent: number;
}

export function producerOptions(settings: ProducerSettings): ProducerOptions {
  return {
    acks: settings.acks,
    "linger.ms": settings.lingerMs,
    "batch.size": settings.batchSize,
    "enable.idempotence": settings.idempotence,
    ...(settings.partitioner === "round-robin"
      ? { "partitioner.class": "org.apache.kafka.clients.producer.RoundRobinPartitioner" }
      : {}),
  } as ProducerOptions;
}

/**
 * How long a removed or restarted producer may spend sending what it still holds (cluster
 * time). Without a bound, a producer stuck on NOT_ENOUGH_REPLICAS would hold its removal
 * for delivery.timeout.ms (2 minutes).
 */
const CLOSE_TIMEOUT_MS = 5_000;

export class ProducerRunner {
  private producer: Producer | null = null;
  private readonly latency = new LatencyWindow();
  private owed = 0;
  private lastTickMs = 0;
  private outstanding = 0;
  private stopped = false;
  private readonly counters: ProducerCounters = {
    status: "starting",
    sent: 0,
    acknowledged: 0,
    failed: 0,
    retries: 0,
    lastError: null,
    latencyP99Ms: null,
    requests: 0,
    recordsSent: 0,
  };

  constructor(
    readonly id: string,
    private settingsNow: ProducerSettings,
    private readonly context: ProducerRunnerContext,
  ) {}

  get settings(): ProducerSettings {
    return this.settingsNow;
  }

  snapshot(): ProducerCounters {
    this.counters.latencyP99Ms = this.latency.p99(this.context.io.nowMs());
    const metrics = this.producer?.metrics;
    if (metrics !== undefined) {
      this.counters.requests = metrics["request-total"];
      this.counters.recordsSent = metrics["record-send-total"];
    }
    return { ...this.counters };
  }

  /** Connects (the Kafka config is checked first: a bad one throws ConfigError) and starts. */
  async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: this.id,
      brokers: this.context.bootstrap,
      transport: this.context.io,
    });
    let producer: Producer;
    try {
      producer = kafka.producer(producerOptions(this.settingsNow));
    } catch (error) {
      this.setError(error); // a ConfigError: the settings contradict each other
      return;
    }
    producer.on("producer.retry", ({ payload }) => {
      this.counters.retries += 1;
      this.counters.lastError = {
        name: payload.error,
        message: payload.message,
        atMs: this.context.io.nowMs(),
      };
      this.context.onChanged();
    });
    this.producer = producer;
    try {
      await producer.connect();
      this.counters.status = this.idleOrRunning();
    } catch (error) {
      // Sends go on trying (the producer reconnects); the first acknowledgement clears it.
      this.setError(error);
    }
    if (this.stopped) return;
    this.lastTickMs = this.context.io.nowMs();
    this.context.onChanged();
    this.schedule();
  }

  /** New rate, keys or values apply at once; Kafka configs need a new producer (the session restarts it). */
  retune(settings: ProducerSettings): void {
    this.settingsNow = settings;
    if (this.counters.status !== "error") {
      this.counters.status = this.idleOrRunning();
    }
    this.context.onChanged();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.producer?.disconnect({ timeoutMs: CLOSE_TIMEOUT_MS }).catch(() => {});
  }

  private schedule(): void {
    this.context.io.after(TICK_MS, () => {
      if (this.stopped) return;
      this.tick();
      this.schedule();
    });
  }

  private tick(): void {
    const now = this.context.io.nowMs();
    const elapsed = now - this.lastTickMs;
    this.lastTickMs = now;
    this.owed = Math.min(
      this.owed + (elapsed * this.settingsNow.ratePerSec) / 1000,
      MAX_OUTSTANDING,
    );
    while (this.owed >= 1 && this.outstanding < MAX_OUTSTANDING) {
      this.owed -= 1;
      this.sendOne(now);
    }
  }

  private sendOne(now: number): void {
    const producer = this.producer;
    if (producer === null) return;
    const n = this.counters.sent;
    const settings = this.settingsNow;
    const key = keyFor(settings, n, this.context.io.random);
    const value = settings.nullValue === true ? null : valueFor(settings, n, key);
    this.counters.sent += 1;
    this.outstanding += 1;
    producer
      .send({ topic: settings.topic, messages: [{ key, value }] })
      .then(
        ([metadata]) => {
          this.counters.acknowledged += 1;
          if (this.counters.status === "error") this.counters.status = this.idleOrRunning();
          this.latency.add(this.context.io.nowMs(), this.context.io.nowMs() - now);
          if (metadata !== undefined) {
            const offset = Number(metadata.baseOffset);
            this.context.onAcknowledged(metadata.topicName, metadata.partition, offset, key);
          }
        },
        (error: unknown) => {
          this.counters.failed += 1;
          this.counters.lastError = clientErrorOf(error, this.context.io.nowMs());
        },
      )
      .finally(() => {
        this.outstanding -= 1;
        this.context.onChanged();
      });
  }

  private idleOrRunning(): ProducerStatus {
    return this.settingsNow.ratePerSec > 0 ? "running" : "paused";
  }

  private setError(error: unknown): void {
    this.counters.status = "error";
    this.counters.lastError = clientErrorOf(error, this.context.io.nowMs());
    this.context.onChanged();
  }
}
