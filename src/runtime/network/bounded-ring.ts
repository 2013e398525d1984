/**
 * A fixed-capacity FIFO that overwrites its oldest item when full, numbering every item it
 * ever took so an item can be found again by number while it is still held. The packet
 * inspector keeps the last frames' bytes in one; the page's telemetry feed uses another.
 */
export class BoundedRing<T> {
  private readonly items: (T | undefined)[];
  /** Sequence number of the oldest item held. */
  private firstSequence = 0;
  private nextSequence = 0;
  /** Items overwritten before anyone drained them, since the last drain. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError("a ring holds at least one item");
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.nextSequence - this.firstSequence;
  }

  /** Adds `item`, dropping the oldest when full; returns its sequence number. */
  push(item: T): number {
    if (this.size === this.capacity) {
      this.items[this.firstSequence % this.capacity] = undefined;
      this.firstSequence++;
      this.dropped++;
    }
    const sequence = this.nextSequence++;
    this.items[sequence % this.capacity] = item;
    return sequence;
  }

  /** The item numbered `sequence`, or undefined once it was overwritten or drained. */
  get(sequence: number): T | undefined {
    if (
      !Number.isInteger(sequence) ||
      sequence < this.firstSequence ||
      sequence >= this.nextSequence
    )
      return undefined;
    return this.items[sequence % this.capacity];
  }

  /** Removes and returns everything held, oldest first, with the count dropped before it. */
  drain(): { items: T[]; dropped: number } {
    const items: T[] = [];
    for (let sequence = this.firstSequence; sequence < this.nextSequence; sequence++) {
      items.push(this.items[sequence % this.capacity]!);
      this.items[sequence % this.capacity] = undefined;
    }
    this.firstSequence = this.nextSequence;
    const dropped = this.dropped;
    this.dropped = 0;
    return { items, dropped };
  }
}
