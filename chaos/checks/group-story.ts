/**
 * What happened to the chaos groups, line by line, for the run's report when a group check
 * fails: every state change each coordinator told of (generation, members and what they
 * were given), who led the groups' __consumer_offsets partitions and with which ISR, and
 * each node's start and stop. A violation names a generation; the story shows how the
 * coordinators got there.
 */
import { OFFSETS_TOPIC } from "../../src/broker/group/offsets-topic.ts";
import type { TelemetryEvent } from "../../src/telemetry/telemetry-event.ts";

/** Lines kept at most (the earliest are dropped first). */
const STORY_LIMIT = 600;

type GroupEvent = Extract<TelemetryEvent, { kind: "group" }>;

/** One group event as a line: node, generation, state, each member (short id) and its partitions. */
export function describeGroupEvent(event: GroupEvent): string {
  const members = event.members
    .map((member) => {
      const partitions = member.assignment.flatMap(({ partitions }) => partitions);
      return `${shortMemberId(member.memberId)}=[${partitions.join(",")}]`;
    })
    .join(" ");
  return `node ${event.node}: group ${event.group} generation ${event.generation} ${event.state}: ${members || "no members"} (${event.reason})`;
}

/** "consumer-3-0dcc933f-2b11-…" → "consumer-3-0dcc933f": enough to tell members apart. */
function shortMemberId(memberId: string): string {
  const match = /^(.*-[0-9a-f]{8})-[0-9a-f]{4}-/.exec(memberId);
  return match === null ? memberId : match[1]!;
}

export class GroupStory {
  private readonly lines: { atMs: number; text: string }[] = [];
  private readonly coordinatorPartitions = new Set<number>();
  private dropped = 0;

  constructor(private readonly groups: ReadonlySet<string>) {}

  observe(event: TelemetryEvent, atMs: number): void {
    const text = this.describe(event);
    if (text === null) return;
    if (this.lines.length >= STORY_LIMIT) {
      this.lines.shift();
      this.dropped++;
    }
    this.lines.push({ atMs, text });
  }

  /** The story, each line timed in seconds from `originMs`. */
  told(originMs: number): string[] {
    const told = this.lines.map(
      ({ atMs, text }) => `${((atMs - originMs) / 1000).toFixed(1).padStart(7)} s  ${text}`,
    );
    return this.dropped > 0 ? [`(${this.dropped} earlier lines dropped)`, ...told] : told;
  }

  private describe(event: TelemetryEvent): string | null {
    switch (event.kind) {
      case "group":
        if (!this.groups.has(event.group)) return null;
        this.coordinatorPartitions.add(event.coordinatorPartition);
        return describeGroupEvent(event);
      case "partition-role":
        return this.coordinates(event.topic, event.partition)
          ? `node ${event.node}: ${event.topic}-${event.partition} ${event.role} (leader ${event.leader}, epoch ${event.leaderEpoch})`
          : null;
      case "isr-changed":
        return this.coordinates(event.topic, event.partition)
          ? `node ${event.node}: ${event.topic}-${event.partition} ISR [${event.isr.join(",")}] (leader epoch ${event.leaderEpoch})`
          : null;
      case "node":
        return `node ${event.node} ${event.action}${event.detail === undefined ? "" : `: ${event.detail}`}`;
      case "error":
        return event.where.includes(OFFSETS_TOPIC)
          ? `node ${event.node}: ${event.where}: ${event.message}`
          : null;
      default:
        return null;
    }
  }

  private coordinates(topic: string, partition: number): boolean {
    return topic === OFFSETS_TOPIC && this.coordinatorPartitions.has(partition);
  }
}
