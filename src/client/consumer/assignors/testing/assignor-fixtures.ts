/**
 * Test support for the assignors: compact builders for topic partitions and subscriptions,
 * a seeded random source, and Kafka's validity and balance check
 * (AbstractStickyAssignorTest.verifyValidityAndBalance) as a function returning problems.
 */
import { subscriptionOf, type Subscription, type TopicPartition } from "../assignor.ts";
import { encodeStickyAssignorUserData } from "../sticky-user-data.ts";
import { byTopicThenPartition, compareStrings } from "../topic-partitions.ts";

export function tp(topic: string, partition: number): TopicPartition {
  return { topic, partition };
}

/** "t1-0, t1-2" for a list of partitions, in list order. */
export function show(partitions: readonly TopicPartition[] | undefined): string {
  return (partitions ?? []).map((p) => `${p.topic}-${p.partition}`).join(", ");
}

/** The same, sorted: for comparing sets. */
export function showSorted(partitions: readonly TopicPartition[] | undefined): string {
  return show([...(partitions ?? [])].sort(byTopicThenPartition));
}

export function partitionCounts(counts: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(counts));
}

/** A new member: no previous partitions, no generation. */
export function fresh(memberId: string, topics: readonly string[]): Subscription {
  return subscriptionOf(memberId, topics);
}

/** A cooperative member (ConsumerProtocolSubscription v2+): owned partitions + generation. */
export function cooperativeMember(
  memberId: string,
  topics: readonly string[],
  owned: readonly TopicPartition[],
  generation: number,
): Subscription {
  return subscriptionOf(memberId, topics, { ownedPartitions: owned, generationId: generation });
}

/**
 * An eager sticky member on protocol v2+, built as Kafka's StickyAssignorTest builds it: the
 * partitions it had travel in the userData (which the sticky assignor reads) and in the owned
 * list, and the subscription carries the generation.
 */
export function stickyMember(
  memberId: string,
  topics: readonly string[],
  previous: readonly TopicPartition[],
  generation: number,
): Subscription {
  return subscriptionOf(memberId, topics, {
    userData: encodeStickyAssignorUserData({ partitions: previous, generation }),
    ownedPartitions: previous,
    generationId: generation,
  });
}

export function subscriptionMap(...subscriptions: Subscription[]): Map<string, Subscription> {
  return new Map(subscriptions.map((s) => [s.memberId, s]));
}

/** mulberry32: a small seeded generator, so a failing property run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

/**
 * Problems with an assignment, empty when it is valid and balanced:
 * - every member of the group has an entry;
 * - a partition goes to at most one member, only to a subscriber, and exists;
 * - when `complete`, every partition of a subscribed topic is assigned;
 * - balance: two members whose counts differ by 2+ share no topic (else a partition could
 *   move from the fuller to the emptier one).
 */
export function assignmentProblems(
  partitionsPerTopic: ReadonlyMap<string, number>,
  subscriptions: ReadonlyMap<string, Subscription>,
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
  options: { complete?: boolean; balanced?: boolean } = {},
): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const member of subscriptions.keys()) {
    if (!assignment.has(member)) problems.push(`${member} has no entry`);
  }
  for (const [member, partitions] of assignment) {
    const topics = subscriptions.get(member)?.topics ?? [];
    for (const { topic, partition } of partitions) {
      const key = `${topic}-${partition}`;
      if (!topics.includes(topic)) problems.push(`${key} went to ${member}, not subscribed`);
      const count = partitionsPerTopic.get(topic) ?? 0;
      if (partition < 0 || partition >= count) problems.push(`${key} does not exist`);
      const other = owner.get(key);
      if (other !== undefined) problems.push(`${key} went to both ${other} and ${member}`);
      owner.set(key, member);
    }
  }
  if (options.complete ?? true) {
    const subscribed = new Set([...subscriptions.values()].flatMap((s) => s.topics));
    for (const topic of subscribed) {
      for (let p = 0; p < (partitionsPerTopic.get(topic) ?? 0); p++) {
        if (!owner.has(`${topic}-${p}`)) problems.push(`${topic}-${p} is unassigned`);
      }
    }
  }
  if (options.balanced ?? true) problems.push(...balanceProblems(assignment));
  return problems;
}

function balanceProblems(assignment: ReadonlyMap<string, readonly TopicPartition[]>): string[] {
  const problems: string[] = [];
  const members = [...assignment.keys()].sort(compareStrings);
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = assignment.get(members[i]!)!;
      const b = assignment.get(members[j]!)!;
      if (Math.abs(a.length - b.length) <= 1) continue;
      const topicsOfB = new Set(b.map((p) => p.topic));
      for (const topic of new Set(a.map((p) => p.topic))) {
        if (topicsOfB.has(topic)) {
          problems.push(
            `${members[i]} (${a.length}) and ${members[j]} (${b.length}) share ${topic}`,
          );
        }
      }
    }
  }
  return problems;
}

export function isFullyBalanced(
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
): boolean {
  const sizes = [...assignment.values()].map((partitions) => partitions.length);
  return sizes.length === 0 || Math.max(...sizes) - Math.min(...sizes) <= 1;
}
