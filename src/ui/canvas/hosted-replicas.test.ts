import { describe, expect, it } from "vitest";
import { emptyPartition, type TopicView } from "../store/topics-slice.ts";
import { groupHostedReplicas, hostedReplicaTokens, sortedTopics } from "./hosted-replicas.ts";

function topic(
  name: string,
  placements: { leader: number; replicas: number[]; isr: number[] }[],
): TopicView {
  return {
    name,
    topicId: null,
    internal: name.startsWith("__"),
    configs: null,
    partitions: placements.map((placement, index) => ({
      ...emptyPartition(name, index),
      ...placement,
    })),
  };
}

const topics: Record<string, TopicView> = {
  orders: topic("orders", [
    { leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
    { leader: 2, replicas: [2, 3, 1], isr: [2, 3] },
    { leader: 3, replicas: [3, 2], isr: [3, 2] },
  ]),
  __consumer_offsets: topic("__consumer_offsets", [{ leader: 1, replicas: [1], isr: [1] }]),
  clicks: topic("clicks", [{ leader: 2, replicas: [2, 1], isr: [2, 1] }]),
};

describe("hosted replicas", () => {
  it("lists a broker's replicas by topic with leader and ISR membership", () => {
    const grouped = groupHostedReplicas(hostedReplicaTokens(topics, 1, false));
    expect(grouped.map((group) => group.topic)).toEqual(["clicks", "orders"]);
    expect(grouped[1]!.replicas).toEqual([
      { topic: "orders", partition: 0, leader: true, inSync: true },
      { topic: "orders", partition: 1, leader: false, inSync: false },
    ]);
    expect(grouped[0]!.replicas).toEqual([
      { topic: "clicks", partition: 0, leader: false, inSync: true },
    ]);
  });

  it("hides internal topics unless asked, and puts them last", () => {
    expect(hostedReplicaTokens(topics, 1, false).some((token) => token.startsWith("__"))).toBe(
      false,
    );
    const grouped = groupHostedReplicas(hostedReplicaTokens(topics, 1, true));
    expect(grouped.at(-1)!.topic).toBe("__consumer_offsets");
    expect(sortedTopics(topics, true).map((t) => t.name)).toEqual([
      "clicks",
      "orders",
      "__consumer_offsets",
    ]);
  });

  it("changes its tokens only when placement, leadership or ISR do", () => {
    const before = hostedReplicaTokens(topics, 2, false);
    const withOffsets = {
      ...topics,
      orders: {
        ...topics.orders!,
        partitions: topics.orders!.partitions.map((p) => ({
          ...p,
          offsets: { 2: { logStart: 0, leo: 99, hw: 98 } },
        })),
      },
    };
    expect(hostedReplicaTokens(withOffsets, 2, false)).toEqual(before);
    const shrunk = {
      ...topics,
      orders: {
        ...topics.orders!,
        partitions: topics.orders!.partitions.map((p) => ({ ...p, isr: [p.leader] })),
      },
    };
    expect(hostedReplicaTokens(shrunk, 2, false)).not.toEqual(before);
  });
});
