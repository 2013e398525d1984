import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_RAFT_CONFIG } from "./raft-config.ts";
import { RaftCluster } from "./testing/raft-cluster.ts";

let cluster: RaftCluster | null = null;
afterEach(async () => {
  await cluster?.closeAll();
  cluster = null;
});

const values = (c: RaftCluster, id: number): string[] =>
  c.node(id).committed.map((record) => record.value);
const checkQuorumMs = DEFAULT_RAFT_CONFIG.fetchTimeoutMs * 1.5;

describe("network partitions", () => {
  it("an isolated leader resigns by check-quorum, the majority elects another, and its uncommitted records are truncated", async () => {
    const c = (cluster = await RaftCluster.start({ voters: [1, 2, 3], observers: [4], seed: 21 }));
    const oldLeader = await c.awaitStableLeader(10_000, [1, 2, 3]);
    await c.append(["a"]);
    await c.runUntil(
      () => [1, 2, 3, 4].every((id) => values(c, id).length === 1),
      3000,
      "first commit",
    );

    c.isolate(oldLeader);
    // Appended on the isolated leader only: never committed, and cut away later.
    await c.append(["lost-1", "lost-2"]);
    const isolatedEnd = c.raft(oldLeader).logEndOffset;

    const resignedAfter = await c.runUntil(
      () => c.raft(oldLeader).role !== "leader",
      checkQuorumMs + 100,
      "check-quorum",
    );
    expect(c.raft(oldLeader).role).toBe("resigned");
    expect(resignedAfter).toBeGreaterThan(checkQuorumMs - DEFAULT_RAFT_CONFIG.fetchMaxWaitMs - 100);
    expect(resignedAfter).toBeLessThanOrEqual(checkQuorumMs + 10);

    const majority = [1, 2, 3].filter((id) => id !== oldLeader);
    await c.runUntil(
      () => c.hasStableLeader([...majority, 4]),
      10_000,
      "a leader on the majority side",
    );
    const newLeader = c.leaders(majority)[0]!;
    await c.append(["b"]);
    await c.runUntil(
      () => [...majority, 4].every((id) => values(c, id).join() === "a,b"),
      3000,
      "commit on the majority side",
    );
    expect(values(c, oldLeader)).toEqual(["a"]);

    c.heal();
    await c.runUntil(
      () => c.hasStableLeader() && values(c, oldLeader).length === 2,
      15_000,
      "the old leader rejoining",
    );
    const leader = c.raft(c.leaders()[0]!);
    await c.runUntil(() => c.raft(oldLeader).logEndOffset === leader.logEndOffset, 3000);
    // Its divergent tail is gone: it holds exactly what the leader holds.
    expect(values(c, oldLeader)).toEqual(["a", "b"]);
    expect(c.node(oldLeader).committed.map((record) => record.offset)).toEqual(
      c.node(newLeader).committed.map((record) => record.offset),
    );
    // "b" now sits where "lost-1" was: the divergent tail was cut, not kept.
    const lostOffset = isolatedEnd - 2n;
    expect(
      c.node(oldLeader).committed.find((record) => record.value === "b")!.offset,
    ).toBeGreaterThanOrEqual(lostOffset);
    await c.append(["c"]);
    await c.runUntil(
      () => [1, 2, 3, 4].every((id) => values(c, id).join() === "a,b,c"),
      3000,
      "commits after healing",
    );
    for (const id of [1, 2, 3, 4]) expect(values(c, id).includes("lost-1")).toBe(false);
    for (const [epoch, leaders] of c.leadersByEpoch())
      expect(leaders.size, `epoch ${epoch}`).toBe(1);
    expect(newLeader).not.toBe(oldLeader);
  });

  it("a leader cut off with a minority of five resigns while the majority elects and commits", async () => {
    const voters = [1, 2, 3, 4, 5];
    const c = (cluster = await RaftCluster.start({ voters, seed: 8 }));
    const oldLeader = await c.awaitStableLeader(10_000);
    const companion = voters.find((id) => id !== oldLeader)!;
    const minority = [oldLeader, companion];
    const majority = voters.filter((id) => !minority.includes(id));
    await c.append(["a"]);
    await c.runUntil(() => voters.every((id) => values(c, id).length === 1), 3000);

    c.partition(minority, majority);
    // One follower still fetches, but that is not a majority: check-quorum fires anyway (a
    // fetch from the other side may still have been counted just before the cut).
    await c.runUntil(
      () => c.raft(oldLeader).role !== "leader",
      checkQuorumMs + DEFAULT_RAFT_CONFIG.fetchMaxWaitMs + 100,
      "check-quorum",
    );
    await c.runUntil(() => c.hasStableLeader(majority), 10_000, "a majority leader");
    await c.append(["b"]);
    await c.runUntil(() => majority.every((id) => values(c, id).join() === "a,b"), 3000);
    // The minority cannot commit anything meanwhile.
    for (const id of minority) expect(values(c, id)).toEqual(["a"]);

    c.heal();
    await c.runUntil(
      () => c.hasStableLeader() && voters.every((id) => values(c, id).join() === "a,b"),
      15_000,
      "healing",
    );
    for (const [epoch, leaders] of c.leadersByEpoch())
      expect(leaders.size, `epoch ${epoch}`).toBe(1);
  });
});
