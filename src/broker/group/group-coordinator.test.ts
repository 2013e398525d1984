import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { defaultPartitionChangeRecord } from "../../protocol/generated/metadata-records/partition-change-record.ts";
import { heartbeatHandler } from "../handlers/12-heartbeat.ts";
import { joinGroupHandler } from "../handlers/11-join-group.ts";
import { offsetCommitHandler } from "../handlers/08-offset-commit.ts";
import { leaveGroupHandler } from "../handlers/13-leave-group.ts";
import { syncGroupHandler } from "../handlers/14-sync-group.ts";
import { assignedPartitionsOf } from "./consumer-protocol.ts";
import {
  assignment,
  CoordinatorTestBed,
  OFFSETS_TOPIC_ID,
} from "./testing/coordinator-test-bed.ts";
import {
  commitRequest,
  GROUP,
  heartbeatRequest,
  joinAll,
  joinRequest,
  syncAll,
  syncRequest,
} from "./testing/group-requests.ts";

const LONG_SESSIONS = { "group.max.session.timeout.ms": "3600000" };

async function stableGroupWithCommits(bed: CoordinatorTestBed, sessionTimeoutMs = 10_000) {
  const members = await joinAll(bed, ["a", "b"], { sessionTimeoutMs });
  await syncAll(bed, members);
  const commit = await bed.exchange(
    offsetCommitHandler,
    commitRequest(
      { orders: { 0: 11n, 1: 22n } },
      { generationIdOrMemberEpoch: 1, memberId: members[0]!.memberId },
    ),
    8,
  );
  expect(commit.topics[0]!.partitions.every((p) => p.errorCode === ErrorCode.NONE)).toBe(true);
  return members;
}

describe("the group coordinator's partitions", () => {
  it("loads groups and offsets from __consumer_offsets when it (re)starts leading, sessions starting afresh", async () => {
    const bed = await CoordinatorTestBed.start();
    const members = await stableGroupWithCommits(bed);
    bed.events("group");
    await bed.restartCoordinator();

    const group = bed.coordinator.group(GROUP)!;
    expect(group).toMatchObject({
      state: "Stable",
      generationId: 1,
      protocolName: "range",
      leaderId: members[0]!.memberId,
    });
    expect(group.allMembers().map((m) => [m.memberId, assignedPartitionsOf(m.assignment)])).toEqual(
      [
        [members[0]!.memberId, [{ topic: "orders", partitions: [0] }]],
        [members[1]!.memberId, [{ topic: "orders", partitions: [1] }]],
      ],
    );
    expect(
      bed.coordinator.fetchOffsets(GROUP, null).offsets.map((o) => [o.partition, o.offset]),
    ).toEqual([
      [0, 11n],
      [1, 22n],
    ]);
    const index = bed.coordinator.partitionFor(GROUP);
    expect(bed.events("group").map((e) => [e.group, e.state, e.reason])).toEqual([
      [GROUP, "Dead", "the broker is shutting down"],
      [GROUP, "Stable", `loaded from __consumer_offsets-${index}`],
    ]);

    // Member a heartbeats to the new coordinator; b has gone quiet and is removed after its session.
    const beat = () =>
      bed
        .exchange(
          heartbeatHandler,
          heartbeatRequest({ memberId: members[0]!.memberId, generationId: 1 }),
          4,
        )
        .then((answer) => answer.errorCode);
    for (let i = 0; i < 4; i++) {
      expect(await beat()).toBe(ErrorCode.NONE);
      await bed.advance(2_400);
    }
    expect(group.has(members[1]!.memberId)).toBe(true);
    await bed.advance(1_000);
    expect(await beat()).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(group.has(members[1]!.memberId)).toBe(false);
  });

  it("serves a replayed group only once the HW has passed it: an uncommitted assignment is not acted on", async () => {
    // Follower 2 is in the ISR but never fetches: the assignment's record stays above the HW.
    const bed = await CoordinatorTestBed.start({ offsetsReplicas: [1, 2] });
    const members = await joinAll(bed, ["a"]);
    const leader = members[0]!;
    const sync = bed.send(
      syncGroupHandler,
      syncRequest({
        generationId: leader.generationId,
        memberId: leader.memberId,
        assignments: [{ memberId: leader.memberId, assignment: assignment({ orders: [0] }) }],
      }),
      3,
    );
    await bed.advance(100);
    expect(sync.settled, "SyncGroup waits for its record to be committed").toBe(false);
    expect((await bed.stored(GROUP)).groups.get(GROUP)?.members).toHaveLength(1);

    // A new coordinator (as on a new leader) replays the record but must not serve it yet.
    await bed.restartCoordinator();
    bed.events("group");
    await bed.advance(100);
    const rejoin = await bed.exchange(
      joinGroupHandler,
      joinRequest({ memberId: leader.memberId }),
      5,
    );
    expect(rejoin.errorCode).toBe(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
    expect(bed.coordinator.group(GROUP)).toBeUndefined();

    // The ISR shrinks to the leader alone: the HW reaches the log end, and the group is served.
    const index = bed.coordinator.partitionFor(GROUP);
    await bed.broker.apply({
      type: "PartitionChangeRecord",
      data: {
        ...defaultPartitionChangeRecord(),
        topicId: OFFSETS_TOPIC_ID,
        partitionId: index,
        isr: [1],
      },
    });
    await bed.advance(10);
    expect(bed.coordinator.group(GROUP)).toMatchObject({ state: "Stable", generationId: 1 });
    expect(bed.events("group").map((e) => [e.state, e.reason])).toEqual([
      ["Stable", `loaded from __consumer_offsets-${index}`],
    ]);
    // Now committed, the assignment is what a member of generation 1 gets.
    const stable = await bed.exchange(
      syncGroupHandler,
      syncRequest({ generationId: 1, memberId: leader.memberId }),
      3,
    );
    expect(stable.errorCode).toBe(ErrorCode.NONE);
    expect(assignedPartitionsOf(stable.assignment)).toEqual([{ topic: "orders", partitions: [0] }]);
  });

  it("unloads a partition it no longer leads: waiting members hear NOT_COORDINATOR, later requests too", async () => {
    const bed = await CoordinatorTestBed.start({
      offsetsReplicas: [1, 2],
      properties: { "group.initial.rebalance.delay.ms": "3000" },
    });
    // A new group's first rebalance: the member's JoinGroup waits out the initial delay.
    const rejoin = bed.send(joinGroupHandler, joinRequest({ groupId: "moving" }), 3);
    await bed.advance(10);
    const partition = bed.coordinator.partitionFor("moving");
    await bed.broker.apply({
      type: "PartitionChangeRecord",
      data: {
        ...defaultPartitionChangeRecord(),
        topicId: OFFSETS_TOPIC_ID,
        partitionId: partition,
        leader: 2,
      },
    });
    await bed.advance(10);
    expect((await rejoin.promise).errorCode).toBe(ErrorCode.NOT_COORDINATOR);
    expect(bed.coordinator.group("moving")).toBeUndefined();
    const again = await bed.exchange(joinGroupHandler, joinRequest({ groupId: "moving" }), 3);
    expect(again.errorCode).toBe(ErrorCode.NOT_COORDINATOR);
    const dead = bed.events("group").find((e) => e.group === "moving" && e.state === "Dead");
    expect(dead?.reason).toContain("no longer led by this broker");
  });
});

describe("offset retention", () => {
  const retention = {
    "offsets.retention.minutes": "10",
    "offsets.retention.check.interval.ms": "60000",
  };

  it("keeps an emptied consumer group's offsets for the retention counted from when it became Empty, then deletes the group", async () => {
    const bed = await CoordinatorTestBed.start({ properties: { ...retention, ...LONG_SESSIONS } });
    const members = await stableGroupWithCommits(bed, 3_600_000);
    // The commits are old by the time the group empties: what counts is when it emptied.
    await bed.advance(8 * 60_000);
    for (const member of members)
      await bed.exchange(
        leaveGroupHandler,
        { groupId: GROUP, memberId: member.memberId, members: [] },
        1,
      );
    expect(bed.coordinator.group(GROUP)?.state).toBe("Empty");
    await bed.advance(9 * 60_000);
    expect(bed.coordinator.fetchOffsets(GROUP, null).offsets).toHaveLength(2);
    await bed.advance(2 * 60_000);
    expect(bed.coordinator.fetchOffsets(GROUP, null).offsets).toEqual([]);
    expect(bed.coordinator.group(GROUP)).toBeUndefined();
    const stored = await bed.stored(GROUP);
    expect(stored.groups.has(GROUP)).toBe(false);
    expect(stored.offsets.offsetsOf(GROUP)).toEqual([]);
  });

  it("expires a Stable consumer group's offsets only for topics it no longer subscribes to", async () => {
    const bed = await CoordinatorTestBed.start({ properties: { ...retention, ...LONG_SESSIONS } });
    const members = await joinAll(bed, ["a"], { sessionTimeoutMs: 3_600_000 });
    await syncAll(bed, members);
    await bed.exchange(
      offsetCommitHandler,
      commitRequest(
        { orders: { 0: 1n }, elsewhere: { 0: 2n } },
        { generationIdOrMemberEpoch: 1, memberId: members[0]!.memberId },
      ),
      8,
    );
    await bed.advance(11 * 60_000);
    expect(bed.coordinator.fetchOffsets(GROUP, null).offsets.map((o) => o.topic)).toEqual([
      "orders",
    ]);
    expect(bed.coordinator.group(GROUP)?.state).toBe("Stable");
  });
});
