import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { defaultLeaveGroupRequest } from "../../protocol/generated/messages/leave-group-request.ts";
import { CoordinatorTestBed } from "../group/testing/coordinator-test-bed.ts";
import { GROUP, joinAll, joinRequest, syncAll } from "../group/testing/group-requests.ts";
import { joinGroupHandler } from "./11-join-group.ts";
import { leaveGroupHandler } from "./13-leave-group.ts";

const leave = (fields: Partial<ReturnType<typeof defaultLeaveGroupRequest>>) => ({
  ...defaultLeaveGroupRequest(),
  groupId: GROUP,
  ...fields,
});

describe("LeaveGroup", () => {
  it("removes a batch of members at once (v3+), each answered, and the group rebalances", async () => {
    const bed = await CoordinatorTestBed.start();
    const members = await joinAll(bed, ["a", "b", "c"]);
    await syncAll(bed, members);
    const answer = await bed.exchange(
      leaveGroupHandler,
      leave({
        members: [
          { memberId: members[1]!.memberId, groupInstanceId: null, reason: "shutting down" },
          { memberId: members[2]!.memberId, groupInstanceId: null, reason: null },
          { memberId: "test-never-joined", groupInstanceId: null, reason: null },
        ],
      }),
      5,
    );
    expect(answer.errorCode).toBe(ErrorCode.NONE);
    expect(answer.members.map((m) => [m.memberId, m.errorCode])).toEqual([
      [members[1]!.memberId, ErrorCode.NONE],
      [members[2]!.memberId, ErrorCode.NONE],
      ["test-never-joined", ErrorCode.UNKNOWN_MEMBER_ID],
    ]);
    const group = bed.coordinator.group(GROUP)!;
    expect(group.allMembers().map((m) => m.memberId)).toEqual([members[0]!.memberId]);
    expect(group.state).toBe("PreparingRebalance");
    expect(bed.events("group").at(-1)!.reason).toContain("client reason: shutting down");
  });

  it("names one member before v3, whose error is the answer's error; the last member leaving empties the group", async () => {
    const bed = await CoordinatorTestBed.start();
    const [member] = await joinAll(bed, ["a"]);
    await syncAll(bed, [member!]);
    const unknown = await bed.exchange(leaveGroupHandler, leave({ memberId: "test-nobody" }), 1);
    expect(unknown.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const left = await bed.exchange(leaveGroupHandler, leave({ memberId: member!.memberId }), 0);
    expect(left.errorCode).toBe(ErrorCode.NONE);
    expect(bed.coordinator.group(GROUP)?.state).toBe("Empty");
    expect(bed.coordinator.group(GROUP)?.generationId).toBe(2);
  });

  it("lets an administrator remove a static member by group.instance.id alone, and fences a wrong member id", async () => {
    const bed = await CoordinatorTestBed.start();
    const join = bed.send(joinGroupHandler, joinRequest({ groupInstanceId: "worker-1" }), 5);
    await bed.advance(50);
    const member = await join.promise;
    const fenced = await bed.exchange(
      leaveGroupHandler,
      leave({ members: [{ memberId: "worker-1-old", groupInstanceId: "worker-1", reason: null }] }),
      4,
    );
    expect(fenced.members[0]!.errorCode).toBe(ErrorCode.FENCED_INSTANCE_ID);
    const removed = await bed.exchange(
      leaveGroupHandler,
      leave({ members: [{ memberId: "", groupInstanceId: "worker-1", reason: "admin" }] }),
      4,
    );
    expect(removed.members[0]).toMatchObject({
      groupInstanceId: "worker-1",
      errorCode: ErrorCode.NONE,
    });
    expect(bed.coordinator.group(GROUP)?.has(member.memberId)).toBe(false);
  });

  it("answers every member UNKNOWN_MEMBER_ID for a group that does not exist, and refuses an empty group id", async () => {
    const bed = await CoordinatorTestBed.start();
    const missing = await bed.exchange(
      leaveGroupHandler,
      leave({
        groupId: "ghost",
        members: [{ memberId: "m", groupInstanceId: null, reason: null }],
      }),
      5,
    );
    expect(missing.errorCode).toBe(ErrorCode.NONE);
    expect(missing.members[0]!.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const empty = await bed.exchange(leaveGroupHandler, leave({ groupId: "", memberId: "m" }), 2);
    expect(empty.errorCode).toBe(ErrorCode.INVALID_GROUP_ID);
  });
});
