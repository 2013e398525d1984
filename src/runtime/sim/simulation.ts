/**
 * One seeded run of the simulator (TigerBeetle's VOPR, in spirit): a three-node cluster,
 * idempotent acks=all producers, and a fault plan, all driven by one seed. Safety is
 * checked all along (telemetry) and at the end; after the faults are healed the run must
 * also make progress (liveness): every producer finishes. The report names the seed, so
 * a failure can be replayed exactly with `npm run sim -- --seed N`.
 */
import type { TelemetryEvent } from "../../telemetry/telemetry-event.ts";
import { TICK_INTERVAL_MS } from "../kafka-node/kafka-node-contract.ts";
import { checkAcknowledgedAndUnique, checkReplicasAgree } from "./checkers/final-checks.ts";
import { SafetyHistory } from "./checkers/safety-history.ts";
import { FaultPlan, isBackInSync, type FaultStep } from "./fault-plan.ts";
import { SimCluster } from "./sim-cluster.ts";
import { createTopic, waitForLeaders } from "./testing/cluster-requests.ts";
import { SimProducer } from "./workload/sim-producer.ts";

export interface SimulationOptions {
  seed: number;
  /** Node ticks (TICK_INTERVAL_MS of virtual time each) of faults before healing. */
  ticks: number;
  producers?: number;
  partitions?: number;
  /** Told every telemetry event with the virtual time (for --verbose traces). */
  trace?: (atMs: number, event: TelemetryEvent) => void;
}

export interface SimulationReport {
  seed: number;
  violations: string[];
  faults: FaultStep[];
  acknowledgedRecords: number;
  produceAttempts: number;
  /** Why produce attempts failed, with counts. */
  produceFailures: Record<string, number>;
  virtualMs: number;
}

const TOPIC = "simulated";
const RECORDS_PER_BATCH = 5;
/** After healing, the cluster must finish the workload within this much virtual time. */
const LIVENESS_LIMIT_MS = 120_000;

export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const partitions = options.partitions ?? 3;
  const cluster = new SimCluster({
    seed: options.seed,
    nodes: 3,
    properties: {
      "min.insync.replicas": "2",
      "replica.lag.time.max.ms": "10000",
      "auto.create.topics.enable": "false",
    },
  });
  const safety = new SafetyHistory(() => cluster.scheduler.nowMs());
  cluster.onTelemetry((event) => {
    safety.observe(event);
    options.trace?.(cluster.scheduler.nowMs(), event);
  });
  const violations: string[] = [];
  const faults = new FaultPlan(cluster);
  await cluster.startAll();
  const ready = await cluster.scheduler.runUntil(
    () => cluster.nodeIds.every((id) => cluster.node(id)?.status().fenced === false),
    60_000,
  );
  if (!ready) violations.push("the cluster never unfenced all brokers");
  const created = await createTopic(cluster, 1, TOPIC, partitions, 3);
  if (created.topics[0]?.errorCode !== 0)
    violations.push(`creating the topic failed with error ${created.topics[0]?.errorCode}`);
  if ((await waitForLeaders(cluster, 1, TOPIC)) === null)
    violations.push("the topic never got leaders");

  const producers = Array.from(
    { length: options.producers ?? 2 },
    (_, i) =>
      new SimProducer(cluster, {
        name: `producer-${i + 1}`,
        topic: TOPIC,
        partitions,
        recordsPerBatch: RECORDS_PER_BATCH,
        pauseMs: 50,
      }),
  );
  const running = producers.map((producer) => producer.run());
  const faultEndMs = cluster.scheduler.nowMs() + options.ticks * TICK_INTERVAL_MS;
  while (cluster.scheduler.nowMs() < faultEndMs) {
    await faults.step();
    await cluster.scheduler.runFor(500 + Math.floor(cluster.random() * 1500));
  }
  await faults.healAll();
  // Keep producing for a while on the healed cluster, then stop: every producer must
  // get its last batch acknowledged (liveness).
  await cluster.scheduler.runFor(5_000);
  for (const producer of producers) producer.stop();
  const finished = await cluster.scheduler.runUntil(
    () => producers.every((p) => p.done),
    LIVENESS_LIMIT_MS,
    100,
  );
  if (!finished)
    violations.push(
      `liveness: the producers did not finish within ${LIVENESS_LIMIT_MS} ms after healing`,
    );
  await cluster.scheduler.runUntil(() => isrsFull(cluster, partitions), 60_000, 100);
  if (finished) await Promise.all(running);

  violations.push(...safety.violations);
  for (const producer of producers)
    violations.push(
      ...producer.anomalies.map((a) => `${a} (a correct broker never answers this here)`),
    );
  const acknowledged = producers.flatMap((p) => p.acknowledged);
  violations.push(...checkAcknowledgedAndUnique(cluster, TOPIC, partitions, acknowledged));
  violations.push(...checkReplicasAgree(cluster, TOPIC, partitions));
  return {
    seed: options.seed,
    violations,
    faults: faults.steps,
    acknowledgedRecords: acknowledged.reduce((sum, batch) => sum + batch.values.length, 0),
    produceAttempts: producers.reduce((sum, p) => sum + p.attempts, 0),
    produceFailures: Object.fromEntries(
      [...new Set(producers.flatMap((p) => [...p.failures.keys()]))].map((why) => [
        why,
        producers.reduce((sum, p) => sum + (p.failures.get(why) ?? 0), 0),
      ]),
    ),
    virtualMs: cluster.scheduler.nowMs(),
  };
}

/**
 * Every partition's leader has all three replicas in its ISR and every ISR member holds the
 * log up to the HW. A restarted broker stays in the ISR until its old session expires, but
 * holds nothing until it has registered again: the final checks wait for it.
 */
function isrsFull(cluster: SimCluster, partitions: number): boolean {
  let full = 0;
  for (const id of cluster.nodeIds) {
    for (const held of cluster.node(id)?.inspect() ?? []) {
      if (
        held.topic === TOPIC &&
        held.role === "leader" &&
        held.isr.length === 3 &&
        held.highWatermark === held.logEndOffset
      )
        full++;
    }
  }
  return full === partitions && cluster.nodeIds.every((id) => isBackInSync(cluster, id));
}
