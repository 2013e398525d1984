/**
 * The group coordinator in a whole simulated cluster, driven by raw Kafka requests: two
 * consumers join a group, get their assignments and commit offsets; then the coordinator's
 * node dies, and the broker that takes over its __consumer_offsets partition serves the
 * same group and offsets, loaded from the replicated log.
 */
import { describe, expect, it } from "vitest";
import type { Connection } from "../../client/connection.ts";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeGroupsResponse } from "../../protocol/generated/messages/describe-groups-response.ts";
import type { FindCoordinatorResponse } from "../../protocol/generated/messages/find-coordinator-response.ts";
import type { HeartbeatResponse } from "../../protocol/generated/messages/heartbeat-response.ts";
import type { JoinGroupResponse } from "../../protocol/generated/messages/join-group-response.ts";
import type { OffsetCommitResponse } from "../../protocol/generated/messages/offset-commit-response.ts";
import type { OffsetFetchResponse } from "../../protocol/generated/messages/offset-fetch-response.ts";
import type { SyncGroupResponse } from "../../protocol/generated/messages/sync-group-response.ts";
import { assignedPartitionsOf } from "../../broker/group/consumer-protocol.ts";
import { assignment, subscription } from "../../broker/group/testing/coordinator-test-bed.ts";
import { describeEvent } from "../node/telemetry-log.ts";
import { SimCluster } from "../sim/sim-cluster.ts";
import { createTopic, mustConnect, waitForLeaders } from "../sim/testing/cluster-requests.ts";

const GROUP = "billing";

async function readyCluster(): Promise<SimCluster> {
  const cluster = new SimCluster({
    seed: 11,
    nodes: 3,
    // Fewer partitions than Kafka's 50 keep the simulation quick; everything else is default.
    properties: { "offsets.topic.num.partitions": "5" },
    keepTelemetry: true,
  });
  await cluster.startAll();
  const ready = await cluster.scheduler.runUntil(
    () => cluster.nodeIds.every((id) => cluster.node(id)?.status().fenced === false),
    30_000,
  );
  expect(ready, "every broker registered and unfenced").toBe(true);
  return cluster;
}

/** FindCoordinator through `via` until it names a live coordinator (other than `not`). */
async function findCoordinator(cluster: SimCluster, via: number, not = -1): Promise<number> {
  const deadline = cluster.scheduler.nowMs() + 60_000;
  while (cluster.scheduler.nowMs() < deadline) {
    const connection = mustConnect(cluster, `finder-${via}`, via);
    const answer = await cluster
      .runWhile(
        connection.request<FindCoordinatorResponse>(ApiKey.FindCoordinator, 4, {
          key: "",
          keyType: 0,
          coordinatorKeys: [GROUP],
        }),
      )
      .catch(() => null);
    const found = answer?.coordinators[0];
    if (found?.errorCode === ErrorCode.NONE && found.nodeId !== not) return found.nodeId;
    await cluster.scheduler.runFor(200);
  }
  throw new Error("no coordinator was found within a minute");
}

function join(connection: Connection, memberId: string): Promise<JoinGroupResponse> {
  return connection.request<JoinGroupResponse>(ApiKey.JoinGroup, 5, {
    groupId: GROUP,
    sessionTimeoutMs: 30_000,
    rebalanceTimeoutMs: 60_000,
    memberId,
    groupInstanceId: null,
    protocolType: "consumer",
    protocols: [{ name: "range", metadata: subscription(["orders"]) }],
    reason: null,
  });
}

function sync(
  connection: Connection,
  member: JoinGroupResponse,
  assignments: { memberId: string; assignment: Uint8Array }[],
): Promise<SyncGroupResponse> {
  return connection.request<SyncGroupResponse>(ApiKey.SyncGroup, 3, {
    groupId: GROUP,
    generationId: member.generationId,
    memberId: member.memberId,
    groupInstanceId: null,
    protocolType: null,
    protocolName: null,
    assignments,
  });
}

function fetchOffsets(connection: Connection): Promise<OffsetFetchResponse> {
  return connection.request<OffsetFetchResponse>(ApiKey.OffsetFetch, 7, {
    groupId: GROUP,
    topics: null,
    groups: [],
    requireStable: false,
  });
}

describe("the group coordinator in a three-node cluster", () => {
  it("serves a group and its committed offsets from a new coordinator after the old one's node dies", async () => {
    const cluster = await readyCluster();
    expect((await createTopic(cluster, 1, "orders", 2, 3)).topics[0]!.errorCode).toBe(
      ErrorCode.NONE,
    );
    expect(await waitForLeaders(cluster, 1, "orders")).not.toBeNull();

    // The first FindCoordinator creates __consumer_offsets; the answer names its partition's leader.
    const coordinator = await findCoordinator(cluster, 1);
    const offsetsLeaders = await waitForLeaders(cluster, 1, "__consumer_offsets");
    expect(offsetsLeaders).toHaveLength(5);

    // Two consumers join: MEMBER_ID_REQUIRED first, then both join generation 1 together.
    const a = mustConnect(cluster, "consumer-a", coordinator);
    const b = mustConnect(cluster, "consumer-b", coordinator);
    const [idA, idB] = await cluster.runWhile(Promise.all([join(a, ""), join(b, "")]));
    expect([idA.errorCode, idB.errorCode]).toEqual([
      ErrorCode.MEMBER_ID_REQUIRED,
      ErrorCode.MEMBER_ID_REQUIRED,
    ]);
    const [joinA, joinB] = await cluster.runWhile(
      Promise.all([join(a, idA.memberId), join(b, idB.memberId)]),
    );
    expect([joinA.errorCode, joinB.errorCode]).toEqual([ErrorCode.NONE, ErrorCode.NONE]);
    expect(joinA.generationId).toBe(1);
    expect(joinB.leader).toBe(joinA.leader);
    const [leader, follower, leaderConnection, followerConnection] =
      joinA.leader === joinA.memberId ? [joinA, joinB, a, b] : [joinB, joinA, b, a];
    expect(leader.members).toHaveLength(2);

    // The leader assigns one partition each; the follower's SyncGroup waits for it.
    const followerSync = sync(followerConnection, follower, []);
    const leaderSync = sync(leaderConnection, leader, [
      { memberId: leader.memberId, assignment: assignment({ orders: [0] }) },
      { memberId: follower.memberId, assignment: assignment({ orders: [1] }) },
    ]);
    const [syncedLeader, syncedFollower] = await cluster.runWhile(
      Promise.all([leaderSync, followerSync]),
    );
    expect(assignedPartitionsOf(syncedLeader.assignment)).toEqual([
      { topic: "orders", partitions: [0] },
    ]);
    expect(assignedPartitionsOf(syncedFollower.assignment)).toEqual([
      { topic: "orders", partitions: [1] },
    ]);

    // Each commits its position (acks=all on __consumer_offsets).
    const commits = await cluster.runWhile(
      Promise.all(
        [
          [leaderConnection, leader, 0, 17n],
          [followerConnection, follower, 1, 23n],
        ].map(([connection, member, partition, offset]) =>
          (connection as Connection).request<OffsetCommitResponse>(ApiKey.OffsetCommit, 8, {
            groupId: GROUP,
            generationIdOrMemberEpoch: 1,
            memberId: (member as JoinGroupResponse).memberId,
            groupInstanceId: null,
            retentionTimeMs: -1n,
            topics: [
              {
                name: "orders",
                partitions: [
                  {
                    partitionIndex: partition as number,
                    committedOffset: offset as bigint,
                    committedLeaderEpoch: -1,
                    commitTimestamp: -1n,
                    committedMetadata: "",
                  },
                ],
              },
            ],
          }),
        ),
      ),
    );
    expect(commits.map((c) => c.topics[0]!.partitions[0]!.errorCode)).toEqual([
      ErrorCode.NONE,
      ErrorCode.NONE,
    ]);

    // The coordinator's node dies. Another broker becomes leader of the group's partition.
    cluster.kill(coordinator);
    const survivor = cluster.nodeIds.find((id) => id !== coordinator)!;
    const next = await findCoordinator(cluster, survivor, coordinator);
    expect(next).not.toBe(coordinator);

    const admin = mustConnect(cluster, "admin-after", next);
    // Until the new leader has loaded the partition: COORDINATOR_LOAD_IN_PROGRESS.
    let fetched: OffsetFetchResponse | null = null;
    for (let attempt = 0; attempt < 50 && fetched?.errorCode !== ErrorCode.NONE; attempt++) {
      fetched = await cluster.runWhile(fetchOffsets(admin));
      if (fetched.errorCode !== ErrorCode.NONE) await cluster.scheduler.runFor(100);
    }
    expect(fetched!.errorCode).toBe(ErrorCode.NONE);
    expect(
      fetched!.topics[0]!.partitions.map((p) => [p.partitionIndex, p.committedOffset]),
    ).toEqual([
      [0, 17n],
      [1, 23n],
    ]);

    const described = await cluster.runWhile(
      admin.request<DescribeGroupsResponse>(ApiKey.DescribeGroups, 5, {
        groups: [GROUP],
        includeAuthorizedOperations: false,
      }),
    );
    const group = described.groups[0]!;
    expect(group).toMatchObject({
      errorCode: ErrorCode.NONE,
      groupState: "Stable",
      protocolData: "range",
    });
    expect(
      group.members
        .map((m) => [m.memberId, assignedPartitionsOf(m.memberAssignment)] as const)
        .sort((x, y) => (x[0] < y[0] ? -1 : 1)),
    ).toEqual(
      [
        [leader.memberId, [{ topic: "orders", partitions: [0] }]] as const,
        [follower.memberId, [{ topic: "orders", partitions: [1] }]] as const,
      ].sort((x, y) => (x[0] < y[0] ? -1 : 1)),
    );

    // The members carry on with the new coordinator in the same generation.
    const member = mustConnect(cluster, "consumer-a-again", next);
    const beat = await cluster.runWhile(
      member.request<HeartbeatResponse>(ApiKey.Heartbeat, 4, {
        groupId: GROUP,
        generationId: 1,
        memberId: leader.memberId,
        groupInstanceId: null,
      }),
    );
    expect(beat.errorCode).toBe(ErrorCode.NONE);

    const groupEvents = cluster.telemetry.filter((e) => e.kind === "group" && e.group === GROUP);
    // The Node shell's server log says it in Kafka's words.
    const logLines = groupEvents.map((e) => describeEvent(e).message);
    expect(logLines).toContain(`Stabilized group ${GROUP} generation 1 with 2 members`);
    expect(logLines.some((line) => line.startsWith(`Preparing to rebalance group ${GROUP}`))).toBe(
      true,
    );
    expect(
      groupEvents.some((e) => e.node === coordinator && e.kind === "group" && e.state === "Stable"),
    ).toBe(true);
    expect(
      groupEvents.some(
        (e) =>
          e.node === next &&
          e.kind === "group" &&
          e.state === "Stable" &&
          e.reason.startsWith("loaded from"),
      ),
    ).toBe(true);
  }, 120_000);
});
