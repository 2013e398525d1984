import { describe, expect, it } from "vitest";
import { SimCluster } from "../sim-cluster.ts";
import {
  batchOf,
  createTopic,
  mustConnect,
  produce,
  waitForLeaders,
} from "../testing/cluster-requests.ts";
import { checkAcknowledgedAndUnique, checkReplicasAgree } from "./final-checks.ts";
import { SafetyHistory } from "./safety-history.ts";

describe("the safety history", () => {
  it("flags two Raft leaders in one term and two partition leaders in one epoch", () => {
    const history = new SafetyHistory(() => 0);
    history.observe({
      kind: "raft",
      node: 1,
      role: "leader",
      epoch: 4,
      leader: 1,
      highWatermark: 0n,
    });
    history.observe({
      kind: "raft",
      node: 2,
      role: "leader",
      epoch: 4,
      leader: 2,
      highWatermark: 0n,
    });
    history.observe({
      kind: "partition-role",
      node: 1,
      topic: "t",
      partition: 0,
      role: "leader",
      leader: 1,
      leaderEpoch: 2,
    });
    history.observe({
      kind: "partition-role",
      node: 3,
      topic: "t",
      partition: 0,
      role: "leader",
      leader: 3,
      leaderEpoch: 2,
    });
    expect(history.violations).toHaveLength(2);
  });

  it("flags a leader whose HW goes back within its epoch, not across a restart", () => {
    const history = new SafetyHistory(() => 0);
    const offsets = (highWatermark: bigint) => ({
      kind: "log-offsets" as const,
      node: 1,
      topic: "t",
      partition: 0,
      logStartOffset: 0n,
      logEndOffset: 9n,
      highWatermark,
    });
    history.observe({
      kind: "partition-role",
      node: 1,
      topic: "t",
      partition: 0,
      role: "leader",
      leader: 1,
      leaderEpoch: 0,
    });
    history.observe(offsets(5n));
    history.observe({ kind: "node", node: 1, action: "recovered" });
    history.observe({
      kind: "partition-role",
      node: 1,
      topic: "t",
      partition: 0,
      role: "leader",
      leader: 1,
      leaderEpoch: 1,
    });
    history.observe(offsets(3n));
    expect(history.violations).toEqual([]);
    history.observe(offsets(2n));
    expect(history.violations).toHaveLength(1);
  });
});

describe("the final checks", () => {
  it("pass on a healthy cluster and catch an acknowledgement the log does not hold", async () => {
    const cluster = new SimCluster({ seed: 5, nodes: 3 });
    await cluster.startAll();
    await cluster.scheduler.runUntil(
      () => cluster.nodeIds.every((id) => cluster.node(id)?.status().fenced === false),
      30_000,
    );
    await createTopic(cluster, 1, "checked", 1, 3);
    const [leader] = (await waitForLeaders(cluster, 1, "checked"))!;
    const answer = await produce(
      mustConnect(cluster, "p", leader!),
      cluster,
      "checked",
      0,
      batchOf(["x", "y"]),
      -1,
    );
    const baseOffset = answer.responses[0]!.partitionResponses[0]!.baseOffset;
    await cluster.scheduler.runFor(2_000);
    expect(
      checkAcknowledgedAndUnique(cluster, "checked", 1, [
        { partition: 0, baseOffset, values: ["x", "y"] },
      ]),
    ).toEqual([]);
    expect(checkReplicasAgree(cluster, "checked", 1)).toEqual([]);
    expect(
      checkAcknowledgedAndUnique(cluster, "checked", 1, [
        { partition: 0, baseOffset, values: ["x", "z"] },
      ]),
    ).toHaveLength(1);
  }, 60_000);
});
