/**
 * The active controller's soft state about brokers, kept out of the metadata log as Kafka's
 * BrokerHeartbeatManager does: when each broker was last heard from (its session), the
 * metadata offset it last reported, and, during a controlled shutdown, the offset its
 * leadership moves were written at. A new active controller starts every session afresh,
 * so after a failover fencing a dead broker takes one more session timeout.
 */

interface HeartbeatState {
  lastContactMs: number;
  /** The broker's last reported metadata offset; -1 before its first heartbeat. */
  metadataOffset: bigint;
  /** Offset at which its controlled shutdown is complete, or null when not shutting down. */
  controlledShutdownOffset: bigint | null;
}

export class BrokerHeartbeats {
  private readonly brokers = new Map<number, HeartbeatState>();

  constructor(private readonly sessionTimeoutMs: () => number) {}

  /** Start (or restart) tracking a broker with a fresh session, as on registration or activation. */
  register(brokerId: number, nowMs: number): void {
    this.brokers.set(brokerId, {
      lastContactMs: nowMs,
      metadataOffset: -1n,
      controlledShutdownOffset: null,
    });
  }

  remove(brokerId: number): void {
    this.brokers.delete(brokerId);
  }

  hasValidSession(brokerId: number, nowMs: number): boolean {
    const state = this.brokers.get(brokerId);
    return state !== undefined && !this.expired(state, nowMs);
  }

  /** A heartbeat arrived: the session is renewed and the broker's metadata offset noted. */
  touch(brokerId: number, nowMs: number, fenced: boolean, metadataOffset: bigint): void {
    const state = this.stateOf(brokerId, nowMs);
    state.lastContactMs = nowMs;
    state.metadataOffset = metadataOffset;
    // A fenced broker leaves controlled shutdown; its next heartbeat shuts it down at once.
    if (fenced) state.controlledShutdownOffset = null;
  }

  /** The broker was fenced without a heartbeat (its session expired). */
  fence(brokerId: number): void {
    const state = this.brokers.get(brokerId);
    if (state !== undefined) state.controlledShutdownOffset = null;
  }

  isShuttingDown(brokerId: number): boolean {
    return this.brokers.get(brokerId)?.controlledShutdownOffset != null;
  }

  /** Only the first offset counts: later heartbeats of the same shutdown do not move it. */
  beginControlledShutdown(brokerId: number, offset: bigint, nowMs: number): void {
    const state = this.stateOf(brokerId, nowMs);
    if (state.controlledShutdownOffset === null) state.controlledShutdownOffset = offset;
  }

  controlledShutdownOffset(brokerId: number): bigint | null {
    return this.brokers.get(brokerId)?.controlledShutdownOffset ?? null;
  }

  /**
   * The lowest metadata offset among the given active brokers: once it reaches a shutting-down
   * broker's shutdown offset, every live broker has seen its leadership moves.
   */
  lowestOffsetOf(activeBrokerIds: Iterable<number>): bigint | null {
    let lowest: bigint | null = null;
    for (const id of activeBrokerIds) {
      const offset = this.brokers.get(id)?.metadataOffset ?? -1n;
      if (lowest === null || offset < lowest) lowest = offset;
    }
    return lowest;
  }

  /** Among `candidates` (unfenced brokers), the one whose session expired longest ago, if any. */
  oldestExpired(candidates: Iterable<number>, nowMs: number): number | null {
    let oldest: { id: number; lastContactMs: number } | null = null;
    for (const id of candidates) {
      const state = this.stateOf(id, nowMs);
      if (!this.expired(state, nowMs)) continue;
      if (oldest === null || state.lastContactMs < oldest.lastContactMs)
        oldest = { id, lastContactMs: state.lastContactMs };
    }
    return oldest?.id ?? null;
  }

  private expired(state: HeartbeatState, nowMs: number): boolean {
    return nowMs - state.lastContactMs > this.sessionTimeoutMs();
  }

  /** Brokers known from the image but never seen by this controller start a session now. */
  private stateOf(brokerId: number, nowMs: number): HeartbeatState {
    let state = this.brokers.get(brokerId);
    if (state === undefined) {
      state = { lastContactMs: nowMs, metadataOffset: -1n, controlledShutdownOffset: null };
      this.brokers.set(brokerId, state);
    }
    return state;
  }
}
