import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { AdminArgumentError, AdminProtocolError } from "./admin-error.ts";
import { adminOn } from "./testing/admin-fixture.ts";

/** The error `work` rejects with (the test fails if it resolves). */
async function rejection(work: Promise<unknown>): Promise<AdminProtocolError> {
  const outcome = await work.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AdminProtocolError);
  return outcome as AdminProtocolError;
}

describe("admin topics", () => {
  it("creates topics with their leaders, says false for one that exists, lists and describes them", async () => {
    const sim = await readyCluster(21);
    const { admin } = adminOn(sim);
    await sim.runWhile(admin.connect());

    const created = await sim.runWhile(
      admin.createTopics({
        topics: [
          { topic: "orders", numPartitions: 3, replicationFactor: 3 },
          {
            topic: "placed",
            replicaAssignment: [
              { partition: 0, replicas: [2, 3] },
              { partition: 1, replicas: [3, 1] },
            ],
          },
        ],
      }),
    );
    expect(created).toBe(true);
    // waitForLeaders (the default): every partition has a leader when createTopics returns.
    const { topics } = await sim.runWhile(
      admin.fetchTopicMetadata({ topics: ["orders", "placed"] }),
    );
    expect(topics.map((t) => t.name)).toEqual(["orders", "placed"]);
    const orders = topics[0]!.partitions;
    expect(orders.map((p) => p.partitionId)).toEqual([0, 1, 2]);
    for (const partition of orders) {
      expect(partition.partitionErrorCode).toBe(ErrorCode.NONE);
      expect(partition.replicas).toHaveLength(3);
      expect(partition.replicas).toContain(partition.leader);
    }
    expect(topics[1]!.partitions.map((p) => p.replicas)).toEqual([
      [2, 3],
      [3, 1],
    ]);

    // KafkaJS answers false when a topic already existed; the new one is still created.
    const again = await sim.runWhile(
      admin.createTopics({ topics: [{ topic: "orders" }, { topic: "shipped", numPartitions: 2 }] }),
    );
    expect(again).toBe(false);
    expect((await sim.runWhile(admin.listTopics())).sort()).toEqual([
      "orders",
      "placed",
      "shipped",
    ]);
    const all = await sim.runWhile(admin.fetchTopicMetadata());
    expect(all.topics.find((t) => t.name === "shipped")?.partitions).toHaveLength(2);
  }, 60_000);

  it("names the topic and Kafka's error when the controller refuses it", async () => {
    const sim = await readyCluster(22);
    const { admin } = adminOn(sim);

    const tooMany = await rejection(
      sim.runWhile(admin.createTopics({ topics: [{ topic: "wide", replicationFactor: 4 }] })),
    );
    expect(tooMany.errorCode).toBe(ErrorCode.INVALID_REPLICATION_FACTOR);
    expect(tooMany.type).toBe("INVALID_REPLICATION_FACTOR");
    expect(tooMany.subject).toEqual({ topic: "wide" });
    expect(tooMany.message).toMatch(/topic "wide"/);

    const badName = await rejection(
      sim.runWhile(admin.createTopics({ topics: [{ topic: "bad name!" }] })),
    );
    expect(badName.type).toBe("INVALID_TOPIC_EXCEPTION");
    expect(badName.subject.topic).toBe("bad name!");
    const dotDot = await rejection(sim.runWhile(admin.createTopics({ topics: [{ topic: ".." }] })));
    expect(dotDot.type).toBe("INVALID_TOPIC_EXCEPTION");

    const zero = await rejection(
      sim.runWhile(admin.createTopics({ topics: [{ topic: "none", numPartitions: 0 }] })),
    );
    expect(zero.type).toBe("INVALID_PARTITIONS");

    // validateOnly checks without creating.
    expect(
      await sim.runWhile(
        admin.createTopics({ topics: [{ topic: "dry", numPartitions: 2 }], validateOnly: true }),
      ),
    ).toBe(true);
    expect(await sim.runWhile(admin.listTopics())).not.toContain("dry");

    // Malformed arguments never reach the broker.
    await expect(
      admin.createTopics({ topics: [{ topic: "twice" }, { topic: "twice" }] }),
    ).rejects.toThrow(AdminArgumentError);
    await expect(admin.deleteTopics({ topics: "orders" as unknown as string[] })).rejects.toThrow(
      AdminArgumentError,
    );
  }, 60_000);

  it("deletes topics, and fails at once for a topic that does not exist", async () => {
    const sim = await readyCluster(23);
    const { admin } = adminOn(sim);
    await sim.runWhile(admin.createTopics({ topics: [{ topic: "doomed", numPartitions: 2 }] }));
    await sim.runWhile(admin.deleteTopics({ topics: ["doomed"] }));
    expect(await sim.runWhile(admin.listTopics())).not.toContain("doomed");

    const startedAt = sim.scheduler.nowMs();
    const unknown = await rejection(sim.runWhile(admin.deleteTopics({ topics: ["ghost"] })));
    expect(unknown.type).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(unknown.subject).toEqual({ topic: "ghost" });
    // Not retried until the timeout, as Kafka's AdminClient does not retry it either.
    expect(sim.scheduler.nowMs() - startedAt).toBeLessThan(2000);

    const described = await rejection(
      sim.runWhile(admin.fetchTopicMetadata({ topics: ["ghost"] })),
    );
    expect(described.type).toBe("UNKNOWN_TOPIC_OR_PARTITION");
  }, 60_000);

  it("adds partitions, and refuses fewer than the topic has", async () => {
    const sim = await readyCluster(24);
    const { admin } = adminOn(sim);
    await sim.runWhile(admin.createTopics({ topics: [{ topic: "grow", numPartitions: 2 }] }));
    expect(
      await sim.runWhile(
        admin.createPartitions({ topicPartitions: [{ topic: "grow", count: 4 }] }),
      ),
    ).toBe(true);
    await sim.scheduler.runFor(2000); // the new partitions reach every broker's metadata
    const ready = await sim.runWhile(admin.fetchTopicMetadata({ topics: ["grow"] }));
    expect(ready.topics[0]!.partitions.map((p) => p.partitionId)).toEqual([0, 1, 2, 3]);

    const shrink = await rejection(
      sim.runWhile(admin.createPartitions({ topicPartitions: [{ topic: "grow", count: 3 }] })),
    );
    expect(shrink.type).toBe("INVALID_PARTITIONS");
    expect(shrink.subject).toEqual({ topic: "grow" });
    const missing = await rejection(
      sim.runWhile(admin.createPartitions({ topicPartitions: [{ topic: "ghost", count: 3 }] })),
    );
    expect(missing.type).toBe("UNKNOWN_TOPIC_OR_PARTITION");
  }, 60_000);

  it("retries through a broker that dies: the request goes to another one", async () => {
    const sim = await readyCluster(25);
    const { admin, cluster } = adminOn(sim, { bootstrap: "node-2:9092", requestTimeoutMs: 3000 });
    await sim.runWhile(admin.connect());
    // Learn every broker and connect to the one named controller, then kill it.
    await sim.runWhile(cluster.refreshMetadata(null));
    const controller = cluster.metadata.controllerId;
    sim.kill(controller);
    const created = await sim.runWhile(
      admin.createTopics({
        topics: [{ topic: "survivor", numPartitions: 1, replicationFactor: 2 }],
      }),
    );
    expect(created).toBe(true);
    expect(await sim.runWhile(admin.listTopics())).toContain("survivor");
  }, 60_000);
});
