import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { assignedPartitionsOf } from "../group/consumer-protocol.ts";
import { CoordinatorTestBed, subscription } from "../group/testing/coordinator-test-bed.ts";
import { GROUP, joinAll, joinRequest, syncAll } from "../group/testing/group-requests.ts";
import { joinGroupHandler } from "./11-join-group.ts";
import { describeGroupsHandler } from "./15-describe-groups.ts";

const describeRequest = (groups: string[], includeAuthorizedOperations = false) => ({
  groups,
  includeAuthorizedOperations,
});

describe("DescribeGroups", () => {
  it("shows a Stable group's protocol and each member's metadata and assignment", async () => {
    const bed = await CoordinatorTestBed.start();
    const members = await joinAll(bed, ["a", "b"]);
    await syncAll(bed, members);
    const answer = await bed.exchange(describeGroupsHandler, describeRequest([GROUP]), 5);
    const group = answer.groups[0]!;
    expect(group).toMatchObject({
      errorCode: ErrorCode.NONE,
      groupId: GROUP,
      groupState: "Stable",
      protocolType: "consumer",
      protocolData: "range",
      authorizedOperations: -2147483648,
    });
    expect(
      group.members.map((m) => [m.memberId, m.clientId, assignedPartitionsOf(m.memberAssignment)]),
    ).toEqual([
      [members[0]!.memberId, "test", [{ topic: "orders", partitions: [0] }]],
      [members[1]!.memberId, "test", [{ topic: "orders", partitions: [1] }]],
    ]);
    expect(group.members[0]!.memberMetadata).toEqual(subscription(["orders"]));
  });

  it("shows members without metadata or assignment while the group rebalances", async () => {
    const bed = await CoordinatorTestBed.start({
      properties: { "group.initial.rebalance.delay.ms": "3000" },
    });
    bed.send(joinGroupHandler, joinRequest({ groupInstanceId: "i-1" }), 5);
    await bed.advance(10);
    const answer = await bed.exchange(describeGroupsHandler, describeRequest([GROUP]), 4);
    const group = answer.groups[0]!;
    expect(group).toMatchObject({
      groupState: "PreparingRebalance",
      protocolType: "consumer",
      protocolData: "",
    });
    expect(group.members).toHaveLength(1);
    expect(group.members[0]).toMatchObject({
      groupInstanceId: "i-1",
      memberMetadata: new Uint8Array(0),
    });
  });

  it("answers a group it does not know as Dead, an empty id INVALID_GROUP_ID, and the group's operations when asked", async () => {
    const bed = await CoordinatorTestBed.start();
    await joinAll(bed, ["a"]);
    const answer = await bed.exchange(
      describeGroupsHandler,
      describeRequest(["ghost", "", GROUP], true),
      3,
    );
    expect(answer.groups.map((g) => [g.groupId, g.errorCode, g.groupState])).toEqual([
      ["ghost", ErrorCode.NONE, "Dead"],
      ["", ErrorCode.INVALID_GROUP_ID, ""],
      [GROUP, ErrorCode.NONE, "CompletingRebalance"],
    ]);
    // READ (3), DESCRIBE (8), DELETE (6): what a group resource supports.
    expect(answer.groups[2]!.authorizedOperations).toBe((1 << 3) | (1 << 8) | (1 << 6));
  });
});
