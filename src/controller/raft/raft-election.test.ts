import { afterEach, describe, expect, it } from "vitest";
import { RaftCluster } from "./testing/raft-cluster.ts";

let cluster: RaftCluster | null = null;
afterEach(async () => {
  await cluster?.closeAll();
  cluster = null;
});

function expectOneLeaderPerEpoch(c: RaftCluster): void {
  for (const [epoch, leaders] of c.leadersByEpoch()) {
    expect(leaders.size, `leaders of epoch ${epoch}: ${[...leaders].join(",")}`).toBe(1);
  }
}

describe("elections", () => {
  it("a single voter elects itself on its first tick", async () => {
    cluster = await RaftCluster.start({ voters: [1] });
    expect(cluster.raft(1).role).toBe("unattached");
    await cluster.step();
    expect(cluster.raft(1).role).toBe("leader");
    expect(cluster.raft(1).epoch).toBe(1);
    expect(cluster.raft(1).leaderId).toBe(1);
    // The LeaderChangeMessage is committed by the lone voter at once.
    expect(cluster.raft(1).logEndOffset).toBe(1n);
    expect(cluster.raft(1).highWatermark).toBe(1n);
  });

  for (const size of [3, 5]) {
    it(`${size} voters elect exactly one leader that every voter follows`, async () => {
      const voters = Array.from({ length: size }, (_, index) => index + 1);
      for (const seed of [1, 2, 3]) {
        const c = await RaftCluster.start({ voters, seed });
        cluster = c;
        const elapsed = await c.runUntil(() => c.hasStableLeader(), 10_000, "a stable leader");
        // Nobody stands before its election timeout [T, 2T); a first election normally settles soon after.
        expect(elapsed).toBeGreaterThanOrEqual(1000);
        const leader = c.leaders()[0]!;
        for (const id of voters) {
          const raft = c.raft(id);
          expect(raft.leaderId).toBe(leader);
          expect(raft.role).toBe(id === leader ? "leader" : "follower");
        }
        // The new epoch is committed everywhere: the HW passed the leader's LeaderChangeMessage.
        await c.runUntil(
          () => voters.every((id) => c.raft(id).highWatermark === c.raft(leader).logEndOffset),
          2000,
          "the HW everywhere",
        );
        // Quiet for a while: no further elections while the leader is alive.
        const epoch = c.raft(leader).epoch;
        await c.runFor(5000);
        expect(c.raft(leader).epoch).toBe(epoch);
        expect(c.leaders()).toEqual([leader]);
        expectOneLeaderPerEpoch(c);
        await c.closeAll();
        cluster = null;
      }
    });
  }

  it("tells leader listeners and telemetry about each change", async () => {
    const c = (cluster = await RaftCluster.start({ voters: [1, 2, 3], seed: 4 }));
    const seen: string[] = [];
    c.raft(2).onLeaderChange((leaderId, epoch) => seen.push(`${leaderId}@${epoch}`));
    const leader = await c.awaitStableLeader(10_000);
    const epoch = c.raft(2).epoch;
    expect(seen.at(-1)).toBe(`${leader}@${epoch}`);
    // A listener registered later hears the current leader at once.
    const late: string[] = [];
    c.raft(3).onLeaderChange((leaderId, lateEpoch) => late.push(`${leaderId}@${lateEpoch}`));
    expect(late).toEqual([`${leader}@${epoch}`]);
    const raftEvents = c.events.filter((event) => event.kind === "raft" && event.node === leader);
    expect(raftEvents.at(-1)).toMatchObject({
      kind: "raft",
      node: leader,
      role: "leader",
      epoch,
      leader,
    });
    expect(raftEvents.some((event) => event.kind === "raft" && event.role === "candidate")).toBe(
      true,
    );
  });

  it("the same seed gives the same election", async () => {
    const outcomes: string[] = [];
    for (let run = 0; run < 2; run++) {
      const c = await RaftCluster.start({ voters: [1, 2, 3], seed: 42 });
      const elapsed = await c.runUntil(() => c.hasStableLeader(), 10_000);
      outcomes.push(`${c.leaders()[0]}@${c.raft(1).epoch} after ${elapsed} ms`);
      await c.closeAll();
    }
    expect(outcomes[0]).toBe(outcomes[1]);
  });
});
