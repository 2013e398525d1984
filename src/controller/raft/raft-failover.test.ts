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

describe("leader failure", () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`a killed leader is replaced and loses nothing committed (seed ${seed})`, async () => {
      const c = (cluster = await RaftCluster.start({ voters: [1, 2, 3], seed }));
      const oldLeader = await c.awaitStableLeader(10_000);
      const oldEpoch = c.raft(oldLeader).epoch;
      await c.append(["a", "b"]);
      await c.append(["c"]);
      await c.runUntil(() => [1, 2, 3].every((id) => values(c, id).length === 3), 3000, "commits");
      const committedBeforeKill = values(c, oldLeader);

      c.kill(oldLeader);
      const survivors = [1, 2, 3].filter((id) => id !== oldLeader);
      const elapsed = await c.runUntil(() => c.hasStableLeader(survivors), 20_000, "a new leader");
      // Followers notice after the fetch timeout; a split vote costs one more randomized
      // election timeout [T, 2T) plus a backoff.
      const { fetchTimeoutMs, electionTimeoutMs, electionBackoffMaxMs } = DEFAULT_RAFT_CONFIG;
      expect(elapsed).toBeGreaterThanOrEqual(fetchTimeoutMs - 600);
      expect(elapsed).toBeLessThanOrEqual(
        fetchTimeoutMs + 2 * electionTimeoutMs + electionBackoffMaxMs,
      );
      const newLeader = c.leaders(survivors)[0]!;
      expect(c.raft(newLeader).epoch).toBeGreaterThan(oldEpoch);

      await c.append(["d"]);
      await c.runUntil(
        () => survivors.every((id) => values(c, id).length === 4),
        3000,
        "commits after failover",
      );
      for (const id of survivors) expect(values(c, id)).toEqual([...committedBeforeKill, "d"]);

      // The old leader comes back from its disk, learns the new epoch and replays the log.
      await c.restart(oldLeader);
      expect(c.raft(oldLeader).role).toBe("resigned");
      expect(c.raft(oldLeader).highWatermark).toBe(-1n);
      await c.runUntil(
        () => c.hasStableLeader() && values(c, oldLeader).length === 4,
        10_000,
        "the old leader rejoining",
      );
      expect(values(c, oldLeader)).toEqual(["a", "b", "c", "d"]);
      expect(c.raft(oldLeader).logEndOffset).toBe(c.raft(newLeader).logEndOffset);
      for (const [epoch, leaders] of c.leadersByEpoch())
        expect(leaders.size, `epoch ${epoch}`).toBe(1);
    });
  }

  it("a resigning leader hands over quickly with EndQuorumEpoch", async () => {
    const c = (cluster = await RaftCluster.start({ voters: [1, 2, 3], seed: 9 }));
    const oldLeader = await c.awaitStableLeader(10_000);
    await c.append(["a"]);
    await c.runUntil(() => [1, 2, 3].every((id) => values(c, id).length === 1), 3000);
    const resigned = c.raft(oldLeader).resign();
    await c.settle();
    await c.runUntil(() => c.raft(oldLeader).role === "resigned", 100);
    await resigned;
    const survivors = [1, 2, 3].filter((id) => id !== oldLeader);
    const elapsed = await c.runUntil(() => c.leaders(survivors).length === 1, 5000, "a successor");
    // Well before the 2 s fetch timeout: the first listed successor stands at once.
    expect(elapsed).toBeLessThan(DEFAULT_RAFT_CONFIG.fetchTimeoutMs / 2);
    await c.raft(oldLeader).close();
    c.kill(oldLeader);
    await c.runUntil(() => c.hasStableLeader(survivors), 3000);
    await c.append(["b"]);
    await c.runUntil(() => survivors.every((id) => values(c, id).join() === "a,b"), 3000);
  });
});
