/**
 * Watches a consumer group through its members' instrumentation events (group_join,
 * partitions_revoked / _assigned / _lost) and their eachBatch calls: what each member owns
 * now, when the group's assignment is complete and balanced, and when each partition was
 * last consumed. From that it reads a rebalance's figures: how long until every member had
 * its final assignment, how many partitions were revoked, and the longest time any
 * partition went without being consumed.
 */
import { CONSUMER_EVENTS } from "../../src/client/consumer/consumer-events.ts";
import type { Consumer } from "../../src/client/consumer/consumer.ts";

export interface AssignmentEvent {
  atMs: number;
  member: number;
  kind: "group_join" | "revoked" | "assigned" | "lost";
  partitions: number[];
}

export interface RebalanceFigures {
  /** The fourth member's run() until every member held its final assignment. */
  joinToFinalAssignmentMs: number;
  /** The fourth member's run() until the last group_join any member reported. */
  joinToLastGroupJoinMs: number;
  /** Partitions the members gave up (partitions_revoked / _lost) after the join. */
  revokedPartitions: number;
  /** Partitions whose owner differs after the rebalance. */
  movedPartitions: number;
  /** The longest time one partition went unconsumed, over gaps overlapping the rebalance. */
  longestGapMs: number;
  longestGapPartition: number;
  /** The same measure over the steady consumption just before the join. */
  baselineLongestGapMs: number;
  /** Revocations after the final assignment (0 when the group stayed settled). */
  revokedAfterFinal: number;
  /** Every event, with times relative to the join. */
  events: AssignmentEvent[];
}

/** Bounds the consumption log: a run far longer than planned fails instead of eating memory. */
const MAX_CONSUMPTIONS = 2_000_000;
/** Bounds the event log the same way. */
const MAX_EVENTS = 10_000;

export class GroupWatch {
  private readonly owned: Set<number>[] = [];
  private readonly consumedAt: number[][];
  private readonly log: AssignmentEvent[] = [];
  private consumptions = 0;
  private overflowed = false;
  /** When the assignment last became complete and balanced; NaN while it is not. */
  balancedSince = Number.NaN;

  constructor(
    private readonly topic: string,
    private readonly partitions: number,
    private readonly nowMs: () => number,
  ) {
    this.consumedAt = Array.from({ length: partitions }, () => []);
  }

  /**
   * Follows `consumer`'s events as the next member (numbered from 0). Attach a member when
   * it starts: the group counts as balanced only when every attached member has its share.
   */
  attach(consumer: Consumer): void {
    const member = this.owned.length;
    this.owned.push(new Set());
    this.update();
    const ofTopic = (list: { topic: string; partition: number }[]) =>
      list.filter((each) => each.topic === this.topic).map((each) => each.partition);
    consumer.on(CONSUMER_EVENTS.GROUP_JOIN, ({ payload }) =>
      this.record(member, "group_join", payload.memberAssignment[this.topic] ?? []),
    );
    consumer.on(CONSUMER_EVENTS.PARTITIONS_REVOKED, ({ payload }) =>
      this.record(member, "revoked", ofTopic(payload.partitions)),
    );
    consumer.on(CONSUMER_EVENTS.PARTITIONS_LOST, ({ payload }) =>
      this.record(member, "lost", ofTopic(payload.partitions)),
    );
    consumer.on(CONSUMER_EVENTS.PARTITIONS_ASSIGNED, ({ payload }) =>
      this.record(member, "assigned", ofTopic(payload.partitions)),
    );
  }

  /** A member's eachBatch got records of `partition`. */
  consumed(partition: number): void {
    if (++this.consumptions > MAX_CONSUMPTIONS) {
      throw new Error(`more than ${MAX_CONSUMPTIONS} consumptions logged`);
    }
    this.consumedAt[partition]!.push(this.nowMs());
  }

  /** Every partition consumed at or after `atMs`. */
  allConsumedSince(atMs: number): boolean {
    return this.consumedAt.every((times) => (times.at(-1) ?? -Infinity) >= atMs);
  }

  /** Who owns what, for an error message. */
  describe(): string {
    return this.owned.map((set, member) => `member ${member}: [${[...set].join(",")}]`).join("; ");
  }

  figures(joinAtMs: number, finalAtMs: number, baselineMs: number): RebalanceFigures {
    if (this.overflowed) throw new Error(`more than ${MAX_EVENTS} group events`);
    const after = this.log.filter((event) => event.atMs >= joinAtMs);
    const joins = after.filter((event) => event.kind === "group_join");
    const revoked = (events: AssignmentEvent[]) =>
      events
        .filter((event) => event.kind === "revoked" || event.kind === "lost")
        .reduce((sum, event) => sum + event.partitions.length, 0);
    const gap = this.longestGap(joinAtMs, finalAtMs);
    return {
      joinToFinalAssignmentMs: finalAtMs - joinAtMs,
      joinToLastGroupJoinMs: (joins.at(-1)?.atMs ?? Number.NaN) - joinAtMs,
      revokedPartitions: revoked(after.filter((event) => event.atMs <= finalAtMs)),
      movedPartitions: this.movedSince(joinAtMs),
      longestGapMs: gap.ms,
      longestGapPartition: gap.partition,
      baselineLongestGapMs: this.longestGap(joinAtMs - baselineMs, joinAtMs, true).ms,
      revokedAfterFinal: revoked(after.filter((event) => event.atMs > finalAtMs)),
      events: this.log.map((event) => ({ ...event, atMs: event.atMs - joinAtMs })),
    };
  }

  private record(member: number, kind: AssignmentEvent["kind"], partitions: number[]): void {
    // A listener's throw would be swallowed by the consumer: remember it for figures() instead.
    if (this.log.length >= MAX_EVENTS) {
      this.overflowed = true;
      return;
    }
    this.log.push({ atMs: this.nowMs(), member, kind, partitions: [...partitions] });
    const owned = this.owned[member]!;
    if (kind === "group_join") {
      owned.clear();
      for (const partition of partitions) owned.add(partition);
    } else if (kind === "revoked" || kind === "lost") {
      for (const partition of partitions) owned.delete(partition);
    }
    this.update();
  }

  private update(): void {
    const balanced = this.isBalanced();
    if (!balanced) this.balancedSince = Number.NaN;
    else if (Number.isNaN(this.balancedSince)) this.balancedSince = this.nowMs();
  }

  /** Every partition owned by exactly one member, and every member owning its even share. */
  private isBalanced(): boolean {
    const members = this.owned.length;
    const fewest = Math.floor(this.partitions / members);
    const seen = new Set<number>();
    for (const set of this.owned) {
      if (set.size < fewest || set.size > Math.ceil(this.partitions / members)) return false;
      for (const partition of set) {
        if (seen.has(partition)) return false;
        seen.add(partition);
      }
    }
    return seen.size === this.partitions;
  }

  /** Partitions whose owner now differs from the owner their last group_join before `atMs` named. */
  private movedSince(atMs: number): number {
    const before = new Map<number, number>();
    for (const event of this.log) {
      if (event.atMs >= atMs || event.kind !== "group_join") continue;
      for (const partition of event.partitions) before.set(partition, event.member);
    }
    let moved = 0;
    this.owned.forEach((set, member) => {
      for (const partition of set) if (before.get(partition) !== member) moved++;
    });
    return moved;
  }

  /**
   * The longest time between two consumptions of one partition, over gaps that overlap
   * [fromMs, toMs] (or, `inside`, lie within it).
   */
  private longestGap(
    fromMs: number,
    toMs: number,
    inside = false,
  ): { ms: number; partition: number } {
    let longest = { ms: 0, partition: -1 };
    this.consumedAt.forEach((times, partition) => {
      for (let index = 1; index < times.length; index++) {
        const start = times[index - 1]!;
        const end = times[index]!;
        const counts = inside ? start >= fromMs && end <= toMs : end >= fromMs && start <= toMs;
        if (counts && end - start > longest.ms) longest = { ms: end - start, partition };
      }
    });
    return longest;
  }
}
