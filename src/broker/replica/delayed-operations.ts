/**
 * Kafka's purgatory: requests that answer later. A Produce with acks=all waits until its
 * records are below the HW; a Fetch waits for fetch.min.bytes. Each waiting operation
 * watches some partitions; whenever something happens on one of them (an append, a HW
 * move, a leader change) the operations watching it try to complete; `expire` completes
 * those whose time is up. Completion happens exactly once.
 */
export interface DelayedOperation {
  /** Partition keys ("topic-partition") whose changes may let this complete. */
  readonly watchKeys: readonly string[];
  readonly deadlineMs: number;
  /** Finish now if the condition holds; return whether it finished. */
  tryComplete(): boolean;
  /** Time is up: finish with whatever is there. */
  onExpire(): void;
}

export class DelayedOperations {
  private readonly watchers = new Map<string, Set<DelayedOperation>>();
  private readonly pending = new Set<DelayedOperation>();

  constructor(private readonly maxPending = 100_000) {}

  get size(): number {
    return this.pending.size;
  }

  /**
   * Try once, and watch if that did not finish it. Returns false (not watched) when the
   * purgatory is full; the caller then answers at once, as if the deadline had passed.
   */
  tryCompleteElseWatch(operation: DelayedOperation): boolean {
    if (operation.tryComplete()) return true;
    if (this.pending.size >= this.maxPending) return false;
    this.pending.add(operation);
    for (const key of operation.watchKeys) {
      let set = this.watchers.get(key);
      if (set === undefined) this.watchers.set(key, (set = new Set()));
      set.add(operation);
    }
    return true;
  }

  /** Something changed on this partition: let its watchers try again. */
  checkAndComplete(key: string): void {
    const set = this.watchers.get(key);
    if (set === undefined) return;
    for (const operation of [...set]) {
      if (this.pending.has(operation) && operation.tryComplete()) this.remove(operation);
    }
  }

  expire(nowMs: number): void {
    for (const operation of [...this.pending]) {
      if (operation.deadlineMs > nowMs || !this.pending.has(operation)) continue;
      this.remove(operation);
      operation.onExpire();
    }
  }

  private remove(operation: DelayedOperation): void {
    this.pending.delete(operation);
    for (const key of operation.watchKeys) {
      const set = this.watchers.get(key);
      set?.delete(operation);
      if (set?.size === 0) this.watchers.delete(key);
    }
  }
}
