import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { CoordinatorTestBed, subscription } from "../group/testing/coordinator-test-bed.ts";
import {
  GROUP,
  heartbeatRequest,
  joinAll,
  joinRequest,
  syncAll,
} from "../group/testing/group-requests.ts";
import { joinGroupHandler } from "./11-join-group.ts";
import { heartbeatHandler } from "./12-heartbeat.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("JoinGroup", () => {
  it("hands a v4+ dynamic member an id (clientId-uuid) with MEMBER_ID_REQUIRED first, then joins it as leader of generation 1", async () => {
    const bed = await CoordinatorTestBed.start();
    const first = await bed.exchange(joinGroupHandler, joinRequest(), 4);
    expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    expect(first.memberId.slice("test-".length)).toMatch(UUID);
    expect(first.generationId).toBe(-1);

    const joined = await bed.exchange(
      joinGroupHandler,
      joinRequest({ memberId: first.memberId }),
      4,
    );
    expect(joined).toMatchObject({
      errorCode: ErrorCode.NONE,
      memberId: first.memberId,
      leader: first.memberId,
      generationId: 1,
      protocolName: "range",
    });
    // The leader gets every member's metadata for the chosen protocol.
    expect(joined.members.map((m) => m.memberId)).toEqual([first.memberId]);
    expect(joined.members[0]!.metadata).toEqual(subscription(["orders"]));
    expect(bed.coordinator.group(GROUP)?.state).toBe("CompletingRebalance");
  });

  it("joins at once before v4 (no MEMBER_ID_REQUIRED round) and answers v0 without a protocol type", async () => {
    const bed = await CoordinatorTestBed.start();
    const joined = await bed.exchange(joinGroupHandler, joinRequest(), 0);
    expect(joined.errorCode).toBe(ErrorCode.NONE);
    expect(joined.memberId).toMatch(/^test-/);
    expect(joined.generationId).toBe(1);
    // v0 has no rebalance timeout: the session timeout stands in.
    expect(bed.coordinator.group(GROUP)?.member(joined.memberId)?.rebalanceTimeoutMs).toBe(10_000);
  });

  it("waits group.initial.rebalance.delay.ms for more members of a new group, extending it while they arrive", async () => {
    const bed = await CoordinatorTestBed.start({
      properties: { "group.initial.rebalance.delay.ms": "3000" },
    });
    const first = bed.send(joinGroupHandler, joinRequest(), 3);
    await bed.advance(2_000);
    expect(first.settled).toBe(false);
    const second = bed.send(joinGroupHandler, joinRequest(), 3);
    await bed.advance(1_500); // 3.5 s after the first: the delay was extended by the second's arrival
    expect(first.settled).toBe(false);
    await bed.advance(3_000);
    const [a, b] = await Promise.all([first.promise, second.promise]);
    expect(a.generationId).toBe(1);
    expect(b.generationId).toBe(1);
    expect(a.leader).toBe(a.memberId);
    expect(b.leader).toBe(a.memberId);
    expect(a.members).toHaveLength(2);
    expect(b.members).toHaveLength(0);
  });

  it("chooses the protocol every member supports, by the members' votes", async () => {
    const bed = await CoordinatorTestBed.start();
    const meta = subscription(["orders"]);
    const join = (protocols: string[]) =>
      bed.send(
        joinGroupHandler,
        joinRequest({ protocols: protocols.map((name) => ({ name, metadata: meta })) }),
        3,
      );
    // Only "sticky" and "range" are common; two members prefer sticky, one range.
    const answers = [
      join(["roundrobin", "sticky", "range"]),
      join(["sticky", "range"]),
      join(["range", "sticky"]),
    ];
    await bed.advance(100);
    for (const answer of await Promise.all(answers.map((a) => a.promise)))
      expect(answer.protocolName).toBe("sticky");
  });

  it("refuses a member whose protocols the group cannot speak: INCONSISTENT_GROUP_PROTOCOL", async () => {
    const bed = await CoordinatorTestBed.start();
    await joinAll(bed, ["a"]);
    const other = await bed.exchange(
      joinGroupHandler,
      joinRequest({ protocols: [{ name: "roundrobin", metadata: subscription(["orders"]) }] }),
      3,
    );
    expect(other.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const wrongType = await bed.exchange(
      joinGroupHandler,
      joinRequest({ protocolType: "connect" }),
      3,
    );
    expect(wrongType.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const none = await bed.exchange(
      joinGroupHandler,
      joinRequest({ groupId: "fresh", protocols: [] }),
      3,
    );
    expect(none.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  });

  it("bounds session.timeout.ms by group.min/max.session.timeout.ms: INVALID_SESSION_TIMEOUT", async () => {
    const bed = await CoordinatorTestBed.start();
    for (const sessionTimeoutMs of [5_999, 1_800_001]) {
      const answer = await bed.exchange(joinGroupHandler, joinRequest({ sessionTimeoutMs }), 5);
      expect(answer.errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT);
    }
    expect(
      (await bed.exchange(joinGroupHandler, joinRequest({ sessionTimeoutMs: 6_000 }), 5)).errorCode,
    ).toBe(ErrorCode.MEMBER_ID_REQUIRED);
  });

  it("answers INVALID_GROUP_ID for an empty id and UNKNOWN_MEMBER_ID for a member id the group never gave", async () => {
    const bed = await CoordinatorTestBed.start();
    expect((await bed.exchange(joinGroupHandler, joinRequest({ groupId: "" }), 5)).errorCode).toBe(
      ErrorCode.INVALID_GROUP_ID,
    );
    expect(
      (await bed.exchange(joinGroupHandler, joinRequest({ memberId: "test-made-up" }), 5))
        .errorCode,
    ).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it("caps the group at group.max.size: GROUP_MAX_SIZE_REACHED", async () => {
    const bed = await CoordinatorTestBed.start({ properties: { "group.max.size": "1" } });
    await joinAll(bed, ["a"]);
    const second = await bed.exchange(joinGroupHandler, joinRequest(), 5);
    expect(second.errorCode).toBe(ErrorCode.GROUP_MAX_SIZE_REACHED);
  });

  it("answers NOT_COORDINATOR when another broker leads the group's partition, and COORDINATOR_NOT_AVAILABLE without a coordinator", async () => {
    const bed = await CoordinatorTestBed.start({ offsetsPartitions: 0 });
    expect((await bed.exchange(joinGroupHandler, joinRequest(), 5)).errorCode).toBe(
      ErrorCode.NOT_COORDINATOR,
    );
    delete bed.services.groups;
    expect((await bed.exchange(joinGroupHandler, joinRequest(), 5)).errorCode).toBe(
      ErrorCode.COORDINATOR_NOT_AVAILABLE,
    );
  });

  it("a follower rejoining a Stable group unchanged gets the current generation; the leader rejoining starts a rebalance", async () => {
    const bed = await CoordinatorTestBed.start();
    const [leader, follower] = await joinAll(bed, ["a", "b"]);
    await syncAll(bed, [leader!, follower!]);
    const again = await bed.exchange(
      joinGroupHandler,
      joinRequest({ memberId: follower!.memberId }),
      5,
    );
    expect(again).toMatchObject({
      errorCode: ErrorCode.NONE,
      generationId: 1,
      leader: leader!.memberId,
      members: [],
    });
    expect(bed.coordinator.group(GROUP)?.state).toBe("Stable");

    const rejoin = bed.send(joinGroupHandler, joinRequest({ memberId: leader!.memberId }), 5);
    await bed.advance(10);
    expect(bed.coordinator.group(GROUP)?.state).toBe("PreparingRebalance");
    const followerRejoin = bed.send(
      joinGroupHandler,
      joinRequest({ memberId: follower!.memberId }),
      5,
    );
    await bed.advance(10);
    expect((await rejoin.promise).generationId).toBe(2);
    expect((await followerRejoin.promise).generationId).toBe(2);
  });

  it("removes a dynamic member that keeps heartbeating but does not rejoin within the rebalance timeout", async () => {
    const bed = await CoordinatorTestBed.start();
    const [a, b] = await joinAll(bed, ["a", "b"], { rebalanceTimeoutMs: 20_000 });
    await syncAll(bed, [a!, b!]);
    const rejoin = bed.send(
      joinGroupHandler,
      joinRequest({ memberId: a!.memberId, rebalanceTimeoutMs: 20_000 }),
      5,
    );
    const beat = () =>
      bed.exchange(
        heartbeatHandler,
        heartbeatRequest({ memberId: b!.memberId, generationId: 1 }),
        4,
      );
    for (let beats = 0; beats < 6; beats++) {
      expect((await beat()).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
      await bed.advance(3_000);
    }
    expect(rejoin.settled).toBe(false); // 18 s into the 20 s rebalance timeout
    await bed.advance(2_500);
    const answer = await rejoin.promise;
    expect(answer.generationId).toBe(2);
    expect(answer.members.map((m) => m.memberId)).toEqual([a!.memberId]);
    expect(bed.coordinator.group(GROUP)?.has(b!.memberId)).toBe(false);
  });

  it("lets a static member rejoin with a new member id without a rebalance when its metadata is unchanged, fencing the old id", async () => {
    const bed = await CoordinatorTestBed.start();
    const join = (groupInstanceId: string) =>
      bed.send(joinGroupHandler, joinRequest({ groupInstanceId }), 5);
    const first = [join("instance-a"), join("instance-b")];
    await bed.advance(100);
    const [a, b] = await Promise.all(first.map((p) => p.promise));
    expect(a!.memberId).toMatch(/^instance-a-/);
    await syncAll(
      bed,
      [a!, b!].map((join) => ({ ...join, groupId: GROUP, join })),
    );
    bed.events("group");

    // instance-b restarts: it comes back with no member id.
    const back = await bed.exchange(
      joinGroupHandler,
      joinRequest({ groupInstanceId: "instance-b" }),
      5,
    );
    expect(back.errorCode).toBe(ErrorCode.NONE);
    expect(back.memberId).not.toBe(b!.memberId);
    expect(back.generationId).toBe(1);
    expect(back.leader).toBe(a!.memberId);
    const group = bed.coordinator.group(GROUP)!;
    expect(group.state).toBe("Stable");
    expect(group.has(b!.memberId)).toBe(false);
    expect(bed.events("group").every((e) => e.state === "Stable")).toBe(true);

    // The old instance is fenced.
    const stale = await bed.exchange(
      joinGroupHandler,
      joinRequest({ groupInstanceId: "instance-b", memberId: b!.memberId }),
      5,
    );
    expect(stale.errorCode).toBe(ErrorCode.FENCED_INSTANCE_ID);
  });

  it("tells a returning static leader (v9) that it leads but should skip the assignment; before v9 it names the old leader id", async () => {
    const bed = await CoordinatorTestBed.start();
    const join = (groupInstanceId: string, version: number) =>
      bed.exchange(joinGroupHandler, joinRequest({ groupInstanceId }), version);
    const leaderJoin = await join("leader-instance", 9);
    await syncAll(bed, [
      { ...leaderJoin, groupId: GROUP, leader: leaderJoin.leader, join: leaderJoin },
    ]);

    const v9 = await join("leader-instance", 9);
    expect(v9).toMatchObject({
      errorCode: ErrorCode.NONE,
      leader: v9.memberId,
      skipAssignment: true,
      generationId: 1,
    });
    expect(v9.members.map((m) => m.memberId)).toEqual([v9.memberId]);

    const v8 = await join("leader-instance", 8);
    expect(v8).toMatchObject({
      errorCode: ErrorCode.NONE,
      leader: v9.memberId,
      skipAssignment: false,
      members: [],
    });
    expect(v8.memberId).not.toBe(v9.memberId);
    expect(bed.coordinator.group(GROUP)?.state).toBe("Stable");
  });
});
