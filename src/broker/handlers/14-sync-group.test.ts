import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { assignedPartitionsOf } from "../group/consumer-protocol.ts";
import { assignment, CoordinatorTestBed } from "../group/testing/coordinator-test-bed.ts";
import {
  GROUP,
  joinAll,
  joinRequest,
  syncAll,
  syncRequest,
} from "../group/testing/group-requests.ts";
import { joinGroupHandler } from "./11-join-group.ts";
import { syncGroupHandler } from "./14-sync-group.ts";

describe("SyncGroup", () => {
  it("holds the followers until the leader's assignment is written, then gives each member its part", async () => {
    const bed = await CoordinatorTestBed.start();
    const [leader, follower] = await joinAll(bed, ["a", "b"]);
    const waiting = bed.send(
      syncGroupHandler,
      syncRequest({ generationId: 1, memberId: follower!.memberId }),
      3,
    );
    await bed.advance(1_000);
    expect(waiting.settled).toBe(false);
    const leaderAnswer = await bed.exchange(
      syncGroupHandler,
      syncRequest({
        generationId: 1,
        memberId: leader!.memberId,
        assignments: [
          { memberId: leader!.memberId, assignment: assignment({ orders: [0, 1] }) },
          { memberId: follower!.memberId, assignment: assignment({ orders: [2] }) },
        ],
      }),
      3,
    );
    expect(leaderAnswer.errorCode).toBe(ErrorCode.NONE);
    expect(assignedPartitionsOf(leaderAnswer.assignment)).toEqual([
      { topic: "orders", partitions: [0, 1] },
    ]);
    const followerAnswer = await waiting.promise;
    expect(assignedPartitionsOf(followerAnswer.assignment)).toEqual([
      { topic: "orders", partitions: [2] },
    ]);
    expect(bed.coordinator.group(GROUP)?.state).toBe("Stable");

    // The group, with its assignment, is in __consumer_offsets now.
    const value = (await bed.stored(GROUP)).groups.get(GROUP)!;
    expect(value).toMatchObject({
      generation: 1,
      protocol: "range",
      protocolType: "consumer",
      leader: leader!.memberId,
    });
    expect(value.members.map((m) => [m.memberId, assignedPartitionsOf(m.assignment)])).toEqual([
      [leader!.memberId, [{ topic: "orders", partitions: [0, 1] }]],
      [follower!.memberId, [{ topic: "orders", partitions: [2] }]],
    ]);

    // The page sees the group become Stable with who got what.
    const stable = bed
      .events("group")
      .filter((e) => e.state === "Stable")
      .at(-1)!;
    expect(stable).toMatchObject({
      group: GROUP,
      generation: 1,
      protocol: "range",
      leader: leader!.memberId,
    });
    expect(stable.members.map((m) => m.assignment)).toEqual([
      [{ topic: "orders", partitions: [0, 1] }],
      [{ topic: "orders", partitions: [2] }],
    ]);
  });

  it("answers v5 with the protocol type and name, and gives a member the leader left out an empty assignment", async () => {
    const bed = await CoordinatorTestBed.start();
    const [leader, follower] = await joinAll(bed, ["a", "b"]);
    const followerSync = bed.send(
      syncGroupHandler,
      syncRequest({ generationId: 1, memberId: follower!.memberId }),
      5,
    );
    const leaderSync = await bed.exchange(
      syncGroupHandler,
      syncRequest({
        generationId: 1,
        memberId: leader!.memberId,
        protocolType: "consumer",
        protocolName: "range",
        assignments: [
          { memberId: leader!.memberId, assignment: assignment({ orders: [0, 1, 2] }) },
        ],
      }),
      5,
    );
    expect(leaderSync).toMatchObject({
      errorCode: ErrorCode.NONE,
      protocolType: "consumer",
      protocolName: "range",
    });
    expect((await followerSync.promise).assignment).toEqual(new Uint8Array(0));
  });

  it("answers a member of a Stable group with its current assignment at once", async () => {
    const bed = await CoordinatorTestBed.start();
    const members = await joinAll(bed, ["a", "b"]);
    await syncAll(bed, members);
    const again = await bed.exchange(
      syncGroupHandler,
      syncRequest({ generationId: 1, memberId: members[1]!.memberId }),
      3,
    );
    expect(assignedPartitionsOf(again.assignment)).toEqual([{ topic: "orders", partitions: [1] }]);
  });

  it("refuses stale or unknown members: ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, INCONSISTENT_GROUP_PROTOCOL", async () => {
    const bed = await CoordinatorTestBed.start();
    const [member] = await joinAll(bed, ["a"]);
    const sync = (fields: Parameters<typeof syncRequest>[0], version = 5) =>
      bed.exchange(syncGroupHandler, syncRequest(fields), version).then((a) => a.errorCode);
    expect(await sync({ generationId: 0, memberId: member!.memberId })).toBe(
      ErrorCode.ILLEGAL_GENERATION,
    );
    expect(await sync({ generationId: 1, memberId: "test-someone-else" })).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
    expect(
      await sync({ groupId: "no-such-group", generationId: 1, memberId: member!.memberId }),
    ).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(
      await sync({
        generationId: 1,
        memberId: member!.memberId,
        protocolType: "consumer",
        protocolName: "sticky",
      }),
    ).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    expect(await sync({ groupId: "", generationId: 1, memberId: member!.memberId })).toBe(
      ErrorCode.INVALID_GROUP_ID,
    );
  });

  it("sends a member waiting for its assignment back to JoinGroup when a rebalance starts: REBALANCE_IN_PROGRESS", async () => {
    const bed = await CoordinatorTestBed.start();
    const [leader, follower] = await joinAll(bed, ["a", "b"]);
    const waiting = bed.send(
      syncGroupHandler,
      syncRequest({ generationId: 1, memberId: follower!.memberId }),
      3,
    );
    await bed.advance(10);
    // A newcomer joins before the leader synced.
    const newcomer = bed.send(joinGroupHandler, joinRequest(), 3);
    await bed.advance(10);
    expect((await waiting.promise).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const late = await bed.exchange(
      syncGroupHandler,
      syncRequest({ generationId: 1, memberId: leader!.memberId }),
      3,
    );
    expect(late.errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(newcomer.settled).toBe(false);
  });

  it("removes members that send no SyncGroup within the rebalance timeout and rebalances the rest", async () => {
    const bed = await CoordinatorTestBed.start();
    const [leader, follower] = await joinAll(bed, ["a", "b"], {
      rebalanceTimeoutMs: 10_000,
      sessionTimeoutMs: 30_000,
    });
    const leaderSync = bed.send(
      syncGroupHandler,
      syncRequest({ generationId: 1, memberId: leader!.memberId, assignments: [] }),
      3,
    );
    await bed.advance(100);
    // The leader's own sync completes once it wrote the group; the follower never syncs.
    expect((await leaderSync.promise).errorCode).toBe(ErrorCode.NONE);
    await bed.advance(10_000);
    const group = bed.coordinator.group(GROUP)!;
    expect(group.has(follower!.memberId)).toBe(false);
    expect(group.state).toBe("PreparingRebalance");
    const reasons = bed.events("group").map((e) => e.reason);
    expect(reasons.some((r) => r.includes("pending sync request expiration"))).toBe(true);
  });
});
