import { describe, expect, it } from "vitest";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { CONSUMER_EVENTS } from "./consumer-events.ts";
import type { Consumer } from "./consumer.ts";
import {
  BackgroundProducer,
  consumerOn,
  createReadyTopic,
  recorder,
  until,
  type Received,
} from "./testing/consumer-sim.ts";

interface RebalanceMeasure {
  /** Virtual ms from the newcomer's run() until every member holds its final share. */
  rebalanceMs: number;
  /** Partitions some member revoked (stopped consuming) during the rebalance. */
  revoked: string[];
  /** For each partition that stopped: virtual ms from its revocation to its next assignment. */
  unownedMs: Map<string, number>;
  /** Partitions that kept being consumed while the rebalance ran. */
  consumedDuring: Set<string>;
  protocols: Set<string>;
  duplicates: number;
  missing: number;
}

/** `members - 1` members share the topic under load, then one more joins. */
async function measureJoin(
  seed: number,
  strategy: string,
  members: number,
  partitions: number,
  realistic: { heartbeatIntervalMs: number; linkLatencyMs: number; processingMs: number },
): Promise<RebalanceMeasure> {
  const sim = await readyCluster(seed);
  const leaders = await createReadyTopic(sim, "load", partitions);
  const producer = new BackgroundProducer(sim, "load", leaders, 100).start();
  const received: Received[] = [];
  const revoked: string[] = [];
  const revokedAt = new Map<string, number>();
  const unownedMs = new Map<string, number>();
  const protocols = new Set<string>();
  const consumers: Consumer[] = [];
  const start = async (index: number) => {
    for (const node of sim.nodeIds) {
      for (const [from, to] of [
        [`member-${index}`, node],
        [node, `member-${index}`],
      ] as const) {
        sim.links.set(from, to, { cut: false, latencyMs: realistic.linkLatencyMs, lossRate: 0 });
      }
    }
    const consumer = consumerOn(sim, `member-${index}`, {
      groupId: `measure-${strategy}`,
      "partition.assignment.strategy": strategy,
      "heartbeat.interval.ms": realistic.heartbeatIntervalMs,
      "auto.offset.reset": "earliest",
    });
    consumer.on(CONSUMER_EVENTS.PARTITIONS_REVOKED, (event) => {
      for (const tp of event.payload.partitions) {
        revoked.push(`${tp.topic}-${tp.partition}`);
        revokedAt.set(`${tp.topic}-${tp.partition}`, sim.scheduler.nowMs());
      }
    });
    consumer.on(CONSUMER_EVENTS.PARTITIONS_ASSIGNED, (event) => {
      for (const tp of event.payload.partitions) {
        const name = `${tp.topic}-${tp.partition}`;
        const since = revokedAt.get(name);
        if (since === undefined) continue;
        unownedMs.set(name, (unownedMs.get(name) ?? 0) + sim.scheduler.nowMs() - since);
        revokedAt.delete(name);
      }
    });
    consumer.on(CONSUMER_EVENTS.GROUP_JOIN, (event) => protocols.add(event.payload.groupProtocol));
    consumers.push(consumer);
    await sim.runWhile(consumer.subscribe({ topic: "load" }));
    const record = recorder(sim, received);
    await consumer.run({
      eachMessage: async (payload) => {
        await record(payload);
        await new Promise<void>((resolve) => sim.scheduler.after(realistic.processingMs, resolve));
      },
    });
  };
  const share = Math.floor(partitions / members);
  const balanced = (count: number) =>
    consumers.length === count &&
    consumers.every((c) => c.assignment().length >= Math.floor(partitions / count)) &&
    new Set(consumers.flatMap((c) => c.assignment().map((tp) => tp.partition))).size === partitions;
  for (let index = 0; index < members - 1; index++) await start(index);
  await until(sim, () => balanced(members - 1), `${members - 1} members balanced`);
  await sim.scheduler.runFor(3_000);
  revoked.length = 0;
  unownedMs.clear();

  const startedMs = sim.scheduler.nowMs();
  await start(members - 1);
  await until(
    sim,
    () => balanced(members) && consumers.every((c) => c.assignment().length === share),
    "rebalanced",
  );
  const endedMs = sim.scheduler.nowMs();
  const revokedDuring = [...new Set(revoked)].sort();
  const unownedDuring = new Map(unownedMs);
  await sim.scheduler.runFor(3_000);
  await producer.stop();
  await until(
    sim,
    () => new Set(received.map((r) => r.value)).size >= producer.total,
    "all consumed",
  );

  const during = received.filter((r) => r.atMs >= startedMs && r.atMs <= endedMs);
  const counts = new Map<string, number>();
  for (const record of received) counts.set(record.value, (counts.get(record.value) ?? 0) + 1);
  let missing = 0;
  for (const values of producer.acknowledged.values())
    for (const value of values) if (!counts.has(value)) missing++;
  for (const consumer of consumers) await sim.runWhile(consumer.disconnect());
  return {
    rebalanceMs: endedMs - startedMs,
    revoked: revokedDuring,
    unownedMs: unownedDuring,
    consumedDuring: new Set(during.map((r) => `load-${r.partition}`)),
    protocols,
    duplicates: [...counts.values()].reduce((sum, count) => sum + count - 1, 0),
    missing,
  };
}

describe("eager and cooperative rebalances", () => {
  it("eager revokes every partition; cooperative revokes only those that move and keeps the rest consuming", async () => {
    const fast = { heartbeatIntervalMs: 1_000, linkLatencyMs: 1, processingMs: 1 };
    const eager = await measureJoin(301, "sticky", 3, 6, fast);
    expect(eager.protocols).toEqual(new Set(["sticky"]));
    expect(eager.revoked).toHaveLength(6);
    expect(eager.missing).toBe(0);

    const cooperative = await measureJoin(301, "cooperative-sticky", 3, 6, fast);
    expect(cooperative.protocols).toEqual(new Set(["cooperative-sticky"]));
    // Two of six move to the newcomer; only they stop, and every other keeps going.
    expect(cooperative.revoked).toHaveLength(2);
    for (let partition = 0; partition < 6; partition++) {
      const name = `load-${partition}`;
      if (!cooperative.revoked.includes(name))
        expect(cooperative.consumedDuring.has(name)).toBe(true);
    }
    expect(cooperative.missing).toBe(0);
  }, 300_000);

  it("measures a fourth member joining three over 24 partitions, eager against cooperative", async () => {
    // Kafka's default heartbeat (3 s), 2 ms links each way, 2 ms of work per record.
    const defaults = { heartbeatIntervalMs: 3_000, linkLatencyMs: 2, processingMs: 2 };
    const eager = await measureJoin(302, "sticky", 4, 24, defaults);
    const cooperative = await measureJoin(302, "cooperative-sticky", 4, 24, defaults);
    const line = (name: string, m: RebalanceMeasure) => {
      const pauses = [...m.unownedMs.values()];
      return (
        `${name}: rebalance ${m.rebalanceMs} ms (virtual), partitions stopped ${m.revoked.length}/24 ` +
        `(unowned ${Math.min(...pauses)}-${Math.max(...pauses)} ms), consumed during ${m.consumedDuring.size}/24, ` +
        `duplicates ${m.duplicates}, missing ${m.missing}`
      );
    };
    console.log(line("eager (sticky)", eager));
    console.log(line("cooperative (cooperative-sticky)", cooperative));
    expect(eager.revoked).toHaveLength(24);
    expect(cooperative.revoked).toHaveLength(6);
    expect(cooperative.unownedMs.size).toBe(6);
    expect(cooperative.consumedDuring.size).toBeGreaterThanOrEqual(18);
    expect(eager.missing + cooperative.missing).toBe(0);
  }, 600_000);
});
