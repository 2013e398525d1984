/**
 * No partition is owned by two members of a group in the same generation. Watched from the
 * coordinators' own telemetry: every "group" event lists the members of the generation
 * and what their assignment gives them. Each coordinator that ever hosts the group (it
 * moves with the leader of its __consumer_offsets partition when a broker dies) must tell
 * the same story: a generation's assignment, once given, never hands a partition to a
 * second member — not in one event, not across events, not from another coordinator.
 *
 * Only Stable events count: a generation's assignment exists once its leader's SyncGroup
 * was handed out. Before that (CompletingRebalance) the members still carry what the
 * previous generation gave them — Kafka's DescribeGroups shows no assignment then — so
 * those lists speak of the generation before, not of the one the event names.
 */
import type { TelemetryEvent } from "../../src/telemetry/telemetry-event.ts";

interface Owner {
  memberId: string;
  /** The coordinator that said so first, and the group's state then. */
  node: number;
  state: string;
}

/** Violations kept at most; more are counted. */
const MAX_VIOLATIONS = 50;

export class GenerationOwnership {
  readonly violations: string[] = [];
  violationCount = 0;
  /** "group@generation" → "topic:partition" → the member given it, and who said so. */
  private readonly owners = new Map<string, Map<string, Owner>>();
  private readonly generations = new Map<string, Set<number>>();

  /** Only events of these groups count (all when omitted). */
  constructor(private readonly groups?: ReadonlySet<string>) {}

  observe(event: TelemetryEvent): void {
    if (event.kind !== "group" || event.protocolType !== "consumer") return;
    if (this.groups !== undefined && !this.groups.has(event.group)) return;
    const seen = this.generations.get(event.group) ?? new Set<number>();
    seen.add(event.generation);
    this.generations.set(event.group, seen);
    if (event.state !== "Stable") return;
    const key = `${event.group}@${event.generation}`;
    const owners = this.owners.get(key) ?? new Map<string, Owner>();
    this.owners.set(key, owners);
    for (const member of event.members) {
      for (const { topic, partitions } of member.assignment) {
        for (const partition of partitions) {
          const name = `${topic}:${partition}`;
          const owner = owners.get(name);
          if (owner === undefined)
            owners.set(name, { memberId: member.memberId, node: event.node, state: event.state });
          else if (owner.memberId !== member.memberId)
            this.violate(
              `group ${event.group} generation ${event.generation}: ${name} owned by ${owner.memberId} (node ${owner.node} said, ${owner.state}) and by ${member.memberId} (node ${event.node} says, ${event.state})`,
            );
        }
      }
    }
  }

  /** How many generations of `group` the coordinators told of. */
  generationsOf(group: string): number {
    return this.generations.get(group)?.size ?? 0;
  }

  private violate(sentence: string): void {
    this.violationCount++;
    if (this.violations.length < MAX_VIOLATIONS) this.violations.push(sentence);
  }
}
