/**
 * The sticky assignor's `sortedCurrentSubscriptions`: consumers ascending by how many
 * partitions they hold, ties broken by member id (Kafka's SubscriptionComparator over a
 * TreeSet). Like the TreeSet, it does not notice a size changing under it: callers remove a
 * consumer before changing its assignment and add it back afterwards.
 */
import { compareStrings } from "../topic-partitions.ts";

export class SortedConsumers implements Iterable<string> {
  private readonly order: string[] = [];

  constructor(private readonly sizeOf: (consumer: string) => number) {}

  private compare(a: string, b: string): number {
    return this.sizeOf(a) - this.sizeOf(b) || compareStrings(a, b);
  }

  get size(): number {
    return this.order.length;
  }

  add(consumer: string): void {
    if (this.order.includes(consumer)) return;
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.order[middle]!, consumer) < 0) low = middle + 1;
      else high = middle;
    }
    this.order.splice(low, 0, consumer);
  }

  remove(consumer: string): void {
    const index = this.order.indexOf(consumer);
    if (index >= 0) this.order.splice(index, 1);
  }

  first(): string | undefined {
    return this.order[0];
  }

  last(): string | undefined {
    return this.order[this.order.length - 1];
  }

  /** Iterates a snapshot, so a caller may move the consumer it found and stop. */
  [Symbol.iterator](): Iterator<string> {
    return [...this.order][Symbol.iterator]();
  }
}
