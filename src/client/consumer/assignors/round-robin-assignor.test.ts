import { describe, expect, it } from "vitest";
import { subscriptionOf } from "./assignor.ts";
import { RoundRobinAssignor } from "./round-robin-assignor.ts";
import {
  assignmentProblems,
  fresh,
  isFullyBalanced,
  partitionCounts,
  randomInt,
  seededRandom,
  show,
  subscriptionMap,
} from "./testing/assignor-fixtures.ts";

const assignor = new RoundRobinAssignor();

describe("RoundRobinAssignor", () => {
  it('is Kafka\'s "roundrobin" assignor, eager only', () => {
    expect(assignor.name).toBe("roundrobin");
    expect(assignor.supportedProtocols).toEqual(["eager"]);
  });

  it("gives Kafka's documented example with identical subscriptions", () => {
    const assignment = assignor.assign(
      partitionCounts({ t0: 3, t1: 3 }),
      subscriptionMap(fresh("C0", ["t0", "t1"]), fresh("C1", ["t0", "t1"])),
    );
    expect(show(assignment.get("C0"))).toBe("t0-0, t0-2, t1-1");
    expect(show(assignment.get("C1"))).toBe("t0-1, t1-0, t1-2");
  });

  it("gives Kafka's documented example with different subscriptions, skipping non-subscribers", () => {
    const assignment = assignor.assign(
      partitionCounts({ t0: 1, t1: 2, t2: 3 }),
      subscriptionMap(
        fresh("C0", ["t0"]),
        fresh("C1", ["t0", "t1"]),
        fresh("C2", ["t0", "t1", "t2"]),
      ),
    );
    expect(show(assignment.get("C0"))).toBe("t0-0");
    expect(show(assignment.get("C1"))).toBe("t1-0");
    expect(show(assignment.get("C2"))).toBe("t1-1, t2-0, t2-1, t2-2");
  });

  it("orders static members by group.instance.id (Kafka's static member test)", () => {
    const staticMember = (memberId: string, instance: string) =>
      subscriptionOf(memberId, ["topic1", "topic2"], { groupInstanceId: instance });
    const counts = partitionCounts({ topic1: 3, topic2: 3 });
    const assignment = assignor.assign(
      counts,
      subscriptionMap(
        staticMember("consumer-b", "instance1"),
        staticMember("consumer-a", "instance2"),
        fresh("consumer-0", ["topic1", "topic2"]),
      ),
    );
    expect(show(assignment.get("consumer-b"))).toBe("topic1-0, topic2-0");
    expect(show(assignment.get("consumer-a"))).toBe("topic1-1, topic2-1");
    expect(show(assignment.get("consumer-0"))).toBe("topic1-2, topic2-2");
  });

  it("skips topics without metadata and gives everyone an entry", () => {
    const assignment = assignor.assign(
      partitionCounts({ topic: 2, other: 5 }),
      subscriptionMap(fresh("a", ["topic", "missing"]), fresh("b", [])),
    );
    expect(show(assignment.get("a"))).toBe("topic-0, topic-1");
    expect(show(assignment.get("b"))).toBe("");
  });

  it("property: valid and complete; fully balanced when subscriptions are equal", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      const topics = Array.from({ length: 1 + randomInt(random, 6) }, (_, i) => `t${i}`);
      const counts = new Map(topics.map((t) => [t, randomInt(random, 7)]));
      const equal = random() < 0.5;
      const members = Array.from({ length: 1 + randomInt(random, 8) }, (_, i) =>
        fresh(`m${i}`, equal ? topics : topics.filter(() => random() < 0.6)),
      );
      const subscriptions = subscriptionMap(...members);
      const assignment = assignor.assign(counts, subscriptions);
      expect(
        assignmentProblems(counts, subscriptions, assignment, { balanced: false }),
        `seed ${seed}`,
      ).toEqual([]);
      if (equal) expect(isFullyBalanced(assignment), `seed ${seed}`).toBe(true);
    }
  });
});
