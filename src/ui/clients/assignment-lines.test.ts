import { describe, expect, it } from "vitest";
import { defaultConsumerSettings, type ConsumerView } from "../store/clients-slice.ts";
import type { GroupView } from "../store/groups-slice.ts";
import { emptyPartition, type TopicView } from "../store/topics-slice.ts";
import { assignmentLinks, linkPath, linksSignature } from "./assignment-lines.ts";

const topics: Record<string, TopicView> = {
  orders: {
    name: "orders",
    topicId: null,
    internal: false,
    partitions: [0, 1, 2].map((p) => ({
      ...emptyPartition("orders", p),
      leader: p === 2 ? -1 : p + 1,
    })),
    configs: null,
  },
};

function consumer(id: string, assigned: number[]): ConsumerView {
  return {
    id,
    settings: defaultConsumerSettings("orders", "g"),
    status: "consuming",
    memberId: `${id}-m`,
    consumed: 0,
    assigned: assigned.map((partition) => ({ topic: "orders", partition })),
    lastError: null,
  };
}

function group(members: GroupView["members"]): GroupView {
  return {
    groupId: "g",
    state: "Stable",
    generation: 2,
    protocolType: "consumer",
    protocol: "cooperative-sticky",
    leader: null,
    members,
    committed: {},
    phase: "stable",
    reason: "",
    coordinatorPartition: 0,
    telemetryAtMs: 0,
  };
}

describe("assignment lines", () => {
  it("draws one line per assigned partition that has a leader, to the leader's replica", () => {
    const links = assignmentLinks({
      consumers: { c1: consumer("c1", [0, 1, 2]) },
      groups: {},
      topics,
    });
    expect(links.map((link) => [link.partition, link.leader, link.member])).toEqual([
      [0, 1, "consumer:c1"],
      [1, 2, "consumer:c1"],
    ]);
  });

  it("draws the coordinator's other members but not the page's consumers twice", () => {
    const members = [
      {
        memberId: "c1-m",
        groupInstanceId: null,
        clientId: "c1",
        assignment: [{ topic: "orders", partitions: [0] }],
      },
      {
        memberId: "cli-9",
        groupInstanceId: null,
        clientId: "console",
        assignment: [{ topic: "orders", partitions: [1] }],
      },
    ];
    const links = assignmentLinks({
      consumers: { c1: consumer("c1", [0]) },
      groups: { g: group(members) },
      topics,
    });
    expect(links.map((link) => link.member)).toEqual(["consumer:c1", "consumer:member:cli-9"]);
  });

  it("changes only the moved partition's line when one partition changes owner", () => {
    const before = linksSignature({
      consumers: { c1: consumer("c1", [0, 1]), c2: consumer("c2", []) },
      groups: {},
      topics,
    });
    const after = linksSignature({
      consumers: { c1: consumer("c1", [0]), c2: consumer("c2", [1]) },
      groups: {},
      topics,
    });
    expect(before.split(";")).toContain("c1|orders:0@1");
    expect(after.split(";")).toContain("c1|orders:0@1");
    expect(after.split(";")).toContain("c2|orders:1@2");
    expect(after.split(";")).not.toContain("c1|orders:1@2");
  });

  it("curves from the facing sides of the two boxes", () => {
    const path = linkPath(
      { x: 100, y: 10, width: 40, height: 20 },
      { x: 400, y: 200, width: 100, height: 60 },
    );
    expect(path.d.startsWith("M140,20 ")).toBe(true);
    expect(path.d.endsWith(" 400,230")).toBe(true);
    expect(path.end).toEqual({ x: 400, y: 230 });
    const leftward = linkPath(
      { x: 400, y: 0, width: 40, height: 20 },
      { x: 10, y: 0, width: 50, height: 20 },
    );
    expect(leftward.d.startsWith("M400,10 ")).toBe(true);
    expect(leftward.end).toEqual({ x: 60, y: 10 });
  });
});
