import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { CoordinatorTestBed } from "../group/testing/coordinator-test-bed.ts";
import {
  GROUP,
  heartbeatRequest,
  joinAll,
  joinRequest,
  syncAll,
} from "../group/testing/group-requests.ts";
import { joinGroupHandler } from "./11-join-group.ts";
import { heartbeatHandler } from "./12-heartbeat.ts";

async function stableGroup(bed: CoordinatorTestBed, clients: string[]) {
  const members = await joinAll(bed, clients);
  await syncAll(bed, members);
  return members;
}

describe("Heartbeat", () => {
  it("keeps a member that heartbeats; removes one that stops after session.timeout.ms and rebalances", async () => {
    const bed = await CoordinatorTestBed.start();
    const [alive, silent] = await stableGroup(bed, ["a", "b"]);
    bed.events("group");
    const beat = (memberId: string) =>
      bed.exchange(heartbeatHandler, heartbeatRequest({ memberId, generationId: 1 }), 4);
    for (let i = 0; i < 3; i++) {
      expect((await beat(alive!.memberId)).errorCode).toBe(ErrorCode.NONE);
      await bed.advance(3_000);
    }
    // 9 s: the silent member's 10 s session has not run out yet.
    expect(bed.coordinator.group(GROUP)?.has(silent!.memberId)).toBe(true);
    await bed.advance(1_100);
    const group = bed.coordinator.group(GROUP)!;
    expect(group.has(silent!.memberId)).toBe(false);
    expect(group.state).toBe("PreparingRebalance");
    expect(bed.events("group")[0]!.reason).toBe(
      `removing member ${silent!.memberId} on heartbeat expiration`,
    );
    // The survivor learns of the rebalance from its next heartbeat.
    expect((await beat(alive!.memberId)).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });

  it("answers NONE between the JoinGroup answer and the SyncGroup (CompletingRebalance)", async () => {
    const bed = await CoordinatorTestBed.start();
    const [member] = await joinAll(bed, ["a"]);
    expect(bed.coordinator.group(GROUP)?.state).toBe("CompletingRebalance");
    const answer = await bed.exchange(
      heartbeatHandler,
      heartbeatRequest({ memberId: member!.memberId, generationId: 1 }),
      0,
    );
    expect(answer.errorCode).toBe(ErrorCode.NONE);
  });

  it("tells a member it is no longer what it thinks: UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, FENCED_INSTANCE_ID", async () => {
    const bed = await CoordinatorTestBed.start();
    const [member] = await stableGroup(bed, ["a"]);
    const beat = (fields: Parameters<typeof heartbeatRequest>[0]) =>
      bed.exchange(heartbeatHandler, heartbeatRequest(fields), 4).then((a) => a.errorCode);
    expect(await beat({ memberId: "test-unknown", generationId: 1 })).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
    expect(await beat({ groupId: "other", memberId: member!.memberId, generationId: 1 })).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
    expect(await beat({ memberId: member!.memberId, generationId: 7 })).toBe(
      ErrorCode.ILLEGAL_GENERATION,
    );
    expect(await beat({ groupId: "", memberId: member!.memberId, generationId: 1 })).toBe(
      ErrorCode.INVALID_GROUP_ID,
    );

    const staticJoin = bed.send(
      joinGroupHandler,
      joinRequest({ groupId: "static", groupInstanceId: "i-1" }),
      5,
    );
    await bed.advance(50);
    const staticMember = await staticJoin.promise;
    expect(
      await beat({
        groupId: "static",
        memberId: "i-1-impostor",
        groupInstanceId: "i-1",
        generationId: 1,
      }),
    ).toBe(ErrorCode.FENCED_INSTANCE_ID);
    expect(
      await beat({
        groupId: "static",
        memberId: staticMember.memberId,
        groupInstanceId: "i-2",
        generationId: 1,
      }),
    ).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("answers blindly while the coordinator loads, and NOT_COORDINATOR for a group coordinated elsewhere", async () => {
    const bed = await CoordinatorTestBed.start();
    const [member] = await stableGroup(bed, ["a"]);
    const loading = bed.startLoadingCoordinator();
    const params = {
      groupId: GROUP,
      memberId: member!.memberId,
      groupInstanceId: null,
      generationId: 1,
    };
    expect(loading.groupStatus(GROUP)).toBe(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
    expect(loading.heartbeat(params)).toBe(ErrorCode.NONE);
    await bed.advance(10);
    expect(loading.heartbeat(params)).toBe(ErrorCode.NONE);
    expect(loading.group(GROUP)?.state).toBe("Stable");

    const elsewhere = await CoordinatorTestBed.start({ offsetsPartitions: 0 });
    const answer = await elsewhere.exchange(
      heartbeatHandler,
      heartbeatRequest({ memberId: "m", generationId: 1 }),
      4,
    );
    expect(answer.errorCode).toBe(ErrorCode.NOT_COORDINATOR);
  });
});
