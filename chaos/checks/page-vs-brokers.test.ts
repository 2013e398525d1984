import { describe, expect, it } from "vitest";
import type { BrokerTruth, PageView } from "./broker-truth.ts";
import { committedBeyondHighWatermark, livenessGaps } from "./group-checks.ts";
import { pageContradictions, producerCardContradictions } from "./page-vs-brokers.ts";

function truth(): BrokerTruth {
  return {
    liveBrokers: [1, 2, 3],
    quorumLeader: 2,
    partitions: [
      {
        partition: 0,
        leader: 1,
        leaderEpoch: 3,
        replicas: [1, 2, 3],
        isr: [1, 2, 3],
        highWatermark: 40,
        logStartOffset: 0,
      },
      {
        partition: 1,
        leader: 2,
        leaderEpoch: 1,
        replicas: [2, 3, 1],
        isr: [2, 3, 1],
        highWatermark: 35,
        logStartOffset: 0,
      },
    ],
    groups: [
      {
        groupId: "g",
        state: "Stable",
        committed: { 0: 40, 1: 35 },
        members: [
          { memberId: "m1", clientId: "consumer-1", partitions: [0] },
          { memberId: "m2", clientId: "consumer-2", partitions: [1] },
        ],
      },
    ],
  };
}

/** The page showing exactly what the brokers say. */
function agreeingView(): PageView {
  const told = truth();
  return {
    brokers: [1, 2, 3].map((id) => ({ id, liveness: "alive" as const })),
    controllerId: 2,
    partitions: told.partitions.map((p) => ({ ...p })),
    groups: told.groups.map((g) => ({ ...g, generation: 5 })),
    consumers: [
      { id: "consumer-1", groupId: "g", status: "consuming", memberId: "m1", partitions: [0] },
      { id: "consumer-2", groupId: "g", status: "consuming", memberId: "m2", partitions: [1] },
    ],
    producers: [
      { id: "producer-1", sent: 80, acknowledged: 75, failed: 5, retries: 2, lastError: null },
    ],
  };
}

describe("the page against the brokers", () => {
  it("finds nothing when the page shows what the brokers answer (ISR order aside)", () => {
    const view = agreeingView();
    view.partitions[1]!.isr = [1, 2, 3];
    expect(pageContradictions(view, truth())).toEqual([]);
  });

  it("names each thing the page shows differently", () => {
    const view = agreeingView();
    view.brokers[2]!.liveness = "dead";
    view.controllerId = 1;
    view.partitions[0]!.leader = 2;
    view.partitions[0]!.isr = [1, 2];
    view.partitions[1]!.highWatermark = 30;
    view.groups[0]!.state = "PreparingRebalance";
    view.groups[0]!.committed = { 0: 40, 1: 20 };
    view.groups[0]!.members[1]!.partitions = [0, 1];
    view.consumers[0]!.memberId = "m-old";
    const problems = pageContradictions(view, truth());
    expect(problems).toHaveLength(9);
    expect(problems).toContain("brokers: the page shows [1,2] alive, Metadata lists [1,2,3]");
    expect(problems).toContain("partition 1: the page shows HW 30, ListOffsets says 35");
    expect(problems.some((p) => p.startsWith("consumer consumer-1"))).toBe(true);
  });

  it("does not hold a rebalancing consumer's card to the coordinator's assignment", () => {
    const view = agreeingView();
    view.consumers[0] = { ...view.consumers[0]!, status: "rebalancing", partitions: [] };
    expect(pageContradictions(view, truth())).toEqual([]);
  });

  it("flags a producer card showing more acknowledged than the log holds", () => {
    const label = () => "p1";
    expect(producerCardContradictions(agreeingView(), { p1: 75 }, label)).toEqual([]);
    expect(producerCardContradictions(agreeingView(), { p1: 74 }, label)).toHaveLength(1);
  });
});

describe("the group checks", () => {
  it("flags a committed offset past the HW", () => {
    expect(committedBeyondHighWatermark(truth())).toEqual([]);
    const told = truth();
    told.groups[0]!.committed[1] = 36;
    expect(committedBeyondHighWatermark(told)).toEqual([
      "group g committed 36 on partition 1, past its HW 35",
    ]);
  });

  it("says what keeps a healed cluster from being live", () => {
    const expected = {
      brokers: [1, 2, 3],
      partitions: 2,
      replicationFactor: 3,
      groups: [{ groupId: "g", members: 2 }],
    };
    expect(livenessGaps(truth(), expected)).toEqual([]);
    const told = truth();
    expect(livenessGaps(truth(), { ...expected, partitions: 3 })).toEqual([
      "Metadata lists 2 of 3 partitions",
    ]);
    told.liveBrokers = [1, 2];
    told.partitions[0]!.isr = [1, 2];
    told.partitions[1]!.leader = -1;
    told.groups[0]!.committed = { 0: 40 };
    const gaps = livenessGaps(told, {
      ...expected,
      groups: [...expected.groups, { groupId: "h", members: 1 }],
    });
    expect(gaps).toEqual([
      "brokers not registered and unfenced: 3",
      "partition 0 ISR is [1,2]",
      "partition 1 has no leader",
      "group g has not committed up to the HW on partitions 1",
      "group h unknown to its coordinator",
    ]);
  });
});
