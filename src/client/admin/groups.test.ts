import { describe, expect, it } from "vitest";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { findCoordinator } from "../cluster/find-coordinator.ts";
import { AdminProtocolError } from "./admin-error.ts";
import { adminOn, produceAt } from "./testing/admin-fixture.ts";
import { joinGroupMember } from "./testing/group-member.ts";

const BASE_TIME = 1_700_000_000_000;

async function failure(work: Promise<unknown>): Promise<AdminProtocolError> {
  const outcome = await work.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AdminProtocolError);
  return outcome as AdminProtocolError;
}

describe("admin consumer groups", () => {
  it("sets, reads and resets an empty group's offsets, and lists and describes the group", async () => {
    const sim = await readyCluster(61);
    const { admin, cluster } = adminOn(sim);
    await sim.runWhile(admin.createTopics({ topics: [{ topic: "ledger", numPartitions: 2 }] }));
    for (const partition of [0, 1]) {
      await produceAt(
        sim,
        cluster,
        "ledger",
        partition,
        ["a", "b", "c"],
        [BASE_TIME, BASE_TIME, BASE_TIME],
      );
    }

    await sim.runWhile(
      admin.setOffsets({
        groupId: "audit",
        topic: "ledger",
        partitions: [
          { partition: 0, offset: "1" },
          { partition: 1, offset: "2" },
        ],
      }),
    );
    const expected = [
      {
        topic: "ledger",
        partitions: [
          { partition: 0, offset: "1", metadata: null },
          { partition: 1, offset: "2", metadata: null },
        ],
      },
    ];
    expect(
      await sim.runWhile(admin.fetchOffsets({ groupId: "audit", topics: ["ledger"] })),
    ).toEqual(expected);
    // Without topics: every topic the group committed.
    expect(await sim.runWhile(admin.fetchOffsets({ groupId: "audit" }))).toEqual(expected);

    const { groups } = await sim.runWhile(admin.listGroups());
    expect(groups).toContainEqual({ groupId: "audit", protocolType: "", groupState: "Empty" });
    const described = await sim.runWhile(admin.describeGroups(["audit", "nobody"]));
    expect(described.groups.map((g) => [g.groupId, g.state, g.members.length])).toEqual([
      ["audit", "Empty", 0],
      ["nobody", "Dead", 0],
    ]);

    // Records below offset 1 go; --to-earliest is then offset 1, --to-latest the high watermark.
    await sim.runWhile(
      admin.deleteTopicRecords({ topic: "ledger", partitions: [{ partition: 1, offset: "1" }] }),
    );
    await sim.runWhile(admin.resetOffsets({ groupId: "audit", topic: "ledger", earliest: true }));
    const earliest = await sim.runWhile(
      admin.fetchOffsets({ groupId: "audit", topics: ["ledger"] }),
    );
    expect(earliest[0]!.partitions.map((p) => p.offset)).toEqual(["0", "1"]);
    await sim.runWhile(admin.resetOffsets({ groupId: "audit", topic: "ledger" }));
    const latest = await sim.runWhile(admin.fetchOffsets({ groupId: "audit", topics: ["ledger"] }));
    expect(latest[0]!.partitions.map((p) => p.offset)).toEqual(["3", "3"]);
  }, 60_000);

  it("answers -1 for partitions without a commit, and resolves and commits them when asked", async () => {
    const sim = await readyCluster(62);
    const { admin, cluster } = adminOn(sim);
    await sim.runWhile(admin.createTopics({ topics: [{ topic: "fresh", numPartitions: 2 }] }));
    await produceAt(sim, cluster, "fresh", 0, ["x", "y"], [BASE_TIME, BASE_TIME]);
    const unread = await sim.runWhile(
      admin.fetchOffsets({ groupId: "newcomer", topics: ["fresh"] }),
    );
    expect(unread[0]!.partitions.map((p) => p.offset)).toEqual(["-1", "-1"]);

    const resolved = await sim.runWhile(
      admin.fetchOffsets({ groupId: "newcomer", topics: ["fresh"], resolveOffsets: true }),
    );
    expect(resolved[0]!.partitions.map((p) => p.offset)).toEqual(["2", "0"]);
    const committed = await sim.runWhile(
      admin.fetchOffsets({ groupId: "newcomer", topics: ["fresh"] }),
    );
    expect(committed[0]!.partitions.map((p) => p.offset)).toEqual(["2", "0"]);

    const unknownTopic = await failure(
      sim.runWhile(admin.fetchOffsets({ groupId: "newcomer", topics: ["ghost"] })),
    );
    expect(unknownTopic.type).toBe("UNKNOWN_TOPIC_OR_PARTITION");
  }, 60_000);

  it("refuses to move a running group's offsets or delete it, and deletes it once empty", async () => {
    const sim = await readyCluster(63);
    const { admin, cluster } = adminOn(sim);
    await sim.runWhile(admin.createTopics({ topics: [{ topic: "work", numPartitions: 1 }] }));
    const member = await joinGroupMember(sim, cluster, "busy", ["work"]);

    const { groups } = await sim.runWhile(admin.describeGroups(["busy"]));
    expect(groups[0]).toMatchObject({ groupId: "busy", state: "Stable", protocolType: "consumer" });
    expect(groups[0]!.protocol).toBe("range");
    expect(groups[0]!.members.map((m) => [m.memberId, m.clientId])).toEqual([
      [member.memberId, "admin-test"],
    ]);

    const setWhileRunning = await failure(
      sim.runWhile(
        admin.setOffsets({
          groupId: "busy",
          topic: "work",
          partitions: [{ partition: 0, offset: "0" }],
        }),
      ),
    );
    expect(setWhileRunning.type).toBe("NON_EMPTY_GROUP");
    expect(setWhileRunning.subject).toEqual({ groupId: "busy" });
    expect(setWhileRunning.message).toMatch(/no running members.*Stable with 1 member/);
    const resetWhileRunning = await failure(
      sim.runWhile(admin.resetOffsets({ groupId: "busy", topic: "work", earliest: true })),
    );
    expect(resetWhileRunning.type).toBe("NON_EMPTY_GROUP");

    const deleteWhileRunning = await failure(sim.runWhile(admin.deleteGroups(["busy"])));
    expect(deleteWhileRunning).toMatchObject({
      type: "NON_EMPTY_GROUP",
      subject: { groupId: "busy" },
    });
    const deleteUnknown = await failure(sim.runWhile(admin.deleteGroups(["never-was"])));
    expect(deleteUnknown).toMatchObject({
      type: "GROUP_ID_NOT_FOUND",
      subject: { groupId: "never-was" },
    });

    await member.leave();
    expect(await sim.runWhile(admin.deleteGroups(["busy"]))).toEqual([
      { groupId: "busy", errorCode: 0 },
    ]);
    const after = await sim.runWhile(admin.describeGroups(["busy"]));
    expect(after.groups[0]!.state).toBe("Dead");
  }, 60_000);

  it("finds the group's new coordinator when the old one dies", async () => {
    const sim = await readyCluster(64);
    const { admin, cluster } = adminOn(sim);
    await sim.runWhile(admin.createTopics({ topics: [{ topic: "moved", numPartitions: 1 }] }));
    const partitions = [{ partition: 0, offset: "0" }];
    await sim.runWhile(admin.setOffsets({ groupId: "wanderer", topic: "moved", partitions }));
    const { nodeId } = await sim.runWhile(findCoordinator(cluster, "wanderer"));
    sim.kill(nodeId);
    // The old coordinator's connection fails; the group's offsets partition gets a new
    // leader, which loads the group and becomes its coordinator.
    const offsets = await sim.runWhile(
      admin.fetchOffsets({ groupId: "wanderer", topics: ["moved"] }),
    );
    expect(offsets[0]!.partitions[0]!.offset).toBe("0");
  }, 90_000);
});
