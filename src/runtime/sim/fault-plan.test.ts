import { describe, expect, it } from "vitest";
import { FaultPlan, isBackInSync } from "./fault-plan.ts";
import { SimCluster } from "./sim-cluster.ts";
import { createTopic, waitForLeaders } from "./testing/cluster-requests.ts";
import { SimProducer } from "./workload/sim-producer.ts";

const isCrash = (description: string) =>
  description.startsWith("kill node") || description.startsWith("power loss");

describe("the fault plan", () => {
  it("after a power loss crashes no node until that node is back in sync, then crashes again", async () => {
    const cluster = new SimCluster({
      seed: 4,
      nodes: 3,
      properties: { "min.insync.replicas": "2", "replica.lag.time.max.ms": "10000" },
    });
    await cluster.startAll();
    await cluster.scheduler.runUntil(
      () => cluster.nodeIds.every((id) => cluster.node(id)?.status().fenced === false),
      30_000,
    );
    await createTopic(cluster, 1, "t", 1, 3);
    const [leader] = (await waitForLeaders(cluster, 1, "t"))!;
    const producer = new SimProducer(cluster, {
      name: "p",
      topic: "t",
      partitions: 1,
      recordsPerBatch: 5,
      pauseMs: 50,
    });
    const running = producer.run();
    await cluster.scheduler.runFor(3_000);
    expect(cluster.nodeIds.every((id) => isBackInSync(cluster, id))).toBe(true);

    // A follower loses the acknowledged records of its last seconds but stays in the ISR for now.
    const victim = cluster.nodeIds.find((id) => id !== leader)!;
    const plan = new FaultPlan(cluster);
    plan.crash(victim, "power");
    let runningOutOfSync = 0;
    let crashedAgain = false;
    for (let step = 0; step < 300 && !crashedAgain; step++) {
      const inSync = isBackInSync(cluster, victim);
      if (!inSync && cluster.node(victim) !== null) runningOutOfSync++;
      const before = plan.steps.length;
      await plan.step();
      if (plan.steps.slice(before).some((s) => isCrash(s.description))) {
        expect(inSync, `crashed at step ${step} while node ${victim} was out of sync`).toBe(true);
        crashedAgain = true;
      }
      await cluster.scheduler.runFor(100);
    }
    expect(
      runningOutOfSync,
      "the victim ran out of sync for a while (the gate was tested)",
    ).toBeGreaterThan(10);
    expect(crashedAgain, "crashes resume once the victim is back in sync").toBe(true);

    await plan.healAll();
    producer.stop();
    expect(await cluster.scheduler.runUntil(() => producer.done, 60_000, 100)).toBe(true);
    await running;
  }, 120_000);
});
