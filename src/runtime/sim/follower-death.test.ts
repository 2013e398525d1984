/**
 * A follower's death must not stall acks=all writes for replica.lag.time.max.ms: once the
 * controller fences it and removes it from the ISR, the leader stops counting it towards
 * the HW (KIP-841's isReplicaIsrEligible), so a Produce waiting in purgatory completes with
 * the remaining ISR.
 */
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { readyCluster } from "./testing/ready-cluster.ts";
import {
  batchOf,
  createTopic,
  mustConnect,
  produce,
  waitForLeaders,
} from "./testing/cluster-requests.ts";

describe("a follower dies", () => {
  it("acks=all completes with the shrunk ISR soon after the follower is fenced", async () => {
    const cluster = await readyCluster(102);
    await createTopic(cluster, 1, "p", 1, 3, { "min.insync.replicas": "2" });
    const [leader] = (await waitForLeaders(cluster, 1, "p"))!;
    const connection = mustConnect(cluster, "producer", leader!);
    const first = await produce(connection, cluster, "p", 0, batchOf(["a"]), -1, 30_000);
    expect(first.responses[0]!.partitionResponses[0]!.errorCode).toBe(ErrorCode.NONE);

    const follower = cluster.nodeIds.find((id) => id !== leader)!;
    cluster.kill(follower);
    const startedAt = cluster.scheduler.nowMs();
    const second = await produce(connection, cluster, "p", 0, batchOf(["b"]), -1, 30_000);
    expect(second.responses[0]!.partitionResponses[0]!.errorCode).toBe(ErrorCode.NONE);
    // broker.session.timeout.ms (9 s) until the fence, then the ISR change reaches the leader.
    expect(cluster.scheduler.nowMs() - startedAt).toBeLessThan(12_000);
  }, 60_000);
});
