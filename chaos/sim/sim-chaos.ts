/**
 * The chaos run in the simulator: the same shape (5 brokers, 3 of them KRaft voters, RF 3,
 * min.insync.replicas=2), the same clients (the playground's own producer and consumer
 * runners, idempotent acks=all producers and two groups), the same seeded fault schedule
 * (broker kills and restarts, link cuts, latency, loss; "page" links are the clients'),
 * the same heal, liveness and checks — in virtual time, so many seeds run in a test and a
 * seed replays exactly. What it cannot check is the page: there is no page here.
 */
import { Kafka } from "../../src/client/kafka.ts";
import type { LinkConditions } from "../../src/runtime/network/link-conditions.ts";
import { checkReplicasAgree } from "../../src/runtime/sim/checkers/final-checks.ts";
import { SimCluster } from "../../src/runtime/sim/sim-cluster.ts";
import { simClientIo } from "../../src/runtime/sim/sim-client-io.ts";
import { ConsumerRunner } from "../../src/ui/playground/consumer-runner.ts";
import { ProducerRunner } from "../../src/ui/playground/producer-runner.ts";
import type { SessionObserver } from "../../src/ui/playground/session.ts";
import { askBrokers } from "../broker-questions.ts";
import type { BrokerTruth } from "../checks/broker-truth.ts";
import { committedBeyondHighWatermark, livenessGaps } from "../checks/group-checks.ts";
import { checkRecords, type LogRecord, type RecordCheck } from "../checks/record-check.ts";
import {
  countByKind,
  describeFault,
  planFaults,
  type Endpoint,
  type Fault,
  type FaultKind,
} from "../fault-schedule.ts";
import { Observations } from "../page-agent/observations.ts";
import { describeGroupEvent } from "../checks/group-story.ts";
import { consumerSettings, producerSettings } from "../page-agent/workload.ts";
import { brokerIds, CHAOS_SHAPE, type RunShape } from "../run-shape.ts";

export interface SimChaosOptions {
  seed: number;
  /** Virtual time of faults before everything is healed. */
  faultMs: number;
  shape?: RunShape;
  /** Virtual time the healed cluster has to become live again. */
  livenessLimitMs?: number;
  /** Told each step as it happens, with the virtual time (for --verbose). */
  trace?: (line: string) => void;
}

export interface SimChaosResult {
  seed: number;
  violations: Record<string, string[]>;
  faults: Record<FaultKind, number>;
  records: RecordCheck;
  generations: Record<string, number>;
  virtualMs: number;
}

const ANSWER_LIMIT_MS = 20_000;
const decoder = new TextDecoder();

export async function simulateChaos(options: SimChaosOptions): Promise<SimChaosResult> {
  const shape = options.shape ?? CHAOS_SHAPE;
  const livenessLimitMs = options.livenessLimitMs ?? 120_000;
  const brokers = brokerIds(shape);
  const groupIds = shape.groups.map((group) => group.groupId);
  const cluster = new SimCluster({
    seed: options.seed,
    nodes: shape.brokers,
    voters: 3,
    properties: { "auto.create.topics.enable": "false" },
  });
  const scheduler = cluster.scheduler;
  const violations: Record<string, string[]> = {};
  const violate = (check: string, sentences: readonly string[]) => {
    if (sentences.length > 0) violations[check] = [...(violations[check] ?? []), ...sentences];
  };

  // The session's observer hook, stood in for: the cluster's telemetry and the runners' acks.
  const observers = new Set<SessionObserver>();
  cluster.onTelemetry((event) => {
    for (const observer of observers) observer.telemetry?.([event], 0);
    if (event.kind === "group" && groupIds.includes(event.group))
      options.trace?.(
        `${(scheduler.nowMs() / 1000).toFixed(1).padStart(7)} s  ${describeGroupEvent(event)}`,
      );
  });
  const observations = new Observations(
    (observer) => (observers.add(observer), () => observers.delete(observer)),
    shape.topic,
    groupIds,
    () => scheduler.nowMs(),
  );

  const bootstrap = brokers.map((id) => `node-${id}:9092`);
  const clientNames: string[] = ["chaos-checker"];
  const kafkaFor = (name: string) =>
    new Kafka({
      clientId: name,
      brokers: bootstrap,
      transport: simClientIo(cluster, name),
      requestTimeout: 5_000,
    });
  const admin = kafkaFor("chaos-checker").admin({ retries: 3 });
  const answer = <T>(work: Promise<T>): Promise<T | null> =>
    cluster.runWhile(
      Promise.race([
        work,
        new Promise<never>((_, reject) =>
          scheduler.after(ANSWER_LIMIT_MS, () => reject(new Error("no answer"))),
        ),
      ]).catch(() => null),
    );
  const truth = () => answer(askBrokers(admin, shape.topic, groupIds));

  await cluster.startAll();
  if (
    !(await scheduler.runUntil(
      () => brokers.every((id) => cluster.node(id)?.status().fenced === false),
      60_000,
    ))
  )
    violate("setup", ["not every broker was unfenced within 60 s"]);
  const created = await answer(
    admin.createTopics({
      topics: [
        {
          topic: shape.topic,
          numPartitions: shape.partitions,
          replicationFactor: shape.replicationFactor,
          configEntries: [{ name: "min.insync.replicas", value: String(shape.minInsyncReplicas) }],
        },
      ],
      waitForLeaders: true,
    }),
  );
  if (created === null) violate("setup", [`creating ${shape.topic} failed`]);

  const consumers: ConsumerRunner[] = [];
  for (const group of shape.groups)
    for (let member = 1; member <= group.members; member++) {
      const id = `${group.groupId}-${member}`;
      clientNames.push(id);
      const runner = new ConsumerRunner(id, consumerSettings(shape.topic, group), {
        io: simClientIo(cluster, id),
        bootstrap,
        onConsumed: () => {},
        onRevoked: () => {},
        onChanged: () => {},
      });
      consumers.push(runner);
      void runner.start();
    }
  const producers = shape.producers.map(({ label, ratePerSec }) => {
    clientNames.push(label);
    const runner = new ProducerRunner(label, producerSettings(shape.topic, ratePerSec, label), {
      io: simClientIo(cluster, label),
      bootstrap,
      onAcknowledged: (topic, partition, offset, key) => {
        for (const observer of observers)
          observer.record?.({ topic, partition, offset, key, by: { kind: "producer", id: label } });
      },
      onChanged: () => {},
    });
    void runner.start();
    return runner;
  });

  const setLink = (
    from: Endpoint,
    to: Endpoint,
    change: Partial<LinkConditions>,
    bothWays: boolean,
  ) => {
    const expand = (endpoint: Endpoint) => (endpoint === "page" ? clientNames : [endpoint]);
    for (const a of expand(from))
      for (const b of expand(to)) {
        cluster.links.set(a, b, { ...cluster.links.get(a, b), ...change });
        if (bothWays) cluster.links.set(b, a, { ...cluster.links.get(b, a), ...change });
      }
  };
  const applied: Fault[] = [];
  const trace = (line: string) =>
    options.trace?.(`${(scheduler.nowMs() / 1000).toFixed(1).padStart(7)} s  ${line}`);
  const apply = async (fault: Fault) => {
    applied.push(fault);
    trace(describeFault(fault));
    switch (fault.kind) {
      case "kill":
        return cluster.kill(fault.broker, "process");
      case "restart":
        return void (await cluster.start(fault.broker));
      case "cut":
        return setLink(fault.from, fault.to, { cut: true }, !fault.oneWay);
      case "latency":
        return setLink(fault.from, fault.to, { latencyMs: fault.latencyMs }, !fault.oneWay);
      case "loss":
        return setLink(fault.from, fault.to, { lossRate: fault.lossRate }, !fault.oneWay);
      case "heal":
        return setLink(fault.from, fault.to, { cut: false, latencyMs: 0, lossRate: 0 }, true);
    }
  };

  await scheduler.runUntil(
    () => Object.keys(observations.acknowledgedSoFar()).length === producers.length,
    60_000,
    50,
  );
  const schedule = planFaults({ seed: options.seed, durationMs: options.faultMs, brokers });
  const chaosStart = scheduler.nowMs();
  for (const step of schedule.steps) {
    const wait = chaosStart + step.atMs - scheduler.nowMs();
    if (wait > 0) await scheduler.runFor(wait);
    await apply(step.fault);
  }
  await scheduler.runFor(Math.max(0, chaosStart + options.faultMs - scheduler.nowMs()));
  for (const fault of schedule.healAtEnd) await apply(fault);

  // Liveness: producers get acknowledgements again, their sends settle, the cluster and groups recover.
  trace("healed: waiting for liveness");
  const livenessEnd = scheduler.nowMs() + livenessLimitMs;
  const left = () => Math.max(0, livenessEnd - scheduler.nowMs());
  const ackedAtHeal = observations.acknowledgedSoFar();
  const progressed = () =>
    producers.every(
      (p) => (observations.acknowledgedSoFar()[p.id] ?? 0) > (ackedAtHeal[p.id] ?? 0),
    );
  if (!(await scheduler.runUntil(progressed, left(), 100)))
    violate("liveness", ["after healing, a producer got no new acknowledgement"]);
  trace("producers progressed; stopping them");
  for (const producer of producers) producer.retune({ ...producer.settings, ratePerSec: 0 });
  const settled = () =>
    producers.every((p) => {
      const counters = p.snapshot();
      return counters.sent === counters.acknowledged + counters.failed;
    });
  if (!(await scheduler.runUntil(settled, left(), 100)))
    violate("liveness", ["after healing, the producers' sends did not all settle"]);
  const expected = {
    partitions: shape.partitions,
    brokers,
    replicationFactor: shape.replicationFactor,
    groups: shape.groups.map(({ groupId, members }) => ({ groupId, members })),
  };
  let told: BrokerTruth | null = null;
  for (;;) {
    told = await truth();
    if (told !== null && livenessGaps(told, expected).length === 0) break;
    if (left() === 0) {
      violate(
        "liveness",
        told === null ? ["the brokers did not answer after healing"] : livenessGaps(told, expected),
      );
      break;
    }
    await scheduler.runFor(Math.min(1_000, left()));
  }

  trace(told === null ? "no answer from the brokers" : "live; checking");
  let records = checkRecords([], new Map());
  const observed = observations.snapshot((id) => id);
  if (told !== null) {
    violate("committed ≤ HW", committedBeyondHighWatermark(told));
    const logs = new Map<number, LogRecord[]>();
    for (const partition of told.partitions) {
      const leader = cluster.node(partition.leader);
      const stored =
        leader?.readRecords(
          shape.topic,
          partition.partition,
          BigInt(partition.logStartOffset),
          BigInt(partition.highWatermark),
        ) ?? [];
      logs.set(
        partition.partition,
        stored.map((record) => ({
          offset: Number(record.offset),
          value: record.value === null ? null : decoder.decode(record.value),
        })),
      );
    }
    records = checkRecords(observed.acknowledgements, logs);
    violate("records", records.violations);
    violate("replicas agree", checkReplicasAgree(cluster, shape.topic, shape.partitions));
  }
  violate("safety", observed.safetyViolations);
  violate("one owner per generation", observed.ownershipViolations);

  for (const producer of producers) await answer(producer.stop());
  for (const consumer of consumers) consumer.crash();
  await answer(admin.disconnect());
  observations.dispose();
  return {
    seed: options.seed,
    violations,
    faults: countByKind(applied),
    records,
    generations: observed.generations,
    virtualMs: scheduler.nowMs(),
  };
}
