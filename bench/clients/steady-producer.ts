/**
 * The steady load under a rebalance: our producer (Kafka's defaults: acks=all, idempotent)
 * sends one record to every partition of the topic each tick, naming the partition, so
 * every partition always has fresh records and a pause in its consumption shows as a gap.
 * At most MAX_OUTSTANDING sends wait at once; a tick that finds that many skips its send
 * and is counted, so a slow cluster shows as skipped ticks instead of a growing queue.
 */
import type { Kafka } from "../../src/client/kafka.ts";
import type { Producer } from "../../src/client/producer/producer-types.ts";
import { benchValue, errorText } from "./bench-kafka.ts";

const MAX_OUTSTANDING = 100;

export interface SteadyProducerResult {
  recordsSent: number;
  recordsAcknowledged: number;
  skippedTicks: number;
  /** From send() to its promise resolving. */
  ackLatencyAvgMs: number;
  ackLatencyMaxMs: number;
  errors: string[];
}

export class SteadyProducer {
  private readonly producer: Producer;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly outstanding = new Set<Promise<unknown>>();
  private stopped: Promise<SteadyProducerResult> | null = null;
  private readonly result: SteadyProducerResult = {
    recordsSent: 0,
    recordsAcknowledged: 0,
    skippedTicks: 0,
    ackLatencyAvgMs: Number.NaN,
    ackLatencyMaxMs: 0,
    errors: [],
  };
  private acknowledgedSends = 0;
  private ackLatencySumMs = 0;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
    private readonly partitions: number,
    private readonly valueBytes: number,
  ) {
    this.producer = kafka.producer();
  }

  async start(tickMs: number): Promise<void> {
    await this.producer.connect();
    const value = benchValue(this.valueBytes);
    const messages = Array.from({ length: this.partitions }, (_, partition) => ({
      partition,
      value,
    }));
    this.timer = setInterval(() => {
      if (this.outstanding.size >= MAX_OUTSTANDING) {
        this.result.skippedTicks++;
        return;
      }
      this.result.recordsSent += messages.length;
      const sentAt = performance.now();
      const sent = this.producer.send({ topic: this.topic, messages }).then(
        () => this.acknowledged(messages.length, performance.now() - sentAt),
        (error: unknown) => {
          if (this.result.errors.length < 10) this.result.errors.push(errorText(error));
        },
      );
      this.outstanding.add(sent);
      void sent.finally(() => this.outstanding.delete(sent));
    }, tickMs);
  }

  private acknowledged(records: number, latencyMs: number): void {
    this.result.recordsAcknowledged += records;
    this.acknowledgedSends++;
    this.ackLatencySumMs += latencyMs;
    this.result.ackLatencyAvgMs = this.ackLatencySumMs / this.acknowledgedSends;
    this.result.ackLatencyMaxMs = Math.max(this.result.ackLatencyMaxMs, latencyMs);
  }

  /** Stops sending and waits for what is outstanding; calling it again returns the same. */
  stop(): Promise<SteadyProducerResult> {
    this.stopped ??= this.drain();
    return this.stopped;
  }

  private async drain(): Promise<SteadyProducerResult> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.outstanding]);
    await this.producer.disconnect();
    return this.result;
  }
}
