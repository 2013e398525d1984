/**
 * The two sticky assignors side by side, for tests that run the same scenario on both: how a
 * member reports what it had, and how a rebalance settles. Under the cooperative protocol a
 * partition moving between members is first only revoked, so a scenario settles after one
 * more rebalance in which members report what they now own (Kafka's
 * CooperativeStickyAssignorTest.verifyValidityAndBalance).
 */
import type { Subscription, TopicPartition } from "../assignor.ts";
import { CooperativeStickyAssignor } from "../cooperative-sticky-assignor.ts";
import { partitionsReassignedWhileOwned } from "../cooperative-validation.ts";
import { StickyAssignor } from "../sticky-assignor.ts";
import { cooperativeMember, stickyMember } from "./assignor-fixtures.ts";

export interface StickyFlavor {
  readonly name: string;
  readonly cooperative: boolean;
  create(): StickyAssignor | CooperativeStickyAssignor;
  /** A member that had `owned` in `generation`. */
  member(
    memberId: string,
    topics: readonly string[],
    owned: readonly TopicPartition[],
    generation: number,
  ): Subscription;
}

export const STICKY_FLAVORS: readonly StickyFlavor[] = [
  { name: "sticky", cooperative: false, create: () => new StickyAssignor(), member: stickyMember },
  {
    name: "cooperative-sticky",
    cooperative: true,
    create: () => new CooperativeStickyAssignor(),
    member: cooperativeMember,
  },
];

export interface Settled {
  /** The first rebalance's assignment. */
  readonly first: Map<string, TopicPartition[]>;
  /** The assignment once no partition is being revoked (the first one for eager). */
  readonly settled: Map<string, TopicPartition[]>;
  readonly subscriptions: Map<string, Subscription>;
  readonly rebalances: number;
}

/**
 * Assign, then for the cooperative flavor rebalance again (members reporting their new
 * partitions at `generation`) until nothing is revoked, checking the cooperative rule and
 * that it settles within 4 follow-up rebalances, as Kafka's test does.
 */
export function assignAndSettle(
  flavor: StickyFlavor,
  assignor: StickyAssignor | CooperativeStickyAssignor,
  partitionsPerTopic: ReadonlyMap<string, number>,
  subscriptions: ReadonlyMap<string, Subscription>,
  generation = 1,
): Settled {
  const first = assignor.assign(partitionsPerTopic, subscriptions);
  let current = first;
  let currentSubscriptions = new Map(subscriptions);
  let rebalances = 0;
  if (!flavor.cooperative)
    return { first, settled: first, subscriptions: currentSubscriptions, rebalances };
  for (;;) {
    const owned = new Map(
      [...currentSubscriptions].map(([member, s]) => [member, s.ownedPartitions]),
    );
    const violations = partitionsReassignedWhileOwned(owned, current);
    if (violations.length > 0)
      throw new Error(`reassigned while owned: ${JSON.stringify(violations)}`);
    const revoking = [...current].some(([member, assigned]) =>
      owned
        .get(member)!
        .some((o) => !assigned.some((a) => a.topic === o.topic && a.partition === o.partition)),
    );
    if (!revoking) break;
    if (++rebalances > 4) throw new Error("cooperative rebalances did not settle");
    currentSubscriptions = new Map(
      [...currentSubscriptions].map(([member, s]) => [
        member,
        flavor.member(member, s.topics, current.get(member)!, generation),
      ]),
    );
    current = assignor.assign(partitionsPerTopic, currentSubscriptions);
  }
  return { first, settled: current, subscriptions: currentSubscriptions, rebalances };
}
