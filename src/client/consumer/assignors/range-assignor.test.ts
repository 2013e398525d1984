import { describe, expect, it } from "vitest";
import { subscriptionOf, type Subscription } from "./assignor.ts";
import { RangeAssignor } from "./range-assignor.ts";
import {
  assignmentProblems,
  fresh,
  partitionCounts,
  randomInt,
  seededRandom,
  show,
  subscriptionMap,
} from "./testing/assignor-fixtures.ts";

const assignor = new RangeAssignor();

function staticMember(memberId: string, instanceId: string, topics: string[]): Subscription {
  return subscriptionOf(memberId, topics, { groupInstanceId: instanceId });
}

describe("RangeAssignor", () => {
  it('is Kafka\'s "range" assignor, eager only', () => {
    expect(assignor.name).toBe("range");
    expect(assignor.supportedProtocols).toEqual(["eager"]);
  });

  it("gives Kafka's documented example: the first members get the extra partitions", () => {
    const assignment = assignor.assign(
      partitionCounts({ t0: 3, t1: 3 }),
      subscriptionMap(fresh("C0", ["t0", "t1"]), fresh("C1", ["t0", "t1"])),
    );
    expect(show(assignment.get("C0"))).toBe("t0-0, t0-1, t1-0, t1-1");
    expect(show(assignment.get("C1"))).toBe("t0-2, t1-2");
  });

  it("gives every member an entry, even with nothing to assign", () => {
    const assignment = assignor.assign(
      partitionCounts({}),
      subscriptionMap(fresh("consumer1", []), fresh("consumer2", ["missing"])),
    );
    expect([...assignment]).toEqual([
      ["consumer2", []],
      ["consumer1", []],
    ]);
  });

  it("skips topics without metadata or without partitions, and unsubscribed topics", () => {
    const assignment = assignor.assign(
      partitionCounts({ topic1: 3, other: 3, empty: 0 }),
      subscriptionMap(fresh("consumer1", ["topic1", "missing", "empty"])),
    );
    expect(show(assignment.get("consumer1"))).toBe("topic1-0, topic1-1, topic1-2");
  });

  it("splits each topic among its own subscribers only", () => {
    const assignment = assignor.assign(
      partitionCounts({ topic1: 3, topic2: 2 }),
      subscriptionMap(
        fresh("consumer1", ["topic1"]),
        fresh("consumer2", ["topic1", "topic2"]),
        fresh("consumer3", ["topic1"]),
      ),
    );
    expect(show(assignment.get("consumer1"))).toBe("topic1-0");
    expect(show(assignment.get("consumer2"))).toBe("topic1-1, topic2-0, topic2-1");
    expect(show(assignment.get("consumer3"))).toBe("topic1-2");
  });

  it("leaves a member without partitions when there are fewer partitions than members", () => {
    const assignment = assignor.assign(
      partitionCounts({ topic1: 1 }),
      subscriptionMap(fresh("consumer1", ["topic1"]), fresh("consumer2", ["topic1"])),
    );
    expect(show(assignment.get("consumer1"))).toBe("topic1-0");
    expect(show(assignment.get("consumer2"))).toBe("");
  });

  it("orders static members by group.instance.id, before dynamic members", () => {
    const counts = partitionCounts({ topic1: 3, topic2: 3 });
    const bothStatic = assignor.assign(
      counts,
      subscriptionMap(
        staticMember("consumer-b", "instance1", ["topic1", "topic2"]),
        staticMember("consumer-a", "instance2", ["topic1", "topic2"]),
      ),
    );
    expect(show(bothStatic.get("consumer-b"))).toBe("topic1-0, topic1-1, topic2-0, topic2-1");
    expect(show(bothStatic.get("consumer-a"))).toBe("topic1-2, topic2-2");

    const oneStatic = assignor.assign(
      counts,
      subscriptionMap(
        staticMember("consumer-b", "instance1", ["topic1", "topic2"]),
        fresh("consumer-a", ["topic1", "topic2"]),
      ),
    );
    expect(show(oneStatic.get("consumer-b"))).toBe("topic1-0, topic1-1, topic2-0, topic2-1");
  });

  it("keeps static members' ranges when a dynamic member is replaced (Kafka's test)", () => {
    const counts = partitionCounts({ topic1: 5, topic2: 4 });
    const statics = [
      staticMember("consumer1", "instance1", ["topic1", "topic2"]),
      staticMember("consumer2", "instance2", ["topic1", "topic2"]),
      staticMember("consumer3", "instance3", ["topic1", "topic2"]),
    ];
    const first = assignor.assign(
      counts,
      subscriptionMap(...statics, fresh("consumer4", ["topic1", "topic2"])),
    );
    expect(show(first.get("consumer1"))).toBe("topic1-0, topic1-1, topic2-0");
    expect(show(first.get("consumer2"))).toBe("topic1-2, topic2-1");
    expect(show(first.get("consumer3"))).toBe("topic1-3, topic2-2");
    expect(show(first.get("consumer4"))).toBe("topic1-4, topic2-3");

    const second = assignor.assign(
      counts,
      subscriptionMap(...statics, fresh("consumer5", ["topic1", "topic2"])),
    );
    expect(show(second.get("consumer1"))).toBe("topic1-0, topic1-1, topic2-0");
    expect(show(second.get("consumer5"))).toBe("topic1-4, topic2-3");
  });

  it("lists a member's topics in the order a Java leader's HashMap holds them", () => {
    // Java iterates {t1..t9, payments, audit-log, orders, clicks} as below (see
    // java-hash-order.test.ts), so a single member's list follows that order.
    const topics = "payments audit-log orders clicks t1 t2 t3 t4 t5 t6 t7 t8 t9".split(" ");
    const assignment = assignor.assign(
      new Map(topics.map((topic) => [topic, 1])),
      subscriptionMap(fresh("only", topics)),
    );
    expect(show(assignment.get("only"))).toBe(
      "t4-0, t5-0, t6-0, t7-0, t8-0, t9-0, payments-0, clicks-0, orders-0, t1-0, audit-log-0, t2-0, t3-0",
    );
  });

  it("counts a member once even if it lists a topic twice", () => {
    const assignment = assignor.assign(
      partitionCounts({ t: 4 }),
      subscriptionMap(fresh("a", ["t", "t"]), fresh("b", ["t"])),
    );
    expect(show(assignment.get("a"))).toBe("t-0, t-1");
    expect(show(assignment.get("b"))).toBe("t-2, t-3");
  });

  it("property: valid, complete, and each topic split within one among its subscribers", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      const topics = Array.from({ length: 1 + randomInt(random, 6) }, (_, i) => `topic-${i}`);
      const counts = new Map(topics.map((t) => [t, randomInt(random, 9)]));
      const members = Array.from({ length: 1 + randomInt(random, 8) }, (_, i) =>
        fresh(
          `member-${i}`,
          topics.filter(() => random() < 0.6),
        ),
      );
      const subscriptions = subscriptionMap(...members);
      const assignment = assignor.assign(counts, subscriptions);
      expect(
        assignmentProblems(counts, subscriptions, assignment, { balanced: false }),
        `seed ${seed}`,
      ).toEqual([]);
      for (const topic of topics) {
        const sizes = members
          .filter((m) => m.topics.includes(topic))
          .map((m) => assignment.get(m.memberId)!.filter((p) => p.topic === topic).length);
        if (sizes.length > 0)
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });
});
