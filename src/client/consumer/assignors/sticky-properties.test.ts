/**
 * Seeded random groups for both sticky assignors (in the spirit of Kafka's
 * testReassignmentWithRandomSubscriptionsAndChanges): every partition of a subscribed topic
 * assigned exactly once, only to subscribers, balanced by Kafka's rule; under cooperative,
 * nothing handed over while still owned and settled within a few rebalances; and with equal
 * subscriptions, every member keeps min(before, after) of its partitions.
 */
import { describe, expect, it } from "vitest";
import type { Subscription, TopicPartition } from "./assignor.ts";
import {
  assignmentProblems,
  fresh,
  isFullyBalanced,
  randomInt,
  seededRandom,
  subscriptionMap,
} from "./testing/assignor-fixtures.ts";
import { assignAndSettle, STICKY_FLAVORS } from "./testing/sticky-flavors.ts";

function randomGroup(random: () => number, equalSubscriptions: boolean) {
  const topics = Array.from({ length: 1 + randomInt(random, 6) }, (_, i) => `topic-${i}`);
  const counts = new Map(topics.map((t) => [t, randomInt(random, 8)]));
  const pick = () => (equalSubscriptions ? topics : topics.filter(() => random() < 0.5));
  const members = Array.from({ length: 1 + randomInt(random, 7) }, (_, i) => ({
    id: `member-${i}`,
    topics: pick(),
  }));
  return { topics, counts, members, pick };
}

const key = (p: TopicPartition) => `${p.topic}-${p.partition}`;

describe.each(STICKY_FLAVORS)("$name: properties", (flavor) => {
  it("stays valid, complete and balanced through random changes", () => {
    for (let seed = 1; seed <= 120; seed++) {
      const random = seededRandom(seed);
      const equal = random() < 0.4;
      const { counts, members, pick } = randomGroup(random, equal);
      const assignor = flavor.create();
      let subscriptions = subscriptionMap(...members.map((m) => fresh(m.id, m.topics)));
      let { settled } = assignAndSettle(flavor, assignor, counts, subscriptions, 1);
      expect(assignmentProblems(counts, subscriptions, settled), `seed ${seed}`).toEqual([]);

      for (let round = 2; round <= 4; round++) {
        const next: Subscription[] = [];
        for (const [id, subscription] of subscriptions) {
          if (random() < 0.2) continue; // leaves
          const topics = !equal && random() < 0.3 ? pick() : subscription.topics;
          next.push(flavor.member(id, topics, settled.get(id)!, round - 1));
        }
        if (random() < 0.5 || next.length === 0) {
          next.push(
            flavor.member(
              `joiner-${seed}-${round}`,
              equal ? subscriptions.values().next().value!.topics : pick(),
              [],
              round - 1,
            ),
          );
        }
        subscriptions = subscriptionMap(...next);
        const result = assignAndSettle(flavor, assignor, counts, subscriptions, round - 1);
        settled = result.settled;
        expect(
          assignmentProblems(counts, result.subscriptions, settled),
          `seed ${seed} round ${round}`,
        ).toEqual([]);
        if (equal) expect(isFullyBalanced(settled), `seed ${seed}`).toBe(true);
      }
    }
  });

  it("with equal subscriptions keeps min(before, after) partitions on every member", () => {
    for (let seed = 500; seed < 620; seed++) {
      const random = seededRandom(seed);
      const { counts, members } = randomGroup(random, true);
      const topics = members[0]!.topics;
      const assignor = flavor.create();
      const before = assignor.assign(
        counts,
        subscriptionMap(...members.map((m) => fresh(m.id, topics))),
      );
      const staying = members.filter(() => random() < 0.7);
      const joining = Array.from({ length: randomInt(random, 3) }, (_, i) => `new-${i}`);
      if (staying.length + joining.length === 0) continue;
      const subscriptions = subscriptionMap(
        ...staying.map((m) => flavor.member(m.id, topics, before.get(m.id)!, 1)),
        ...joining.map((id) => flavor.member(id, topics, [], 1)),
      );
      const { settled } = assignAndSettle(flavor, assignor, counts, subscriptions, 1);
      for (const member of staying) {
        const had = new Set(before.get(member.id)!.map(key));
        const has = settled.get(member.id)!;
        const kept = has.filter((p) => had.has(key(p))).length;
        expect(kept, `seed ${seed} ${member.id}`).toBe(Math.min(had.size, has.length));
      }
    }
  });

  it("settles on valid assignments from random stale and conflicting claims", () => {
    for (let seed = 900; seed < 1000; seed++) {
      const random = seededRandom(seed);
      const { counts, members } = randomGroup(random, random() < 0.5);
      const everything = [...counts].flatMap(([topic, n]) =>
        Array.from({ length: n }, (_, partition) => ({ topic, partition })),
      );
      const subscriptions = subscriptionMap(
        ...members.map((m) =>
          flavor.member(
            m.id,
            m.topics,
            everything.filter(() => random() < 0.3),
            randomInt(random, 4) - 1,
          ),
        ),
      );
      const result = assignAndSettle(flavor, flavor.create(), counts, subscriptions, 5);
      expect(
        assignmentProblems(counts, result.subscriptions, result.settled),
        `seed ${seed}`,
      ).toEqual([]);
    }
  });
});
