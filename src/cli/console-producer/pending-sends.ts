/**
 * Sends a tool has handed to the producer and not yet seen answered, at most `bound` of
 * them: Java's send() returns at once and blocks only when buffer.memory is full; a
 * KafkaJS-shaped send() returns a promise per call, so the tool keeps a bounded set and
 * waits for the oldest before adding to a full one.
 */
export class PendingSends {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly bound = 10_000) {}

  /** Adds `send` (which must not reject: its handler does the logging); waits while full. */
  async track(send: Promise<void>): Promise<void> {
    const tracked = send.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    if (this.pending.size >= this.bound) await this.pending.values().next().value;
  }

  /** Resolves once every tracked send has been answered. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
