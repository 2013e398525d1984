/**
 * A broker whose only log dir fails halts, as Kafka's does: the write that hit the full
 * disk answers KAFKA_STORAGE_ERROR and is never acknowledged, the node's clients are hung
 * up on, the controller fences it, another replica leads, and every record acknowledged
 * with acks=all before the failure is still there.
 */
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { readyCluster } from "../sim/testing/ready-cluster.ts";
import {
  batchOf,
  createTopic,
  fetchValues,
  mustConnect,
  produce,
  waitForLeaders,
} from "../sim/testing/cluster-requests.ts";

describe("a broker's only log dir fails", () => {
  it("halts the broker; leadership moves and acknowledged records stay", async () => {
    const cluster = await readyCluster(211);
    const halted: string[] = [];
    cluster.onTelemetry((event) => {
      if (event.kind === "error" && event.where === "node") halted.push(event.message);
    });
    await createTopic(cluster, 1, "full", 1, 3, { "min.insync.replicas": "2" });
    const [leader] = (await waitForLeaders(cluster, 1, "full"))!;
    const producer = mustConnect(cluster, "producer", leader!);
    const acked = await produce(producer, cluster, "full", 0, batchOf(["a", "b"]), -1, 30_000);
    expect(acked.responses[0]!.partitionResponses[0]!.errorCode).toBe(ErrorCode.NONE);

    const disk = cluster.disk(leader!);
    disk.faults.capacityBytes = disk.usedBytes();
    const refused = await produce(producer, cluster, "full", 0, batchOf(["c"]), -1, 30_000);
    expect(refused.responses[0]!.partitionResponses[0]!.errorCode).toBe(
      ErrorCode.KAFKA_STORAGE_ERROR,
    );

    // The controller fences it after broker.session.timeout.ms (9 s) and elects another
    // in-sync replica; ask a node that is still up.
    const other = cluster.nodeIds.find((id) => id !== leader)!;
    let next = leader;
    const deadline = cluster.scheduler.nowMs() + 30_000;
    while (next === leader && cluster.scheduler.nowMs() < deadline) {
      await cluster.scheduler.runFor(500);
      next = (await waitForLeaders(cluster, other, "full"))?.[0] ?? leader;
    }
    expect(next).not.toBe(leader);
    // The new leader's HW reaches the old one's once the other follower fetches from it.
    const reader = mustConnect(cluster, "reader", next!);
    let read = await fetchValues(reader, cluster, "full", 0, 0n);
    for (let tries = 0; read.values.length < 2 && tries < 20; tries++) {
      await cluster.scheduler.runFor(500);
      read = await fetchValues(reader, cluster, "full", 0, 0n);
    }
    expect(read).toMatchObject({ errorCode: ErrorCode.NONE, values: ["a", "b"] });
    expect(halted).toEqual([expect.stringMatching(/^halting: the only log dir is offline/)]);
  }, 60_000);
});
