/**
 * Fetch pipelining, as Java's consumer does it (KafkaConsumer.poll sends the next fetches
 * before it returns the records it has, "to enable pipelining while the user is handling the
 * fetched records"): as soon as a leader's records arrive, the fetch for what comes after
 * them goes out, while the handler works on these. The next pass uses it only when it asks
 * that leader for exactly the same partitions from exactly those positions under the same
 * epochs — everything was resolved, nothing was sought, paused, revoked or reset meanwhile;
 * otherwise it is dropped and a fresh fetch goes out. At most one per leader, and none
 * survives the pass after the one that started it.
 */
import type { FetchTarget, PartitionFetchResult } from "./fetcher.ts";

interface Prefetch {
  targets: readonly FetchTarget[];
  results: Promise<PartitionFetchResult[]>;
}

export class FetchPipeline {
  /** Started during the current pass, for the next one. */
  private ahead = new Map<number, Prefetch>();
  /** Started during the previous pass, for this one. */
  private due = new Map<number, Prefetch>();

  /** A pass begins: what the previous pass started is due now; anything older is dropped. */
  beginPass(): void {
    this.due = this.ahead;
    this.ahead = new Map();
  }

  /** The fetch already on its way from `nodeId` for exactly `targets`, or null. */
  take(nodeId: number, targets: readonly FetchTarget[]): Promise<PartitionFetchResult[]> | null {
    const prefetch = this.due.get(nodeId);
    this.due.delete(nodeId);
    return prefetch !== undefined && sameTargets(prefetch.targets, targets)
      ? prefetch.results
      : null;
  }

  /** Sends `fetch` for `targets` now, for the next pass. */
  start(
    nodeId: number,
    targets: readonly FetchTarget[],
    fetch: () => Promise<PartitionFetchResult[]>,
  ): void {
    const results = fetch();
    // A failure shows when the fetch is taken; one that is dropped fails quietly.
    results.catch(() => {});
    this.ahead.set(nodeId, { targets, results });
  }

  /** Drops every fetch on its way (the consumer stopped). */
  clear(): void {
    this.ahead.clear();
    this.due.clear();
  }
}

function sameTargets(a: readonly FetchTarget[], b: readonly FetchTarget[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const x = a[index]!;
    const y = b[index]!;
    if (x.state !== y.state || x.fetchOffset !== y.fetchOffset || x.epoch !== y.epoch) return false;
  }
  return true;
}
