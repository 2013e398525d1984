/**
 * The chaos run's hands and eyes inside the playground page, bundled and injected by
 * chaos/main.ts as `window.kafkaChaos`. Every method takes and returns plain data, since
 * Playwright carries both across as JSON.
 */
import type { Endpoint, Fault } from "../fault-schedule.ts";
import type { RunShape } from "../run-shape.ts";
import type { BrokerTruth, PageView } from "../checks/broker-truth.ts";
import type { LogRecord } from "../checks/record-check.ts";
import { brokerLiveness } from "../../src/ui/store/cluster-slice.ts";
import { BrokerAnswers } from "./broker-answers.ts";
import { Observations, type Observed } from "./observations.ts";
import { playgroundHandles, runningSession } from "./page-handles.ts";
import { pageView } from "./page-view.ts";
import {
  applyFault,
  placeClients,
  prepareCluster,
  stopProducers,
  type PlacedClients,
} from "./workload.ts";

export interface ChaosAgent {
  /** Brokers, topic, observers, consumers and producers, in that order. */
  setup(shape: RunShape): Promise<PlacedClients>;
  /** The fault schedule starts now (the group story's times count from here). */
  markFaultsStart(): void;
  apply(fault: Fault): Promise<{ ok: boolean; message?: string }>;
  /** Faults left that the page shows: links not healthy, brokers not running; heals them. */
  healWhatIsLeft(): Promise<Fault[]>;
  stopProducers(): Promise<void>;
  /** Whether every record the producers sent was acknowledged or failed. */
  producersSettled(): boolean;
  acknowledgedSoFar(): Record<string, number>;
  truth(): Promise<BrokerTruth>;
  view(): PageView;
  readLog(
    ranges: Record<number, { from: number; to: number }>,
    timeoutMs: number,
  ): Promise<Record<number, LogRecord[]>>;
  observed(): Observed;
}

function createAgent(): ChaosAgent {
  let shape: RunShape | null = null;
  let observations: Observations | null = null;
  let answers: BrokerAnswers | null = null;
  let placed: PlacedClients = { producerLabels: {}, consumerIds: [] };
  const groupIds = () => (shape?.groups ?? []).map((group) => group.groupId);
  const started = () => {
    if (shape === null || observations === null || answers === null)
      throw new Error("kafkaChaos.setup() first");
    return { shape, observations, answers };
  };

  return {
    async setup(runShape) {
      shape = runShape;
      await prepareCluster(runShape);
      const session = runningSession();
      observations = new Observations(
        (observer) => session.observe(observer),
        runShape.topic,
        groupIds(),
        () => Math.round(performance.now()),
      );
      answers = new BrokerAnswers(runShape.topic, groupIds());
      placed = await placeClients(runShape);
      return placed;
    },
    markFaultsStart: () => started().observations.markFaultsStart(),
    async apply(fault) {
      const result = await applyFault(fault);
      return result.ok
        ? { ok: true }
        : { ok: false, message: `${result.errorName}: ${result.message}` };
    },
    async healWhatIsLeft() {
      const { store } = playgroundHandles();
      const state = store.getState();
      const left: Fault[] = [];
      const healed = new Set<string>();
      for (const { from, to } of state.faultyLinks) {
        const key = [String(from), String(to)].sort().join("|");
        if (healed.has(key)) continue;
        healed.add(key);
        left.push({ kind: "heal", from: from as Endpoint, to: to as Endpoint });
      }
      for (const broker of Object.values(state.brokers))
        if (brokerLiveness(broker) === "dead") left.push({ kind: "restart", broker: broker.id });
      for (const fault of left) await applyFault(fault);
      return left;
    },
    stopProducers: () => stopProducers(Object.keys(placed.producerLabels)),
    producersSettled() {
      const { producers } = playgroundHandles().store.getState();
      return Object.keys(placed.producerLabels).every((id) => {
        const producer = producers[id];
        return producer !== undefined && producer.sent === producer.acknowledged + producer.failed;
      });
    },
    acknowledgedSoFar: () => started().observations.acknowledgedSoFar(),
    truth: () => started().answers.truth(),
    view: () => pageView(started().shape.topic, groupIds()),
    readLog: (ranges, timeoutMs) => started().answers.readLog(ranges, timeoutMs),
    observed: () => started().observations.snapshot((id) => placed.producerLabels[id] ?? id),
  };
}

(window as unknown as { kafkaChaos: ChaosAgent }).kafkaChaos = createAgent();
