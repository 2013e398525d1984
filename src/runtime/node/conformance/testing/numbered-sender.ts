/**
 * Sends numbered messages ("m-0", "m-1", ...) to one partition, one send at a time, until
 * told to stop (it can be started again), and remembers what was acknowledged and when: the list a test compares
 * with the log after a failure. A send that KafkaJS gives up on is recorded as failed
 * (its outcome is unknown: it may or may not be in the log), and sending goes on.
 */
import type { Producer } from "kafkajs";

export interface Acknowledged {
  value: string;
  startedAtMs: number;
  acknowledgedAtMs: number;
  baseOffset: bigint;
}

export class NumberedSender {
  readonly acknowledged: Acknowledged[] = [];
  readonly failed: { value: string; error: string }[] = [];
  private stopping = false;
  private running: Promise<void> | null = null;
  private next = 0;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly partition: number,
  ) {}

  /** Start sending (again, after a stop: numbering carries on). */
  start(): void {
    this.stopping = false;
    this.running ??= this.loop();
  }

  /** Finish the send in flight, then stop. */
  async stop(): Promise<void> {
    this.requestStop();
    await this.running;
    this.running = null;
  }

  /** Send nothing more after the send in flight, without waiting for it. */
  requestStop(): void {
    this.stopping = true;
  }

  /** Resolves once `count` more messages have been acknowledged. */
  async acknowledgeMore(count: number, timeoutMs = 30_000): Promise<void> {
    const target = this.acknowledged.length + count;
    const deadline = Date.now() + timeoutMs;
    while (this.acknowledged.length < target) {
      if (Date.now() > deadline || this.stopping) {
        throw new Error(
          `only ${this.acknowledged.length} of ${target} messages acknowledged; failures: ${JSON.stringify(this.failed)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const value = `m-${this.next++}`;
      const startedAtMs = Date.now();
      try {
        const [metadata] = await this.producer.send({
          topic: this.topic,
          acks: -1,
          messages: [{ partition: this.partition, value }],
        });
        this.acknowledged.push({
          value,
          startedAtMs,
          acknowledgedAtMs: Date.now(),
          baseOffset: BigInt(metadata!.baseOffset!),
        });
      } catch (error) {
        this.failed.push({ value, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}
