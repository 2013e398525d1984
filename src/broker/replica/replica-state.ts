/**
 * What a partition leader knows about one follower, from the follower's fetches: its LEO
 * and when it was last caught up. This is what the HW and ISR decisions are made from,
 * with Kafka's rule: a follower is caught up when a fetch asked from at least the
 * leader's LEO (at that moment), or from at least the leader's LEO at its previous fetch.
 */
export class ReplicaState {
  /** -1 until the follower's first fetch after this broker became leader. */
  logEndOffset = -1n;
  lastCaughtUpTimeMs: number;
  lastFetchTimeMs = -1;
  private lastFetchLeaderLogEndOffset = -1n;

  constructor(
    readonly brokerId: number,
    nowMs: number,
  ) {
    // A replica in the ISR when this broker became leader counts as caught up from now.
    this.lastCaughtUpTimeMs = nowMs;
  }

  updateFetch(fetchOffset: bigint, leaderLogEndOffset: bigint, nowMs: number): void {
    if (fetchOffset >= leaderLogEndOffset)
      this.lastCaughtUpTimeMs = Math.max(this.lastCaughtUpTimeMs, nowMs);
    else if (fetchOffset >= this.lastFetchLeaderLogEndOffset) {
      this.lastCaughtUpTimeMs = Math.max(this.lastCaughtUpTimeMs, this.lastFetchTimeMs);
    }
    this.logEndOffset = fetchOffset;
    this.lastFetchLeaderLogEndOffset = leaderLogEndOffset;
    this.lastFetchTimeMs = nowMs;
  }

  isCaughtUp(leaderLogEndOffset: bigint, nowMs: number, replicaLagTimeMaxMs: number): boolean {
    return (
      this.logEndOffset === leaderLogEndOffset ||
      nowMs - this.lastCaughtUpTimeMs <= replicaLagTimeMaxMs
    );
  }
}
