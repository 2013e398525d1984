/**
 * Fetches the leader holds while it has nothing new for them (a long poll, up to the
 * request's maxWaitMs): each is answered when records arrive or the high watermark moves,
 * when its wait runs out (on a tick), or at once when the leader stops leading
 * (the answer then carries the error and the leader it knows). Bounded: past
 * MAX_PARKED_FETCHES a fetch is answered at once instead.
 */
import { MAX_PARKED_FETCHES } from "./raft-config.ts";

export interface ParkedFetch {
  deadlineMs: number;
  /** Builds the answer from the state now and sends it (an error answer once leadership is gone). */
  answer(): void;
}

export class FetchPurgatory {
  private readonly parked = new Set<ParkedFetch>();

  get size(): number {
    return this.parked.size;
  }

  /** False when full: the caller answers at once. */
  park(fetch: ParkedFetch): boolean {
    if (this.parked.size >= MAX_PARKED_FETCHES) return false;
    this.parked.add(fetch);
    return true;
  }

  /** Answer every held fetch (new records, or a new high watermark to tell). */
  completeAll(): void {
    const all = [...this.parked];
    this.parked.clear();
    for (const fetch of all) fetch.answer();
  }

  /** Answer the fetches whose wait has run out. */
  expire(nowMs: number): void {
    for (const fetch of [...this.parked]) {
      if (fetch.deadlineMs > nowMs) continue;
      this.parked.delete(fetch);
      fetch.answer();
    }
  }
}
