/**
 * The well-behaved client that runs beside a fuzzer: an idempotent acks=all producer
 * sending one record every few milliseconds and a consumer group reading them back, both
 * through the client library on the page. It notes every error either side sees, so a
 * spec can check that bad input to a broker bothered nobody else.
 */
import { Kafka } from "../../src/client/kafka.ts";
import type { ClusterHost } from "../../src/runtime/web-worker/cluster-host.ts";
import { pageClientIo } from "../../src/runtime/web-worker/page-client-io.ts";

export interface SteadyReport {
  produced: number;
  consumed: number;
  /** Values acknowledged but never consumed, or consumed twice (idempotence should stop that). */
  missing: string[];
  duplicates: number;
  errors: string[];
}

const text = new TextDecoder();

export class SteadyClient {
  private readonly acknowledged: string[] = [];
  private readonly consumed = new Map<string, number>();
  private readonly errors: string[] = [];
  private running = true;
  private loop: Promise<void> = Promise.resolve();
  private readonly kafka: Kafka;
  private readonly producer;
  private readonly consumer;

  constructor(
    host: ClusterHost,
    private readonly topic: string,
    private readonly intervalMs: number,
  ) {
    this.kafka = new Kafka({
      clientId: "steady",
      brokers: ["broker-1:9092", "broker-2:9092", "broker-3:9092"],
      transport: pageClientIo(host),
    });
    this.producer = this.kafka.producer({ acks: "all", "enable.idempotence": true });
    this.consumer = this.kafka.consumer({ groupId: `${topic}-readers` });
  }

  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: this.topic, numPartitions: 2, replicationFactor: 3 }],
    });
    await admin.disconnect();
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const value = text.decode(message.value!);
        this.consumed.set(value, (this.consumed.get(value) ?? 0) + 1);
      },
    });
    this.loop = this.produceUntilStopped();
  }

  private async produceUntilStopped(): Promise<void> {
    for (let i = 0; this.running; i++) {
      const value = `steady-${i}`;
      try {
        await this.producer.send({ topic: this.topic, messages: [{ key: `k${i % 7}`, value }] });
        this.acknowledged.push(value);
      } catch (error) {
        this.errors.push(`send ${value}: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    }
  }

  /** Records acknowledged so far. */
  get acknowledgedCount(): number {
    return this.acknowledged.length;
  }

  /** Stops producing, waits (up to `limitMs`) for the consumer to catch up, and reports. */
  async stop(limitMs: number): Promise<SteadyReport> {
    this.running = false;
    await this.loop;
    const deadline = performance.now() + limitMs;
    while (performance.now() < deadline && this.acknowledged.some((v) => !this.consumed.has(v))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.consumer
      .disconnect()
      .catch((error: unknown) => this.errors.push(`consumer: ${String(error)}`));
    await this.producer
      .disconnect()
      .catch((error: unknown) => this.errors.push(`producer: ${String(error)}`));
    return {
      produced: this.acknowledged.length,
      consumed: this.consumed.size,
      missing: this.acknowledged.filter((value) => !this.consumed.has(value)),
      duplicates: [...this.consumed.values()].filter((count) => count > 1).length,
      errors: this.errors,
    };
  }
}
