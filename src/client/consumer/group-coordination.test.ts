import { describe, expect, it } from "vitest";
import { simClientIo } from "../../runtime/sim/sim-client-io.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { ClientCluster } from "../cluster/client-cluster.ts";
import { findCoordinator } from "../cluster/find-coordinator.ts";
import { decodeConsumerAssignment } from "./assignors/index.ts";
import { CONSUMER_EVENTS } from "./consumer-events.ts";
import {
  consumerOn,
  createReadyTopic,
  produceRecords,
  recorder,
  until,
  type Received,
} from "./testing/consumer-sim.ts";

const FAST_GROUP = {
  "session.timeout.ms": 10_000,
  "heartbeat.interval.ms": 1_000,
  "auto.offset.reset": "earliest",
} as const;

describe("group coordination", () => {
  it("subscribes by pattern, tells the rebalance listener, and describes the group", async () => {
    const sim = await readyCluster(401);
    await createReadyTopic(sim, "metrics.cpu", 1);
    await createReadyTopic(sim, "metrics.disk", 1);
    await createReadyTopic(sim, "logs", 1);
    for (const topic of ["metrics.cpu", "metrics.disk", "logs"]) {
      await produceRecords(sim, topic, 0, [`${topic}-record`]);
    }
    const calls: string[] = [];
    const consumer = consumerOn(sim, "member", {
      groupId: "patterns",
      ...FAST_GROUP,
      rebalanceListener: {
        onPartitionsAssigned: (partitions) =>
          void calls.push(`assigned ${partitions.map((p) => p.topic).join(",")}`),
        onPartitionsRevoked: (partitions) =>
          void calls.push(`revoked ${partitions.map((p) => p.topic).join(",")}`),
      },
    });
    const received: Received[] = [];
    await sim.runWhile(consumer.subscribe({ topic: /^metrics\./ }));
    await consumer.run({ eachMessage: recorder(sim, received) });
    await until(sim, () => received.length >= 2, "both metrics topics");
    await sim.scheduler.runFor(1_000);
    expect(received.map((r) => r.topic).sort()).toEqual(["metrics.cpu", "metrics.disk"]);
    expect(calls).toEqual(["assigned metrics.cpu,metrics.disk"]);

    const description = await sim.runWhile(consumer.describeGroup());
    expect(description).toMatchObject({
      groupId: "patterns",
      state: "Stable",
      protocolType: "consumer",
      protocol: "range",
    });
    expect(description.members).toHaveLength(1);
    const assignment = decodeConsumerAssignment(description.members[0]!.memberAssignment);
    expect(assignment.ok && assignment.value.partitions.map((p) => p.topic).sort()).toEqual([
      "metrics.cpu",
      "metrics.disk",
    ]);
    await sim.runWhile(consumer.disconnect());
    expect(calls).toEqual([
      "assigned metrics.cpu,metrics.disk",
      "revoked metrics.cpu,metrics.disk",
    ]);
  }, 120_000);

  it("finds the coordinator again when its broker dies, and keeps consuming and committing", async () => {
    const sim = await readyCluster(402);
    await createReadyTopic(sim, "survive", 3);
    const consumer = consumerOn(sim, "member", {
      groupId: "survivors",
      ...FAST_GROUP,
      "auto.commit.interval.ms": 1_000,
    });
    const received: Received[] = [];
    const crashes: unknown[] = [];
    consumer.on(CONSUMER_EVENTS.CRASH, (event) => crashes.push(event.payload.error));
    await sim.runWhile(consumer.subscribe({ topic: "survive" }));
    await consumer.run({ eachMessage: recorder(sim, received) });
    for (let partition = 0; partition < 3; partition++) {
      await produceRecords(sim, "survive", partition, [`before-${partition}`]);
    }
    await until(sim, () => received.length >= 3, "before the kill");
    await sim.scheduler.runFor(2_000);

    const probe = new ClientCluster({
      clientId: "probe",
      brokers: ["node-1:9092"],
      io: simClientIo(sim, "probe"),
    });
    const coordinator = await sim.runWhile(findCoordinator(probe, "survivors"));
    probe.close();
    sim.kill(coordinator.nodeId);
    for (let partition = 0; partition < 3; partition++) {
      await produceRecords(sim, "survive", partition, [`after-${partition}`]);
    }
    await until(
      sim,
      () => new Set(received.map((r) => r.value)).size >= 6,
      "after the kill",
      90_000,
    );
    await sim.scheduler.runFor(5_000);
    expect(crashes).toEqual([]);
    const committed = await sim.runWhile(
      consumer.committed([0, 1, 2].map((partition) => ({ topic: "survive", partition }))),
    );
    // Everything consumed is committed (a produce retried across the kill may have doubled a record).
    expect(committed.map((c) => c.offset)).toEqual(
      [0, 1, 2].map((partition) => consumer.position({ topic: "survive", partition })),
    );
    expect(committed.every((c) => Number(c.offset) >= 2)).toBe(true);
    await sim.runWhile(consumer.disconnect());
  }, 180_000);

  it("a second static member with the same group.instance.id fences the first (FENCED_INSTANCE_ID)", async () => {
    const sim = await readyCluster(403);
    await createReadyTopic(sim, "fenced", 2);
    const options = { groupId: "statics", "group.instance.id": "worker-1", ...FAST_GROUP };
    const original = consumerOn(sim, "member-old", options);
    const crashes: Error[] = [];
    original.on(CONSUMER_EVENTS.CRASH, (event) => crashes.push(event.payload.error));
    await sim.runWhile(original.subscribe({ topic: "fenced" }));
    await original.run({ eachMessage: async () => {} });
    await until(sim, () => original.assignment().length === 2, "the first instance joined");

    const impostor = consumerOn(sim, "member-new", options);
    await sim.runWhile(impostor.subscribe({ topic: "fenced" }));
    await impostor.run({ eachMessage: async () => {} });
    await until(sim, () => crashes.length > 0, "the first instance is fenced");
    expect(crashes[0]!.message).toMatch(/^FENCED_INSTANCE_ID/);
    expect(original.assignment()).toEqual([]);
    await until(sim, () => impostor.assignment().length === 2, "the new instance owns both");
    await sim.runWhile(original.disconnect());
    await sim.runWhile(impostor.disconnect());
  }, 120_000);
});
