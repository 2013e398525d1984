/**
 * One chaos run against the real playground page: set up the shape of issue 8, play the
 * seed's fault schedule for the chosen minutes, heal everything, demand liveness within a
 * bounded wait, then check — records (acknowledged exactly once, in send order), groups
 * (committed ≤ HW, one owner per partition per generation), the simulator's safety history,
 * and the page's store against the brokers' own answers.
 */
import type { Page } from "@playwright/test";
import { AgentClient } from "./browser/agent-client.ts";
import type { BrokerTruth } from "./checks/broker-truth.ts";
import { committedBeyondHighWatermark, livenessGaps } from "./checks/group-checks.ts";
import { pageContradictions, producerCardContradictions } from "./checks/page-vs-brokers.ts";
import { checkRecords } from "./checks/record-check.ts";
import { countByKind, describeFault, planFaults, type Fault } from "./fault-schedule.ts";
import { brokerIds, type RunShape } from "./run-shape.ts";
import type { ChaosReport } from "./summary.ts";

export interface ChaosRunOptions {
  seed: number;
  minutes: number;
  shape: RunShape;
  /** After healing, how long the cluster has to become live again. */
  livenessTimeoutMs: number;
  log(line: string): void;
}

const FIRST_ACKS_TIMEOUT_MS = 60_000;
const AGREEMENT_TIMEOUT_MS = 20_000;
const READ_BACK_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 1_000,
): Promise<{ value: T | null; done: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let value: T | null = null;
  for (;;) {
    try {
      value = await probe();
      if (done(value)) return { value, done: true };
    } catch {
      // not answering yet (a broker still recovering): try again
    }
    if (Date.now() > deadline) return { value, done: false };
    await sleep(everyMs);
  }
}

export async function runChaos(
  page: Page,
  options: ChaosRunOptions,
  phasesMs: Record<string, number>,
): Promise<ChaosReport> {
  const { shape, log } = options;
  const agent = new AgentClient(page);
  const violations: Record<string, string[]> = {};
  const violate = (check: string, sentences: readonly string[]) => {
    if (sentences.length > 0) violations[check] = [...(violations[check] ?? []), ...sentences];
  };
  const notes: string[] = [];
  let phaseStart = Date.now();
  const phase = (name: string) => {
    phasesMs[name] = Date.now() - phaseStart;
    phaseStart = Date.now();
  };

  const placed = await agent.call("setup", shape);
  const producerIds = Object.keys(placed.producerLabels);
  const firstAcks = await until(
    () => agent.call("acknowledgedSoFar"),
    (acked) => producerIds.every((id) => (acked[id] ?? 0) > 0),
    FIRST_ACKS_TIMEOUT_MS,
    250,
  );
  if (!firstAcks.done)
    violate("liveness", ["before any fault, the producers had no acknowledgement within 60 s"]);
  phase("setup");

  // The faults, at their times from the start of this phase.
  const durationMs = Math.round(options.minutes * 60_000);
  const schedule = planFaults({ seed: options.seed, durationMs, brokers: brokerIds(shape) });
  const applied: Fault[] = [];
  const refusedFaults: string[] = [];
  const apply = async (fault: Fault, atMs: number) => {
    const result = await agent.call("apply", fault);
    applied.push(fault);
    log(
      `  ${(atMs / 1000).toFixed(1).padStart(6)} s  ${describeFault(fault)}${result.ok ? "" : `  (refused: ${result.message})`}`,
    );
    if (!result.ok) refusedFaults.push(`${describeFault(fault)}: ${result.message}`);
  };
  await agent.call("markFaultsStart");
  const chaosStart = Date.now();
  for (const step of schedule.steps) {
    const wait = chaosStart + step.atMs - Date.now();
    if (wait > 0) await sleep(wait);
    await apply(step.fault, Date.now() - chaosStart);
  }
  const rest = chaosStart + durationMs - Date.now();
  if (rest > 0) await sleep(rest);
  phase("faults");

  // Heal everything: what the schedule left broken, then whatever the page still shows broken.
  for (const fault of schedule.healAtEnd) await apply(fault, Date.now() - chaosStart);
  for (const fault of await agent.call("healWhatIsLeft")) {
    applied.push(fault);
    notes.push(`still broken after the schedule's heals, healed: ${describeFault(fault)}`);
  }
  const ackedAtHeal = await agent.call("acknowledgedSoFar");
  const livenessDeadline = Date.now() + options.livenessTimeoutMs;
  const remaining = () => Math.max(0, livenessDeadline - Date.now());
  const progress = await until(
    () => agent.call("acknowledgedSoFar"),
    (acked) => producerIds.every((id) => (acked[id] ?? 0) > (ackedAtHeal[id] ?? 0)),
    remaining(),
    500,
  );
  if (!progress.done) violate("liveness", ["after healing, a producer got no new acknowledgement"]);
  await agent.call("stopProducers");
  const settled = await until(
    () => agent.call("producersSettled"),
    (ok) => ok,
    remaining(),
    500,
  );
  if (!settled.done)
    violate("liveness", ["after healing, the producers' sends did not all settle"]);
  const expected = {
    partitions: shape.partitions,
    brokers: brokerIds(shape),
    replicationFactor: shape.replicationFactor,
    groups: shape.groups.map(({ groupId, members }) => ({ groupId, members })),
  };
  const live = await until(
    () => agent.call("truth"),
    (truth) => livenessGaps(truth, expected).length === 0,
    remaining(),
  );
  if (!live.done)
    violate(
      "liveness",
      live.value === null
        ? [`the brokers did not answer within ${options.livenessTimeoutMs / 1000} s of healing`]
        : livenessGaps(live.value, expected).map(
            (gap) => `${options.livenessTimeoutMs / 1000} s after healing: ${gap}`,
          ),
    );
  phase("heal");

  // The page against the brokers: a quiet cluster answers the same twice; the page must agree.
  let truth: BrokerTruth | null = live.value;
  let contradictions: string[] = ["the brokers never answered the same twice in a row"];
  const agreementDeadline = Date.now() + AGREEMENT_TIMEOUT_MS;
  while (Date.now() < agreementDeadline) {
    try {
      const before = await agent.call("truth");
      const view = await agent.call("view");
      const after = await agent.call("truth");
      truth = after;
      if (JSON.stringify(before) !== JSON.stringify(after)) continue;
      contradictions = pageContradictions(view, after);
      if (contradictions.length === 0) break;
    } catch (error) {
      contradictions = [`the brokers did not answer: ${(error as Error).message}`];
    }
    await sleep(1_000);
  }
  violate("page vs brokers", contradictions);

  const observed = await agent.call("observed");
  const view = await agent.call("view");
  let readBack = 0;
  let recordCheck = checkRecords(observed.acknowledgements, new Map());
  if (truth !== null) {
    violate("committed ≤ HW", committedBeyondHighWatermark(truth));
    const ranges = Object.fromEntries(
      truth.partitions.map((p) => [p.partition, { from: p.logStartOffset, to: p.highWatermark }]),
    );
    try {
      const logs = await agent.call("readLog", ranges, READ_BACK_TIMEOUT_MS);
      const byPartition = new Map(Object.entries(logs).map(([p, records]) => [Number(p), records]));
      readBack = [...byPartition.values()].reduce((sum, records) => sum + records.length, 0);
      recordCheck = checkRecords(observed.acknowledgements, byPartition);
      violate("records", recordCheck.violations);
      violate(
        "page vs brokers",
        producerCardContradictions(
          view,
          recordCheck.inLogByProducer,
          (id) => placed.producerLabels[id] ?? id,
        ),
      );
    } catch (error) {
      violate("records", [`could not read the log back: ${(error as Error).message}`]);
    }
  } else violate("records", ["no answer from the brokers to read the log back by"]);
  violate("safety", observed.safetyViolations);
  violate("one owner per generation", observed.ownershipViolations);
  if (observed.ownershipViolationCount > observed.ownershipViolations.length)
    violate("one owner per generation", [
      `… and ${observed.ownershipViolationCount - observed.ownershipViolations.length} more`,
    ]);
  if (observed.journalOverflow > 0)
    violate("records", [
      `${observed.journalOverflow} acknowledgements not journaled (journal full): the check is partial`,
    ]);
  if (observed.unreadableKeys > 0)
    violate("records", [
      `${observed.unreadableKeys} acknowledgements without a sequence number in their key`,
    ]);
  if (observed.droppedTelemetry > 0)
    notes.push(
      `${observed.droppedTelemetry} telemetry events were dropped before the page read them: the safety and ownership checks saw the rest`,
    );
  notes.push(`${observed.telemetryEvents} telemetry events watched`);
  for (const producer of view.producers)
    notes.push(
      `${placed.producerLabels[producer.id] ?? producer.id} (${producer.id}): ${producer.retries} produce retries, last error ${producer.lastError ?? "none"}`,
    );
  phase("checks");

  const producers = view.producers;
  return {
    seed: options.seed,
    minutes: options.minutes,
    shape: `${shape.brokers} brokers, topic ${shape.topic} (${shape.partitions} partitions, RF ${shape.replicationFactor}, min.insync.replicas=${shape.minInsyncReplicas}), ${shape.producers.length} idempotent acks=all producers, groups ${shape.groups.map((g) => `${g.groupId} (${g.members} × ${g.assignor})`).join(" and ")}`,
    faults: countByKind(applied),
    refusedFaults,
    records: {
      sent: producers.reduce((sum, p) => sum + p.sent, 0),
      acknowledged: recordCheck.acknowledged,
      failed: producers.reduce((sum, p) => sum + p.failed, 0),
      lost: recordCheck.lost,
      duplicated: recordCheck.duplicated,
      outOfOrder: recordCheck.outOfOrder,
      misplaced: recordCheck.misplaced,
      readBack,
    },
    groups: shape.groups.map(({ groupId }) => ({
      groupId,
      generations: observed.generations[groupId] ?? 0,
      committed: Object.values(
        truth?.groups.find((g) => g.groupId === groupId)?.committed ?? {},
      ).reduce((sum, offset) => sum + offset, 0),
    })),
    violations,
    notes,
    groupStory: observed.ownershipViolationCount > 0 ? observed.groupStory : [],
    phasesMs,
  };
}
