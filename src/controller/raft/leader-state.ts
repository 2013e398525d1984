/**
 * What a leader tracks for its epoch (Kafka's LeaderState): each voter's and observer's
 * end offset and fetch times, the high watermark, which voters have acknowledged the new
 * epoch, and check-quorum — a leader that has not heard fetches from a majority within
 * 1.5 × controller.quorum.fetch.timeout.ms resigns, so an isolated leader cannot keep a
 * stale epoch alive (KAFKA-15489).
 */
import { MAX_TRACKED_OBSERVERS, OBSERVER_SESSION_TIMEOUT_MS } from "./raft-config.ts";

export interface ReplicaState {
  nodeId: number;
  /** -1 until the replica has fetched in this epoch. */
  endOffset: bigint;
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
  /** The leader's end offset when the replica last fetched, for lastCaughtUpTimestamp. */
  lastFetchLeaderEndOffset: bigint;
  /** The high watermark last sent to it: a fetch that would tell it a newer one is answered at once. */
  lastSentHighWatermark: bigint;
}

function newReplica(nodeId: number): ReplicaState {
  return {
    nodeId,
    endOffset: -1n,
    lastFetchTimestamp: -1,
    lastCaughtUpTimestamp: -1,
    lastFetchLeaderEndOffset: -1n,
    lastSentHighWatermark: -1n,
  };
}

export class LeaderState {
  readonly voterStates = new Map<number, ReplicaState>();
  readonly observerStates = new Map<number, ReplicaState>();
  /** null until an offset past the epoch start is on a majority (KIP-595). */
  private highWatermarkOffset: bigint | null = null;
  /** Voters that have not yet acknowledged this epoch (BeginQuorumEpoch answered or a fetch seen). */
  readonly unacknowledgedVoters: Set<number>;
  private readonly fetchedVoters = new Set<number>();
  private checkQuorumDeadlineMs: number;

  constructor(
    readonly localId: number,
    readonly epoch: number,
    /** The offset of this epoch's LeaderChangeMessage: the HW must pass it. */
    readonly epochStartOffset: bigint,
    private readonly voters: readonly number[],
    nowMs: number,
    private readonly checkQuorumTimeoutMs: number,
  ) {
    for (const voter of voters) this.voterStates.set(voter, newReplica(voter));
    this.unacknowledgedVoters = new Set(voters.filter((voter) => voter !== localId));
    this.checkQuorumDeadlineMs = nowMs + checkQuorumTimeoutMs;
  }

  get highWatermark(): bigint | null {
    return this.highWatermarkOffset;
  }

  get majority(): number {
    return Math.floor(this.voters.length / 2) + 1;
  }

  /** The leader's own end offset moved (an append was flushed). Returns true when the HW moved. */
  updateLocalEndOffset(endOffset: bigint, nowMs: number): boolean {
    const local = this.voterStates.get(this.localId)!;
    local.endOffset = endOffset;
    local.lastFetchTimestamp = nowMs;
    local.lastCaughtUpTimestamp = nowMs;
    return this.maybeAdvanceHighWatermark();
  }

  /**
   * A replica fetched from `fetchOffset` (its end offset). Returns true when the HW moved.
   * Observers are tracked for DescribeQuorum but never count toward the HW.
   */
  updateReplica(
    nodeId: number,
    fetchOffset: bigint,
    nowMs: number,
    leaderEndOffset: bigint,
  ): boolean {
    if (nodeId === this.localId) return false;
    const state = this.replicaFor(nodeId, nowMs);
    if (fetchOffset >= leaderEndOffset) {
      state.lastCaughtUpTimestamp = Math.max(state.lastCaughtUpTimestamp, nowMs);
    } else if (
      state.lastFetchLeaderEndOffset > 0n &&
      fetchOffset >= state.lastFetchLeaderEndOffset
    ) {
      state.lastCaughtUpTimestamp = Math.max(state.lastCaughtUpTimestamp, state.lastFetchTimestamp);
    }
    state.lastFetchLeaderEndOffset = leaderEndOffset;
    state.lastFetchTimestamp = nowMs;
    state.endOffset = fetchOffset;
    if (!this.voterStates.has(nodeId)) return false;
    this.unacknowledgedVoters.delete(nodeId);
    return this.maybeAdvanceHighWatermark();
  }

  replica(nodeId: number): ReplicaState | undefined {
    return this.voterStates.get(nodeId) ?? this.observerStates.get(nodeId);
  }

  private replicaFor(nodeId: number, nowMs: number): ReplicaState {
    const voter = this.voterStates.get(nodeId);
    if (voter !== undefined) return voter;
    let observer = this.observerStates.get(nodeId);
    if (observer === undefined) {
      this.expireObservers(nowMs);
      if (this.observerStates.size >= MAX_TRACKED_OBSERVERS) this.dropLeastRecentObserver();
      observer = newReplica(nodeId);
      this.observerStates.set(nodeId, observer);
    }
    return observer;
  }

  private dropLeastRecentObserver(): void {
    let oldest: ReplicaState | null = null;
    for (const state of this.observerStates.values()) {
      if (oldest === null || state.lastFetchTimestamp < oldest.lastFetchTimestamp) oldest = state;
    }
    if (oldest !== null) this.observerStates.delete(oldest.nodeId);
  }

  expireObservers(nowMs: number): void {
    for (const [nodeId, state] of this.observerStates) {
      if (nowMs - state.lastFetchTimestamp >= OBSERVER_SESSION_TIMEOUT_MS)
        this.observerStates.delete(nodeId);
    }
  }

  /**
   * The HW is the largest end offset a majority of voters has reached, but only once it is
   * past this epoch's start: committing an entry of an older epoch by counting replicas is
   * unsafe (Raft §5.4.2), so the leader first commits its own LeaderChangeMessage.
   */
  private maybeAdvanceHighWatermark(): boolean {
    const endOffsets = [...this.voterStates.values()]
      .map((state) => state.endOffset)
      .sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    const majorityOffset = endOffsets[this.majority - 1]!;
    if (majorityOffset <= this.epochStartOffset) return false;
    if (this.highWatermarkOffset !== null && majorityOffset <= this.highWatermarkOffset)
      return false;
    this.highWatermarkOffset = majorityOffset;
    return true;
  }

  /** A voter fetched in this epoch: it counts toward check-quorum. */
  noteVoterFetch(nodeId: number, nowMs: number): void {
    if (!this.voterStates.has(nodeId) || nodeId === this.localId) return;
    this.fetchedVoters.add(nodeId);
    if (this.fetchedVoters.size >= this.majority - 1) {
      this.fetchedVoters.clear();
      this.checkQuorumDeadlineMs = nowMs + this.checkQuorumTimeoutMs;
    }
  }

  hasCheckQuorumExpired(nowMs: number): boolean {
    return this.voters.length > 1 && nowMs >= this.checkQuorumDeadlineMs;
  }

  /** Other voters, most caught up first: the successors a resigning leader proposes. */
  nonLeaderVotersByDescendingEndOffset(): number[] {
    return [...this.voterStates.values()]
      .filter((state) => state.nodeId !== this.localId)
      .sort((a, b) =>
        a.endOffset > b.endOffset ? -1 : a.endOffset < b.endOffset ? 1 : a.nodeId - b.nodeId,
      )
      .map((state) => state.nodeId);
  }
}
