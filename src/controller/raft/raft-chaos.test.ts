import { describe, expect, it } from "vitest";
import { RaftCluster, seededRandom } from "./testing/raft-cluster.ts";

/**
 * Random faults from one seed — leaders killed and restarted, nodes isolated, links healed —
 * while values are appended; the cluster checks its safety after every step (HW never
 * back, committed records agree everywhere, one leader per epoch). Then everything heals
 * and every node must commit everything acknowledged as committed before.
 */
async function chaos(seed: number, steps: number): Promise<void> {
  const voters = [1, 2, 3];
  const c = await RaftCluster.start({ voters, observers: [4], seed });
  const random = seededRandom(seed * 7919);
  let appended = 0;
  try {
    for (let step = 0; step < steps; step++) {
      const roll = random();
      const node = voters[Math.floor(random() * voters.length)]!;
      if (
        roll < 0.02 &&
        c.node(node).raft !== null &&
        c.liveNodes().filter((live) => voters.includes(live.id)).length === 3
      )
        c.kill(node, random() < 0.5 ? "process" : "power");
      else if (roll < 0.06 && c.node(node).raft === null) await c.restart(node);
      else if (roll < 0.08) c.isolate(node);
      else if (roll < 0.11) c.heal();
      else if (roll < 0.3 && c.leaders().length === 1) {
        void c.append([`s${seed}-v${appended++}`]).catch(() => undefined);
      }
      await c.step();
    }
    c.heal();
    for (const id of voters) if (c.node(id).raft === null) await c.restart(id);
    await c.runUntil(
      () => c.hasStableLeader(),
      20_000,
      `seed ${seed}: a stable leader after healing`,
    );
    const final = `final-${seed}`;
    await c.append([final]);
    await c.runUntil(
      () => c.liveNodes().every((node) => node.committed.at(-1)?.value === final),
      10_000,
      `seed ${seed}: the final commit everywhere`,
    );
    const reference = c.node(c.leaders()[0]!).committed;
    for (const node of c.liveNodes()) expect(node.committed).toEqual(reference);
    for (const [epoch, leaders] of c.leadersByEpoch())
      expect(leaders.size, `seed ${seed} epoch ${epoch}`).toBe(1);
  } finally {
    await c.closeAll();
  }
}

describe("chaos", () => {
  for (const seed of [101, 202, 303]) {
    it(`stays safe and recovers under random faults (seed ${seed})`, async () => {
      await chaos(seed, 2000);
    });
  }
});
