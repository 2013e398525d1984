import { describe, expect, it } from "vitest";
import {
  brokerReplicas,
  consumerOfMember,
  consumerPartitionRows,
  groupPartitionRows,
  isUnderReplicated,
  lagOf,
  parsePartitionKey,
  partitionGroupRows,
  rebalanceProtocolOf,
  replicaRows,
  summarizeCluster,
  totalLag,
} from "./summaries.ts";
import { broker, group, partition, topic } from "./testing/fixtures.ts";
import type { ConsumerView } from "../store/clients-slice.ts";
import { defaultConsumerSettings } from "../store/clients-slice.ts";

const orders = topic("orders", [
  partition("orders", 0, { leader: 1, hw: 10, leo: 12 }),
  partition("orders", 1, { leader: 2, isr: [2, 3], hw: 5 }),
  partition("orders", 2, { leader: -1, isr: [], offsets: {} }),
]);
const offsetsTopic = topic(
  "__consumer_offsets",
  [partition("__consumer_offsets", 0, { replicas: [1], isr: [1] })],
  true,
);

describe("summarizeCluster", () => {
  it("counts brokers by liveness, topics apart from internal ones, and unhealthy partitions", () => {
    const summary = summarizeCluster({
      clusterId: "abc",
      brokers: {
        1: broker(1),
        2: broker(2, { fenced: true }),
        3: broker(3, { process: "stopped" }),
        4: broker(4, { process: "starting", fenced: false }),
      },
      controllerId: 1,
      controllerEpoch: 7,
      storage: "opfs",
      topics: { orders, __consumer_offsets: offsetsTopic },
      groups: { g: group("g") },
    });
    expect(summary.brokers).toEqual({ alive: 1, fenced: 2, dead: 1 });
    expect(summary.topics).toBe(1);
    expect(summary.internalTopics).toBe(1);
    expect(summary.partitions).toBe(3);
    expect(summary.internalPartitions).toBe(1);
    expect(summary.underReplicated).toBe(1);
    expect(summary.offline).toBe(1);
    expect(summary.groups).toBe(1);
    expect(summary.controllerId).toBe(1);
    expect(summary.controllerEpoch).toBe(7);
  });

  it("does not count an offline partition as under-replicated too", () => {
    expect(isUnderReplicated(partition("t", 0, { leader: -1, isr: [] }))).toBe(false);
  });
});

describe("brokerReplicas", () => {
  it("counts leaders and followers and lists the replicas out of the ISR", () => {
    expect(brokerReplicas({ orders }, 1)).toEqual({
      leaders: 1,
      followers: 2,
      outOfSync: [
        { topic: "orders", partition: 1 },
        { topic: "orders", partition: 2 },
      ],
    });
    expect(brokerReplicas({ orders }, 3)).toEqual({
      leaders: 0,
      followers: 3,
      outOfSync: [{ topic: "orders", partition: 2 }],
    });
    expect(brokerReplicas({ orders }, 9)).toEqual({ leaders: 0, followers: 0, outOfSync: [] });
  });

  it("lists the user's topics before the internal ones", () => {
    const internal = topic(
      "__consumer_offsets",
      [partition("__consumer_offsets", 0, { isr: [1, 2] })],
      true,
    );
    const zeta = topic("zeta", [partition("zeta", 0, { isr: [1, 2] })]);
    const hosted = brokerReplicas({ __consumer_offsets: internal, zeta }, 3);
    expect(hosted.outOfSync.map((ref) => ref.topic)).toEqual(["zeta", "__consumer_offsets"]);
  });
});

describe("replicaRows", () => {
  it("keeps assignment order and marks the leader, the ISR and offline replicas", () => {
    const view = partition("orders", 0, {
      leader: 2,
      replicas: [1, 2, 3],
      isr: [2, 3],
      offlineReplicas: [1],
      offsets: { 3: { logStart: 0, leo: 7, hw: 7 } },
      hw: 8,
      leo: 9,
    });
    const rows = replicaRows(view);
    expect(rows.map((row) => row.brokerId)).toEqual([1, 2, 3]);
    expect(rows.map((row) => [row.isLeader, row.inSync, row.offline])).toEqual([
      [false, false, true],
      [true, true, false],
      [false, true, false],
    ]);
    expect(rows[0]?.offsets).toBeNull();
    expect(rows[1]?.offsets).toEqual({ logStart: 0, leo: 9, hw: 8 });
    expect(rows[2]?.offsets).toEqual({ logStart: 0, leo: 7, hw: 7 });
  });
});

describe("lag", () => {
  it("is HW minus the committed offset, never negative, unknown without both", () => {
    expect(lagOf(100, 40)).toBe(60);
    expect(lagOf(100, 100)).toBe(0);
    // A commit can briefly run ahead of the HW the page last heard of.
    expect(lagOf(100, 103)).toBe(0);
    expect(lagOf(null, 3)).toBeNull();
    expect(lagOf(3, null)).toBeNull();
  });

  it("lists a group's owned and committed partitions with their lag, sorted", () => {
    const g = group("g", {
      members: [
        {
          memberId: "m1",
          groupInstanceId: null,
          clientId: "c1",
          assignment: [{ topic: "orders", partitions: [1, 0] }],
        },
      ],
      committed: { "orders:0": 4, "orders:2": 1, "old:0": 3 },
    });
    const rows = groupPartitionRows(g, { orders });
    expect(rows.map((row) => `${row.topic}-${row.partition}`)).toEqual([
      "old-0",
      "orders-0",
      "orders-1",
      "orders-2",
    ]);
    expect(rows.find((row) => row.topic === "orders" && row.partition === 0)).toMatchObject({
      committed: 4,
      hw: 10,
      lag: 6,
      memberId: "m1",
    });
    // Owned but never committed: lag unknown, as kafka-consumer-groups prints "-".
    expect(rows.find((row) => row.partition === 1 && row.topic === "orders")).toMatchObject({
      committed: null,
      lag: null,
      hw: 5,
    });
    // Committed for a topic that is gone: no HW, no lag, no owner.
    expect(rows[0]).toMatchObject({ hw: null, lag: null, memberId: null });
    expect(totalLag(rows)).toBe(6);
  });

  it("lists the groups reading one partition", () => {
    const groups = {
      b: group("b", { committed: { "orders:0": 9 } }),
      a: group("a", {
        members: [
          {
            memberId: "m",
            groupInstanceId: null,
            clientId: "c",
            assignment: [{ topic: "orders", partitions: [0] }],
          },
        ],
      }),
      other: group("other", { committed: { "orders:1": 2 } }),
    };
    expect(partitionGroupRows(groups, "orders", 0, 10)).toEqual([
      { groupId: "a", committed: null, lag: null },
      { groupId: "b", committed: 9, lag: 1 },
    ]);
  });

  it("gives a consumer its assigned partitions with the group's commits", () => {
    const consumer: Pick<ConsumerView, "assigned"> = {
      assigned: [
        { topic: "orders", partition: 1 },
        { topic: "orders", partition: 0 },
      ],
    };
    expect(consumerPartitionRows(consumer, { "orders:0": 10, "orders:1": 2 }, { orders })).toEqual([
      { topic: "orders", partition: 0, committed: 10, hw: 10, lag: 0 },
      { topic: "orders", partition: 1, committed: 2, hw: 5, lag: 3 },
    ]);
  });
});

describe("small helpers", () => {
  it("names the rebalance protocol of an assignor", () => {
    expect(rebalanceProtocolOf("cooperative-sticky")).toBe("cooperative");
    expect(rebalanceProtocolOf("range")).toBe("eager");
    expect(rebalanceProtocolOf("sticky")).toBe("eager");
    expect(rebalanceProtocolOf(null)).toBeNull();
    expect(rebalanceProtocolOf("")).toBeNull();
  });

  it("parses partition keys, topic names with colons included", () => {
    expect(parsePartitionKey("orders:3")).toEqual({ topic: "orders", partition: 3 });
    expect(parsePartitionKey("a:b:0")).toEqual({ topic: "a:b", partition: 0 });
    expect(parsePartitionKey("orders")).toBeNull();
    expect(parsePartitionKey(":1")).toBeNull();
    expect(parsePartitionKey("orders:x")).toBeNull();
  });

  it("finds the page's consumer behind a member id", () => {
    const consumer: ConsumerView = {
      id: "consumer-1",
      settings: defaultConsumerSettings("orders", "g"),
      status: "consuming",
      memberId: "m-1",
      consumed: 0,
      assigned: [],
      lastError: null,
    };
    expect(consumerOfMember({ "consumer-1": consumer }, "m-1")).toBe("consumer-1");
    expect(consumerOfMember({ "consumer-1": consumer }, "m-2")).toBeNull();
  });
});
