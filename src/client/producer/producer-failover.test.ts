import { describe, expect, it } from "vitest";
import { waitForLeaders } from "../../runtime/sim/testing/cluster-requests.ts";
import { createProducer } from "./producer.ts";
import { producerSim, readPartition } from "./testing/producer-sim.ts";

describe("producer through failures", () => {
  it("retries through a leader kill, and idempotence writes every record exactly once, in order", async () => {
    const { sim, cluster, leaders } = await producerSim(51, [
      { name: "payments", partitions: 1, replicationFactor: 3 },
    ]);
    // Small batches and 5 requests in flight: several batches are on the wire when the leader dies.
    const producer = createProducer(cluster, { "batch.size": 100, "linger.ms": 0 });
    await sim.runWhile(producer.connect());
    const oldLeader = leaders.get("payments")![0]!;
    const values = Array.from({ length: 300 }, (_, i) => `payment-${i}`);
    // Kill the leader in the middle of the stream, as an answer arrives (more are in flight).
    let answered = 0;
    producer.on("producer.network.request", () => {
      answered++;
      if (answered === 30) sim.kill(oldLeader);
    });
    const sends = values.map((value) =>
      producer.send({ topic: "payments", messages: [{ value }] }),
    );
    const settled = Promise.allSettled(sends);
    const outcomes = await sim.runWhile(settled);
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    expect(producer.metrics["record-retry-total"]).toBeGreaterThan(0);
    expect(producer.metrics["record-error-total"]).toBe(0);

    const newLeader = (await waitForLeaders(sim, oldLeader === 1 ? 2 : 1, "payments"))![0]!;
    expect(newLeader).not.toBe(oldLeader);
    const read = await readPartition(sim, newLeader, "payments", 0);
    expect(read.records.map((record) => record.value)).toEqual(values);
    // Offsets the sends were told are where the records are.
    const offsets = outcomes.map((outcome) =>
      outcome.status === "fulfilled" ? outcome.value[0]!.baseOffset : "?",
    );
    expect(offsets).toEqual(values.map((_, i) => String(i)));
    await sim.runWhile(producer.disconnect());
  }, 120_000);

  it("surfaces NOT_ENOUGH_REPLICAS once delivery.timeout.ms has passed", async () => {
    const { sim, cluster } = await producerSim(52, [
      {
        name: "strict",
        partitions: 1,
        replicationFactor: 1,
        configs: { "min.insync.replicas": "2" },
      },
    ]);
    const producer = createProducer(cluster, {
      "delivery.timeout.ms": 5000,
      "request.timeout.ms": 3000,
      "linger.ms": 0,
    });
    await sim.runWhile(producer.connect());
    const startedAt = sim.scheduler.nowMs();
    const failure = await sim
      .runWhile(producer.send({ topic: "strict", messages: [{ value: "needs two copies" }] }))
      .catch((error: unknown) => error as Error);
    const elapsedMs = sim.scheduler.nowMs() - startedAt;
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/NOT_ENOUGH_REPLICAS/);
    expect(elapsedMs).toBeGreaterThanOrEqual(5000);
    expect(elapsedMs).toBeLessThan(7000);
    // It was retried all along (retriable), not given up on at once.
    expect(producer.metrics["record-retry-total"]).toBeGreaterThan(3);
    expect(producer.metrics["record-error-total"]).toBe(1);
    await sim.runWhile(producer.disconnect());
  }, 60_000);

  it("closes within its timeout, failing what the brokers have not taken (Java's close(Duration))", async () => {
    const { sim, cluster } = await producerSim(53, [
      {
        name: "strict",
        partitions: 1,
        replicationFactor: 1,
        configs: { "min.insync.replicas": "2" },
      },
    ]);
    const producer = createProducer(cluster, { "linger.ms": 0 });
    await sim.runWhile(producer.connect());
    // NOT_ENOUGH_REPLICAS is retriable: without a timeout the close would wait for
    // delivery.timeout.ms (2 minutes).
    const stuck = producer.send({ topic: "strict", messages: [{ value: "needs two copies" }] });
    const outcome = stuck.then(
      () => "sent",
      (error: Error) => error.message,
    );
    await sim.scheduler.runFor(500);
    const startedAt = sim.scheduler.nowMs();
    await sim.runWhile(producer.disconnect({ timeoutMs: 1_000 }));
    expect(sim.scheduler.nowMs() - startedAt).toBeLessThan(1_500);
    expect(await sim.runWhile(outcome)).toBe("Producer is closed forcefully.");
  }, 60_000);
});
