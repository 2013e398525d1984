import { describe, expect, it } from "vitest";
import { defaultConsumerSettings, type ConsumerView } from "../store/clients-slice.ts";
import type { GroupView } from "../store/groups-slice.ts";
import { emptyPartition } from "../store/topics-slice.ts";
import {
  consumerIdsOfGroup,
  groupIdsOf,
  groupTopicOf,
  otherMembers,
  partitionLag,
  rebalanceProtocolOf,
  stillMember,
} from "./group-logic.ts";

function group(groupId: string, change: Partial<GroupView> = {}): GroupView {
  return {
    groupId,
    state: "Stable",
    generation: 1,
    protocolType: "consumer",
    protocol: "range",
    leader: null,
    members: [],
    committed: {},
    phase: "stable",
    reason: "",
    coordinatorPartition: 0,
    telemetryAtMs: 0,
    ...change,
  };
}

function consumer(
  id: string,
  groupId: string,
  topic = "orders",
  change: Partial<ConsumerView> = {},
): ConsumerView {
  return {
    id,
    settings: defaultConsumerSettings(topic, groupId),
    status: "consuming",
    memberId: null,
    consumed: 0,
    assigned: [],
    lastError: null,
    ...change,
  };
}

describe("eager or cooperative", () => {
  it("calls cooperative-sticky cooperative and Kafka's other assignors eager", () => {
    expect(rebalanceProtocolOf("cooperative-sticky")).toBe("cooperative");
    for (const assignor of ["range", "roundrobin", "sticky"])
      expect(rebalanceProtocolOf(assignor)).toBe("eager");
    expect(rebalanceProtocolOf(null)).toBeNull();
    expect(rebalanceProtocolOf("")).toBeNull();
  });
});

describe("lag", () => {
  const partition = {
    ...emptyPartition("orders", 0),
    leader: 2,
    offsets: { 1: { logStart: 0, leo: 50, hw: 50 }, 2: { logStart: 0, leo: 42, hw: 40 } },
  };

  it("is the leader's HW minus the committed offset", () => {
    expect(partitionLag(partition, 35)).toBe(5);
    expect(partitionLag(partition, 40)).toBe(0);
  });

  it("never goes below zero and is unknown without a commit or a leader's offsets", () => {
    expect(partitionLag(partition, 41)).toBe(0);
    expect(partitionLag(partition, undefined)).toBeNull();
    expect(partitionLag({ ...partition, leader: 3 }, 10)).toBeNull();
    expect(partitionLag(undefined, 10)).toBeNull();
  });
});

describe("groups and their members", () => {
  const consumers = {
    "consumer-10": consumer("consumer-10", "audit"),
    "consumer-2": consumer("consumer-2", "audit"),
    "consumer-3": consumer("consumer-3", "billing", "payments"),
  };

  it("lists the cluster's groups and the page's, once each, sorted", () => {
    expect(groupIdsOf({ audit: group("audit"), cli: group("cli") }, consumers)).toEqual([
      "audit",
      "billing",
      "cli",
    ]);
    expect(consumerIdsOfGroup("audit", consumers)).toEqual(["consumer-2", "consumer-10"]);
  });

  it("finds a group's topic from its page consumers, then its assignments, then its commits", () => {
    expect(groupTopicOf("billing", undefined, consumers)).toBe("payments");
    const assigned = group("cli", {
      members: [
        {
          memberId: "m",
          groupInstanceId: null,
          clientId: "x",
          assignment: [{ topic: "clicks", partitions: [0] }],
        },
      ],
    });
    expect(groupTopicOf("cli", assigned, consumers)).toBe("clicks");
    expect(groupTopicOf("cli", group("cli", { committed: { "page.views:3": 9 } }), consumers)).toBe(
      "page.views",
    );
    expect(groupTopicOf("cli", group("cli"), consumers)).toBeNull();
  });

  it("separates the coordinator's other members from the page's consumers", () => {
    const members = [
      { memberId: "consumer-2-abc", groupInstanceId: null, clientId: "consumer-2", assignment: [] },
      {
        memberId: "cli-1-def",
        groupInstanceId: null,
        clientId: "console-consumer",
        assignment: [],
      },
    ];
    expect(
      otherMembers(group("audit", { members }), ["consumer-2", "consumer-10"]).map(
        (m) => m.clientId,
      ),
    ).toEqual(["console-consumer"]);
    expect(stillMember(group("audit", { members }), consumers["consumer-2"])).toBe(true);
    expect(stillMember(group("audit", { members }), consumers["consumer-10"])).toBe(false);
  });
});
