import { describe, expect, it } from "vitest";
import type { ClientIo } from "../../client/client-io.ts";
import { BROKER_LISTENER, CONTROLLER_LISTENER } from "../../client/node-requester.ts";
import { SIM_CLUSTER_ID, SimCluster } from "../../runtime/sim/sim-cluster.ts";
import { runTool } from "../testing/captured-io.ts";
import { metadataQuorumTool } from "./metadata-quorum.ts";
import { describeClusterId, describeMetadataQuorum } from "./quorum-calls.ts";
import { statusLines } from "./quorum-info.ts";

/** Nodes 1-3 are voters; node 4 is a broker only, which follows the metadata log as an observer. */
async function runningCluster(): Promise<SimCluster> {
  const cluster = new SimCluster({ seed: 11, nodes: 4, voters: 3 });
  await cluster.startAll();
  const ready = await cluster.scheduler.runUntil(
    () => cluster.nodeIds.every((id) => cluster.node(id)?.status().fenced === false),
    30_000,
  );
  if (!ready) throw new Error("the cluster did not come up");
  await cluster.scheduler.runFor(2_000); // a few fetches, so every replica has caught up
  return cluster;
}

/** An operator's host: `node-N:9092` is node N's broker listener, `node-N:9093` its controller listener. */
function operatorIo(cluster: SimCluster): ClientIo {
  const dial = cluster.clientDialer("operator");
  return {
    connect({ host, port }) {
      const match = /^node-(\d+)$/.exec(host);
      if (match === null) return null;
      const listener = port === 9093 ? CONTROLLER_LISTENER : BROKER_LISTENER;
      return dial({ nodeId: Number(match[1]), listener, host, port });
    },
    nowMs: () => cluster.scheduler.nowMs(),
    after: (delayMs, run) => cluster.scheduler.after(delayMs, run),
    random: cluster.random,
  };
}

const quorumTool = (cluster: SimCluster, args: string[]) =>
  runTool(metadataQuorumTool, args, { connect: operatorIo(cluster), sim: cluster });

const CONTROLLERS = "node-1:9093,node-2:9093,node-3:9093";

describe("kafka-metadata-quorum against a simulated cluster", () => {
  it("describe --replication through the controllers: the leader, its followers and the observer, as a table", async () => {
    const cluster = await runningCluster();
    const leader = cluster.node(1)!.status().raftLeader;
    const { exitCode, out, err } = await quorumTool(cluster, [
      "--bootstrap-controller",
      CONTROLLERS,
      "describe",
      "--replication",
    ]);
    expect(err).toEqual([]);
    expect(exitCode).toBe(0);
    const rows = out.map((line) => line.split("\t"));
    expect(rows.every((cells) => cells.length === 7 && cells[6] === "")).toBe(true); // a tab after every cell
    expect(rows[0]!.map((cell) => cell.trim())).toEqual([
      "NodeId",
      "LogEndOffset",
      "Lag",
      "LastFetchTimestamp",
      "LastCaughtUpTimestamp",
      "Status",
      "",
    ]);
    // Cells are padded to their column.
    for (let column = 0; column < 6; column++)
      expect(new Set(rows.map((cells) => cells[column]!.length)).size).toBe(1);
    const body = rows.slice(1).map((cells) => cells.map((cell) => cell.trim()));
    expect(body.map((cells) => [cells[0], cells[5]])).toEqual([
      [String(leader), "Leader"],
      ...[1, 2, 3].filter((id) => id !== leader).map((id) => [String(id), "Follower"]),
      ["4", "Observer"],
    ]);
    const leaderEnd = BigInt(body[0]![1]!);
    expect(leaderEnd).toBeGreaterThan(0n);
    for (const cells of body) expect(BigInt(cells[2]!)).toBe(leaderEnd - BigInt(cells[1]!)); // Lag
    const now = cluster.scheduler.nowMs();
    for (const cells of body) expect(Number(cells[3])).toBeGreaterThan(now - 5_000);

    const human = await quorumTool(cluster, [
      "--bootstrap-controller",
      CONTROLLERS,
      "describe",
      "--replication",
      "--human-readable",
    ]);
    expect(human.exitCode).toBe(0);
    expect(human.out[1]).toMatch(/^\S+ +\t\d+ +\t0 +\t\d+ ms ago +\t\d+ ms ago +\tLeader +\t$/);
  });

  it("describe --status prints Kafka's summary from the quorum's own answer", async () => {
    const cluster = await runningCluster();
    const status = cluster.node(1)!.status();
    const io = operatorIo(cluster);
    const controllers = [1, 2, 3].map((id) => ({ host: `node-${id}`, port: 9093 }));
    const quorum = await cluster.runWhile(
      describeMetadataQuorum({ io, bootstrap: controllers, clientId: "test" }),
    );
    const clusterId = await cluster.runWhile(
      describeClusterId(
        { io, bootstrap: [{ host: "node-4", port: 9092 }], clientId: "test" },
        false,
      ),
    );
    const lines = statusLines(clusterId, quorum);
    expect(lines).toEqual([
      `ClusterId:              ${SIM_CLUSTER_ID}`,
      `LeaderId:               ${status.raftLeader}`,
      `LeaderEpoch:            ${status.raftEpoch}`,
      `HighWatermark:          ${quorum.highWatermark}`,
      "MaxFollowerLag:         0",
      "MaxFollowerLagTimeMs:   0",
      "CurrentVoters:          [1,2,3]",
      "CurrentObservers:       [4]",
    ]);
    expect(quorum.highWatermark).toBe(
      quorum.voters.find((voter) => voter.replicaId === status.raftLeader)!.logEndOffset,
    );
  });

  it("reaches the quorum through a broker, which forwards DescribeQuorum to the active controller", async () => {
    const cluster = await runningCluster();
    const viaBroker = await quorumTool(cluster, [
      "--bootstrap-server",
      "node-1:9092",
      "describe",
      "--replication",
    ]);
    expect(viaBroker.err).toEqual([]);
    expect(viaBroker.exitCode).toBe(0);
    expect(viaBroker.out[0]).toMatch(/^NodeId\s+DirectoryId\s+LogEndOffset|^NodeId\s+LogEndOffset/);
    expect(viaBroker.out.filter((line) => /\b(Leader|Follower)\b/.test(line))).toHaveLength(3);
  });

  it("says what Kafka's tool says when a node does not answer the API it needs", async () => {
    const cluster = await runningCluster();
    // --status asks the controllers for the cluster id first (DescribeCluster, KIP-919), which they do not answer here.
    const status = await quorumTool(cluster, [
      "--bootstrap-controller",
      CONTROLLERS,
      "describe",
      "--status",
    ]);
    expect(status.exitCode).toBe(1);
    expect(status.err[0]).toBe(
      "org.apache.kafka.common.errors.UnsupportedVersionException: The node does not support DESCRIBE_CLUSTER",
    );
  });

  it("times out as the Admin client does when no controller answers", async () => {
    const cluster = await runningCluster();
    for (const id of [1, 2, 3]) cluster.kill(id);
    const { exitCode, err } = await quorumTool(cluster, [
      "--bootstrap-controller",
      CONTROLLERS,
      "describe",
      "--replication",
    ]);
    expect(exitCode).toBe(1);
    expect(err[0]).toBe(
      "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: describeMetadataQuorum",
    );
  });

  it("rejects bad use with Kafka's messages", async () => {
    const cluster = await runningCluster();
    const both = await quorumTool(cluster, [
      "--bootstrap-controller",
      CONTROLLERS,
      "describe",
      "--status",
      "--replication",
    ]);
    expect(both).toEqual({
      exitCode: 1,
      out: [],
      err: ["Only one of --status or --replication should be specified with describe sub-command"],
    });
    const neither = await quorumTool(cluster, ["--bootstrap-controller", CONTROLLERS, "describe"]);
    expect(neither.err).toEqual([
      "One of --status or --replication must be specified with describe sub-command",
    ]);
    const human = await quorumTool(cluster, [
      "--bootstrap-controller",
      CONTROLLERS,
      "describe",
      "--status",
      "--human-readable",
    ]);
    expect(human.err).toEqual([
      "The option --human-readable is only supported along with --replication",
    ]);
  });
});
