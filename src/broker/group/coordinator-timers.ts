/**
 * The coordinator's timers, fired from its tick (the node ticks every 10 ms): heartbeat
 * expirations, pending-member expirations, join and sync deadlines. Each timer has a key;
 * scheduling a key again replaces its timer, which is how a heartbeat pushes its member's
 * deadline back. Kafka keeps these in purgatories; here one map does, checked only when
 * the earliest deadline has passed.
 */
export type TimerKey = string;

interface Timer {
  deadlineMs: number;
  fire: () => void;
}

export class CoordinatorTimers {
  private readonly timers = new Map<TimerKey, Timer>();
  private earliestMs = Infinity;

  get size(): number {
    return this.timers.size;
  }

  schedule(key: TimerKey, deadlineMs: number, fire: () => void): void {
    this.timers.set(key, { deadlineMs, fire });
    if (deadlineMs < this.earliestMs) this.earliestMs = deadlineMs;
  }

  cancel(key: TimerKey): void {
    this.timers.delete(key);
  }

  has(key: TimerKey): boolean {
    return this.timers.has(key);
  }

  deadline(key: TimerKey): number | undefined {
    return this.timers.get(key)?.deadlineMs;
  }

  /** Cancel every timer whose key starts with `prefix` (a group's timers when it unloads). */
  cancelPrefix(prefix: string): void {
    for (const key of [...this.timers.keys()]) if (key.startsWith(prefix)) this.timers.delete(key);
  }

  /**
   * Fire every timer due at `nowMs`, earliest first. A firing timer may cancel or replace
   * others (then those do not fire) or schedule new ones (they fire on a later tick).
   */
  fireDue(nowMs: number): void {
    if (nowMs < this.earliestMs) return;
    const due = [...this.timers]
      .filter(([, timer]) => timer.deadlineMs <= nowMs)
      .sort(([, a], [, b]) => a.deadlineMs - b.deadlineMs);
    for (const [key, timer] of due) {
      if (this.timers.get(key) !== timer) continue;
      this.timers.delete(key);
      timer.fire();
    }
    this.earliestMs = Infinity;
    for (const timer of this.timers.values())
      if (timer.deadlineMs < this.earliestMs) this.earliestMs = timer.deadlineMs;
  }
}

/** Timer keys: one per member for its session, one per group for its join and sync phases. */
export const timerKeys = {
  group: (groupId: string) => `${groupId}\u0000`,
  heartbeat: (groupId: string, memberId: string) => `${groupId}\u0000heartbeat\u0000${memberId}`,
  pendingMember: (groupId: string, memberId: string) => `${groupId}\u0000pending\u0000${memberId}`,
  join: (groupId: string) => `${groupId}\u0000join`,
  sync: (groupId: string) => `${groupId}\u0000sync`,
};
