import { describe, expect, it } from "vitest";
import { readyCluster } from "../../runtime/sim/testing/ready-cluster.ts";
import { CONSUMER_EVENTS, type ConsumerEventPayloads } from "./consumer-events.ts";
import type { Consumer } from "./consumer.ts";
import type { TopicPartition } from "./consumer-types.ts";
import {
  BackgroundProducer,
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

type GroupJoin = ConsumerEventPayloads["consumer.group_join"];

function watchJoins(consumer: Consumer): GroupJoin[] {
  const joins: GroupJoin[] = [];
  consumer.on(CONSUMER_EVENTS.GROUP_JOIN, (event) => joins.push(event.payload));
  return joins;
}

const owned = (consumer: Consumer) =>
  consumer
    .assignment()
    .map(({ topic, partition }: TopicPartition) => `${topic}-${partition}`)
    .sort();

/** Every acknowledged record was received; returns how many were received more than once. */
function checkAtLeastOnce(producer: BackgroundProducer, received: Received[]): number {
  const counts = new Map<string, number>();
  for (const record of received) counts.set(record.value, (counts.get(record.value) ?? 0) + 1);
  for (const values of producer.acknowledged.values()) {
    for (const value of values) expect(counts.get(value), `record ${value}`).toBeGreaterThan(0);
  }
  return [...counts.values()].reduce((sum, count) => sum + count - 1, 0);
}

describe("consumer groups", () => {
  it("one member joins, gets all six partitions, commits, and a successor resumes from the commit", async () => {
    const sim = await readyCluster(201);
    await createReadyTopic(sim, "orders", 6);
    for (let partition = 0; partition < 6; partition++) {
      await produceRecords(sim, "orders", partition, [`first-${partition}`]);
    }
    // auto.offset.reset stays "latest"; KafkaJS's fromBeginning asks for the earliest.
    const consumer = consumerOn(sim, "member-1", {
      groupId: "g1",
      "session.timeout.ms": 10_000,
      "heartbeat.interval.ms": 1_000,
    });
    const joins = watchJoins(consumer);
    const received: Received[] = [];
    await sim.runWhile(consumer.subscribe({ topic: "orders", fromBeginning: true }));
    await consumer.run({ eachMessage: recorder(sim, received) });
    await until(sim, () => received.length >= 6, "six first records");
    expect(joins).toHaveLength(1);
    expect(joins[0]).toMatchObject({ groupId: "g1", isLeader: true, groupProtocol: "range" });
    expect(joins[0]!.memberAssignment).toEqual({ orders: [0, 1, 2, 3, 4, 5] });
    await sim.runWhile(consumer.disconnect());

    for (let partition = 0; partition < 6; partition++) {
      await produceRecords(sim, "orders", partition, [`second-${partition}`]);
    }
    const successor = consumerOn(sim, "member-2", { groupId: "g1", ...FAST_GROUP });
    const after: Received[] = [];
    await sim.runWhile(successor.subscribe({ topic: "orders" }));
    await successor.run({ eachMessage: recorder(sim, after) });
    await until(sim, () => after.length >= 6, "six second records");
    await sim.scheduler.runFor(2_000);
    expect(after.map((r) => r.value).sort()).toEqual(
      Array.from({ length: 6 }, (_, p) => `second-${p}`).sort(),
    );
    const committed = await sim.runWhile(successor.committed([{ topic: "orders", partition: 0 }]));
    expect(committed).toEqual([{ topic: "orders", partition: 0, offset: "1" }]);
    await sim.runWhile(successor.disconnect());
  }, 120_000);

  it("two members share six partitions; when one leaves the other takes all, nothing skipped or repeated", async () => {
    const sim = await readyCluster(202);
    const leaders = await createReadyTopic(sim, "shared", 6);
    const producer = new BackgroundProducer(sim, "shared", leaders, 200).start();
    const received: Received[] = [];
    const first = consumerOn(sim, "member-a", { groupId: "g2", ...FAST_GROUP });
    const second = consumerOn(sim, "member-b", { groupId: "g2", ...FAST_GROUP });
    const firstJoins = watchJoins(first);
    const secondJoins = watchJoins(second);
    for (const consumer of [first, second]) {
      await sim.runWhile(consumer.subscribe({ topic: "shared" }));
      await consumer.run({ eachMessage: recorder(sim, received) });
    }
    await until(
      sim,
      () =>
        owned(first).length + owned(second).length === 6 &&
        owned(first).length > 0 &&
        owned(second).length > 0,
      "both members own partitions",
    );
    expect(owned(first).length).toBe(3);
    expect([...owned(first), ...owned(second)].sort()).toEqual(
      Array.from({ length: 6 }, (_, p) => `shared-${p}`),
    );
    const lastFirst = firstJoins.at(-1)!;
    expect(lastFirst.memberId).not.toBe(secondJoins.at(-1)!.memberId);
    expect(lastFirst.leaderId).toBe(secondJoins.at(-1)!.leaderId);
    await sim.scheduler.runFor(5_000);

    const stoppedAt = sim.scheduler.nowMs();
    await sim.runWhile(first.stop());
    await until(sim, () => owned(second).length === 6, "the survivor owns everything");
    // LeaveGroup: the survivor does not wait for the leaver's session to run out.
    expect(sim.scheduler.nowMs() - stoppedAt).toBeLessThan(FAST_GROUP["session.timeout.ms"]);
    await sim.scheduler.runFor(5_000);
    await producer.stop();
    const produced = producer.total;
    await until(
      sim,
      () => new Set(received.map((r) => r.value)).size >= produced,
      "every record consumed",
    );
    await sim.scheduler.runFor(2_000);
    // The leaver committed what it had processed before it left: the survivor repeats nothing.
    expect(checkAtLeastOnce(producer, received)).toBe(0);
    for (let partition = 0; partition < 6; partition++) {
      const offsets = received.filter((r) => r.partition === partition).map((r) => r.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : 1)));
    }
    await sim.runWhile(first.disconnect());
    await sim.runWhile(second.disconnect());
  }, 180_000);

  it("a static member restarting within session.timeout.ms keeps its partitions, with no rebalance", async () => {
    const sim = await readyCluster(203);
    await createReadyTopic(sim, "static", 6);
    const options = (instance: string) =>
      ({ groupId: "g3", "group.instance.id": instance, ...FAST_GROUP }) as const;
    const first = consumerOn(sim, "member-a", options("a"));
    const second = consumerOn(sim, "member-b", options("b"));
    const secondJoins = watchJoins(second);
    const leaves: unknown[] = [];
    first.on(CONSUMER_EVENTS.GROUP_LEAVE, (event) => leaves.push(event.payload));
    for (const consumer of [first, second]) {
      await sim.runWhile(consumer.subscribe({ topic: "static" }));
      await consumer.run({ eachMessage: async () => {} });
    }
    await until(sim, () => owned(first).length === 3 && owned(second).length === 3, "3 and 3");
    const firstPartitions = owned(first);
    const joinsBefore = secondJoins.length;

    await sim.runWhile(first.disconnect());
    expect(leaves).toEqual([]);
    await sim.scheduler.runFor(3_000);
    const restarted = consumerOn(sim, "member-a2", options("a"));
    const restartedJoins = watchJoins(restarted);
    await sim.runWhile(restarted.subscribe({ topic: "static" }));
    await restarted.run({ eachMessage: async () => {} });
    await until(sim, () => restartedJoins.length > 0, "the restarted member's join");
    expect(owned(restarted)).toEqual(firstPartitions);
    // Well past the old session: the other member never rebalanced.
    await sim.scheduler.runFor(15_000);
    expect(secondJoins.length).toBe(joinsBefore);
    expect(owned(second).length).toBe(3);
    await sim.runWhile(restarted.disconnect());
    await sim.runWhile(second.disconnect());
  }, 180_000);

  it("a crashed member (no LeaveGroup) is dropped after session.timeout.ms; back, it finds its partitions lost", async () => {
    const sim = await readyCluster(204);
    await createReadyTopic(sim, "crash", 6);
    const first = consumerOn(sim, "member-a", { groupId: "g4", ...FAST_GROUP });
    const second = consumerOn(sim, "member-b", { groupId: "g4", ...FAST_GROUP });
    const secondJoins = watchJoins(second);
    const lost: TopicPartition[][] = [];
    first.on(CONSUMER_EVENTS.PARTITIONS_LOST, (event) => lost.push(event.payload.partitions));
    for (const consumer of [first, second]) {
      await sim.runWhile(consumer.subscribe({ topic: "crash" }));
      await consumer.run({ eachMessage: async () => {} });
    }
    await until(sim, () => owned(first).length === 3 && owned(second).length === 3, "3 and 3");
    const crashedAt = sim.scheduler.nowMs();
    for (const node of sim.nodeIds) sim.cut("member-a", node);
    await until(sim, () => owned(second).length === 6, "the survivor takes all six");
    const takenOverAt = secondJoins.at(-1)!;
    const elapsed = sim.scheduler.nowMs() - crashedAt;
    // Not before the session ran out (a heartbeat may have just gone out), and soon after.
    expect(elapsed).toBeGreaterThanOrEqual(9_000);
    expect(elapsed).toBeLessThan(10_000 + 5_000);
    expect(takenOverAt.memberAssignment).toEqual({ crash: [0, 1, 2, 3, 4, 5] });

    for (const node of sim.nodeIds) sim.cut("member-a", node, false);
    await until(
      sim,
      () => lost.length > 0,
      "the crashed member learns it lost its partitions",
      90_000,
    );
    expect(lost[0]!.length).toBe(3);
    await until(
      sim,
      () => owned(first).length === 3 && owned(second).length === 3,
      "shared again",
      90_000,
    );
    await sim.runWhile(first.disconnect());
    await sim.runWhile(second.disconnect());
  }, 240_000);

  it("max.poll.interval.ms exceeded: the member leaves the group, and rejoins once its handler returns", async () => {
    const sim = await readyCluster(205);
    await createReadyTopic(sim, "slow", 6);
    const options = { groupId: "g5", ...FAST_GROUP, "max.poll.interval.ms": 8_000 } as const;
    const first = consumerOn(sim, "member-a", options);
    const second = consumerOn(sim, "member-b", options);
    const secondJoins = watchJoins(second);
    const leaves: ConsumerEventPayloads["consumer.group_leave"][] = [];
    first.on(CONSUMER_EVENTS.GROUP_LEAVE, (event) => leaves.push(event.payload));
    let stallFrom = Infinity;
    let stalls = 0;
    let stuckSeen = 0;
    const countStuck = (value: Uint8Array | null) => {
      if (new TextDecoder().decode(value ?? new Uint8Array(0)) === "takes too long") stuckSeen++;
    };
    await sim.runWhile(first.subscribe({ topic: "slow" }));
    await first.run({
      eachMessage: async ({ message }) => {
        countStuck(message.value);
        if (sim.scheduler.nowMs() < stallFrom || stalls > 0) return;
        stalls++;
        await new Promise<void>((resolve) => sim.scheduler.after(12_000, resolve));
      },
    });
    await sim.runWhile(second.subscribe({ topic: "slow" }));
    await second.run({ eachMessage: async ({ message }) => countStuck(message.value) });
    await until(sim, () => owned(first).length === 3 && owned(second).length === 3, "3 and 3");
    stallFrom = sim.scheduler.nowMs();
    const partition = Number(owned(first)[0]!.split("-")[1]);
    await produceRecords(sim, "slow", partition, ["takes too long"]);
    await until(sim, () => leaves.length > 0, "the stuck member leaves");
    expect(leaves[0]!.reason).toBe("consumer poll timeout has expired.");
    const stalledFor = sim.scheduler.nowMs() - stallFrom;
    expect(stalledFor).toBeGreaterThanOrEqual(8_000);
    await until(
      sim,
      () => secondJoins.at(-1)?.memberAssignment.slow?.length === 6,
      "the other takes over",
    );
    await until(
      sim,
      () => owned(first).length === 3 && owned(second).length === 3,
      "rejoined",
      60_000,
    );
    // The member that left could not commit the stuck record: its next owner sees it again.
    expect(stuckSeen).toBeGreaterThanOrEqual(2);
    await sim.runWhile(first.disconnect());
    await sim.runWhile(second.disconnect());
  }, 240_000);

  it("manual commits with autoCommit off; auto commit every auto.commit.interval.ms", async () => {
    const sim = await readyCluster(206);
    await createReadyTopic(sim, "commits", 1);
    await produceRecords(sim, "commits", 0, ["c0", "c1", "c2", "c3", "c4"]);
    const manual = consumerOn(sim, "member-m", { groupId: "manual", ...FAST_GROUP });
    const manualCommits: unknown[] = [];
    manual.on(CONSUMER_EVENTS.COMMIT_OFFSETS, (event) => manualCommits.push(event.payload));
    const received: Received[] = [];
    await sim.runWhile(manual.subscribe({ topic: "commits" }));
    await manual.run({ autoCommit: false, eachMessage: recorder(sim, received) });
    await until(sim, () => received.length >= 5, "five records");
    await sim.scheduler.runFor(12_000);
    expect(manualCommits).toEqual([]);
    await sim.runWhile(manual.commitOffsets([{ topic: "commits", partition: 0, offset: "3" }]));
    expect(manualCommits).toHaveLength(1);
    expect(await sim.runWhile(manual.committed([{ topic: "commits", partition: 0 }]))).toEqual([
      { topic: "commits", partition: 0, offset: "3" },
    ]);
    await sim.runWhile(manual.disconnect());
    const resumed = consumerOn(sim, "member-r", { groupId: "manual", ...FAST_GROUP });
    const again: Received[] = [];
    await sim.runWhile(resumed.subscribe({ topic: "commits" }));
    await resumed.run({ autoCommit: false, eachMessage: recorder(sim, again) });
    await until(sim, () => again.length >= 2, "the uncommitted two");
    expect(again.map((r) => r.value)).toEqual(["c3", "c4"]);
    await sim.runWhile(resumed.disconnect());

    const auto = consumerOn(sim, "member-auto", {
      groupId: "auto",
      ...FAST_GROUP,
      "auto.commit.interval.ms": 2_000,
    });
    const autoCommits: ConsumerEventPayloads["consumer.commit_offsets"][] = [];
    auto.on(CONSUMER_EVENTS.COMMIT_OFFSETS, (event) => autoCommits.push(event.payload));
    const autoReceived: Received[] = [];
    await sim.runWhile(auto.subscribe({ topic: "commits" }));
    await auto.run({ eachMessage: recorder(sim, autoReceived) });
    await until(sim, () => autoCommits.length > 0, "an auto commit");
    expect(autoCommits[0]!.topics).toEqual([
      { topic: "commits", partitions: [{ partition: 0, offset: "5" }] },
    ]);
    const committed = await sim.runWhile(auto.committed([{ topic: "commits", partition: 0 }]));
    expect(committed[0]!.offset).toBe("5");
    await sim.runWhile(auto.disconnect());
  }, 180_000);
});
