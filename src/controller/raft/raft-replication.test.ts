import { afterEach, describe, expect, it } from "vitest";
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { DescribeQuorumResponse } from "../../protocol/generated/messages/describe-quorum-response.ts";
import { METADATA_TOPIC_NAME } from "./metadata-partition.ts";
import { NotLeaderError } from "./raft-errors.ts";
import { RaftCluster } from "./testing/raft-cluster.ts";

let cluster: RaftCluster | null = null;
afterEach(async () => {
  await cluster?.closeAll();
  cluster = null;
});

function committedValues(c: RaftCluster, id: number): string[] {
  return c.node(id).committed.map((record) => record.value);
}

describe("replication", () => {
  it("appended values commit, and every voter and observer sees the same sequence once", async () => {
    const c = (cluster = await RaftCluster.start({
      voters: [1, 2, 3],
      observers: [4, 5],
      seed: 7,
    }));
    const leaderId = await c.awaitStableLeader(10_000, [1, 2, 3]);
    const leader = c.raft(leaderId);
    const startOffset = leader.logEndOffset;
    const first = await c.append(["a", "b"]);
    expect(first).toBe(startOffset + 1n);
    const second = await c.append(["c"]);
    expect(second).toBe(startOffset + 2n);
    // Appended locally at once, committed only once a majority has it.
    expect(leader.highWatermark).toBeLessThanOrEqual(startOffset);
    await c.runUntil(
      () => [1, 2, 3, 4, 5].every((id) => c.node(id).committed.length === 3),
      3000,
      "commits everywhere",
    );
    for (const id of [1, 2, 3, 4, 5]) {
      expect(committedValues(c, id)).toEqual(["a", "b", "c"]);
      expect(c.node(id).committed.map((record) => record.offset)).toEqual([
        startOffset,
        startOffset + 1n,
        startOffset + 2n,
      ]);
      expect(c.raft(id).highWatermark).toBe(startOffset + 3n);
    }
    // Observers follow the leader but never take part.
    expect(c.raft(4).role).toBe("observer");
    expect(c.raft(4).leaderId).toBe(leaderId);
    expect(c.events.filter((event) => event.kind === "error")).toEqual([]);
  });

  it("only the leader appends", async () => {
    const c = (cluster = await RaftCluster.start({ voters: [1, 2, 3], seed: 3 }));
    const leaderId = await c.awaitStableLeader(10_000);
    const follower = [1, 2, 3].find((id) => id !== leaderId)!;
    const refused = c.raft(follower).append([new Uint8Array([1])]);
    await expect(refused).rejects.toBeInstanceOf(NotLeaderError);
    await expect(refused).rejects.toMatchObject({ leaderId, epoch: c.raft(leaderId).epoch });
  });

  it("many appends in a row commit in order", async () => {
    const c = (cluster = await RaftCluster.start({ voters: [1, 2, 3], seed: 11 }));
    const leaderId = await c.awaitStableLeader(10_000);
    const values: string[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const batchValues = [`v${batch}-0`, `v${batch}-1`];
      values.push(...batchValues);
      await c.append(batchValues);
      if (batch % 5 === 0) await c.step();
    }
    await c.runUntil(
      () => [1, 2, 3].every((id) => c.node(id).committed.length === values.length),
      3000,
    );
    for (const id of [1, 2, 3]) expect(committedValues(c, id)).toEqual(values);
    expect(c.raft(leaderId).highWatermark).toBe(c.raft(leaderId).logEndOffset);
  });

  it("DescribeQuorum reports the leader, epoch, HW and every replica's progress", async () => {
    const c = (cluster = await RaftCluster.start({ voters: [1, 2, 3], observers: [4], seed: 5 }));
    const leaderId = await c.awaitStableLeader(10_000, [1, 2, 3]);
    await c.append(["x"]);
    await c.runUntil(
      () => c.node(4).committed.length === 1 && c.node(1).committed.length === 1,
      3000,
    );
    const describe = (target: number): Promise<DescribeQuorumResponse> =>
      c.request<DescribeQuorumResponse>(target, ApiKey.DescribeQuorum, 1, {
        topics: [{ topicName: METADATA_TOPIC_NAME, partitions: [{ partitionIndex: 0 }] }],
      });
    const answer = await describe(leaderId);
    const partition = answer.topics[0]!.partitions[0]!;
    const leader = c.raft(leaderId);
    expect(partition.errorCode).toBe(ErrorCode.NONE);
    expect(partition.leaderId).toBe(leaderId);
    expect(partition.leaderEpoch).toBe(leader.epoch);
    expect(partition.highWatermark).toBe(leader.highWatermark);
    expect(partition.currentVoters.map((voter) => voter.replicaId)).toEqual([1, 2, 3]);
    for (const voter of partition.currentVoters) {
      expect(voter.logEndOffset).toBe(leader.logEndOffset);
      expect(voter.lastFetchTimestamp).toBeGreaterThan(0n);
      expect(voter.lastCaughtUpTimestamp).toBeGreaterThan(0n);
      expect(voter.lastCaughtUpTimestamp).toBeLessThanOrEqual(BigInt(c.clock.nowMs()));
    }
    expect(partition.observers.map((observer) => observer.replicaId)).toEqual([4]);
    expect(partition.observers[0]!.logEndOffset).toBe(leader.logEndOffset);

    const follower = [1, 2, 3].find((id) => id !== leaderId)!;
    const refused = (await describe(follower)).topics[0]!.partitions[0]!;
    expect(refused.errorCode).toBe(ErrorCode.NOT_LEADER_OR_FOLLOWER);
    expect(refused.leaderId).toBe(leaderId);
  });
});
