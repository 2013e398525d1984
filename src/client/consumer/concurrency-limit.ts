/**
 * At most `limit` tasks at once (KafkaJS's partitionsConsumedConcurrently): the rest wait in
 * a queue no longer than the number of partitions fetched in one round.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(
        `partitionsConsumedConcurrently must be a positive integer, got ${limit}`,
      );
    }
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
