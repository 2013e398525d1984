import { describe, expect, it } from "vitest";
import { SIM_CLUSTER_ID, type SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import type { Admin } from "./admin.ts";
import { adminOn, controllerAdminOn } from "./testing/admin-fixture.ts";

async function leaderAndIsr(sim: SimCluster, admin: Admin, topic: string) {
  const { topics } = await sim.runWhile(admin.fetchTopicMetadata({ topics: [topic] }));
  const partition = topics[0]!.partitions[0]!;
  return { leader: partition.leader, isr: partition.isr };
}

describe("admin cluster calls", () => {
  it("describes the cluster: its brokers, a controller to send to, and its id", async () => {
    const sim = await readyCluster(51);
    const { admin } = adminOn(sim);
    const described = await sim.runWhile(admin.describeCluster());
    expect(described.clusterId).toBe(SIM_CLUSTER_ID);
    expect(described.brokers.map((b) => b.nodeId).sort()).toEqual([1, 2, 3]);
    expect(described.brokers.find((b) => b.nodeId === 2)).toMatchObject({
      host: "node-2",
      port: 9092,
    });
    expect([1, 2, 3]).toContain(described.controller);

    // A broker that died leaves the description once the controller fences it.
    await sim.shutdown(3);
    await sim.scheduler.runFor(12_000);
    const after = await sim.runWhile(admin.describeCluster());
    expect(after.brokers.map((b) => b.nodeId).sort()).toEqual([1, 2]);
  }, 60_000);

  it("moves leadership back to the preferred replica with a preferred election", async () => {
    const sim = await readyCluster(52);
    const { admin } = adminOn(sim, { bootstrap: "node-2:9092" });
    await sim.runWhile(
      admin.createTopics({
        topics: [{ topic: "pref", replicaAssignment: [{ partition: 0, replicas: [1, 2, 3] }] }],
      }),
    );
    expect((await leaderAndIsr(sim, admin, "pref")).leader).toBe(1);

    // Node 1 stops (leadership moves away) and comes back as a follower.
    await sim.shutdown(1);
    await sim.scheduler.runFor(2000);
    expect((await leaderAndIsr(sim, admin, "pref")).leader).not.toBe(1);
    await sim.start(1);
    const caughtUp = await sim.scheduler.runUntil(() => {
      const partition = sim
        .node(2)
        ?.inspect()
        .find((p) => p.topic === "pref" && p.leaderId >= 0);
      return partition?.isr.includes(1) ?? false;
    }, 30_000);
    expect(caughtUp).toBe(true);
    await sim.scheduler.runFor(1000);
    expect((await leaderAndIsr(sim, admin, "pref")).leader).not.toBe(1);

    const results = await sim.runWhile(
      admin.electLeaders({ topicPartitions: [{ topic: "pref", partitions: [0] }] }),
    );
    expect(results).toEqual([{ topic: "pref", partition: 0, error: null }]);
    await sim.scheduler.runFor(1000);
    expect((await leaderAndIsr(sim, admin, "pref")).leader).toBe(1);

    // Asked again: the preferred replica already leads, and an unknown partition is named.
    const again = await sim.runWhile(
      admin.electLeaders({
        topicPartitions: [
          { topic: "pref", partitions: [0] },
          { topic: "ghost", partitions: [0] },
        ],
      }),
    );
    const byTopic = new Map(again.map((result) => [result.topic, result.error]));
    expect(byTopic.get("pref")).toMatchObject({ type: "ELECTION_NOT_NEEDED" });
    expect(byTopic.get("ghost")).toMatchObject({
      type: "UNKNOWN_TOPIC_OR_PARTITION",
      subject: { topic: "ghost", partition: 0 },
    });
  }, 90_000);

  it("describes the metadata quorum from the active controller", async () => {
    const sim = await readyCluster(53);
    const leader = sim.node(1)!.status().raftLeader;
    expect(leader).toBeGreaterThan(0);
    const admin = controllerAdminOn(sim, leader);
    const quorum = await sim.runWhile(admin.describeQuorum());
    expect(quorum.leaderId).toBe(leader);
    expect(quorum.leaderEpoch).toBeGreaterThan(0);
    expect(BigInt(quorum.highWatermark)).toBeGreaterThan(0n);
    expect(quorum.voters.map((v) => v.replicaId).sort()).toEqual(sim.voters);
    const self = quorum.voters.find((voter) => voter.replicaId === leader)!;
    expect(BigInt(self.logEndOffset)).toBeGreaterThanOrEqual(BigInt(quorum.highWatermark));

    // A voter that does not lead says so, and the call gives up at its timeout.
    const follower = sim.voters.find((id) => id !== leader)!;
    const elsewhere = controllerAdminOn(sim, follower, { "default.api.timeout.ms": 1500 });
    const refused = await sim.runWhile(elsewhere.describeQuorum()).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      type: "NOT_LEADER_OR_FOLLOWER",
      subject: { topic: "__cluster_metadata", partition: 0 },
    });
  }, 60_000);
});
