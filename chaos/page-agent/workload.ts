/**
 * The run's cluster and clients, set up through the page's own actions (what its buttons
 * call): brokers added up to the shape's count, the chaos topic created, the consumers of
 * both groups and the idempotent acks=all producers placed. Faults go through the same
 * actions: kill and restart a broker, change a link.
 */
import type { ConsumerSettings, ProducerSettings } from "../../src/ui/store/clients-slice.ts";
import { brokerLiveness } from "../../src/ui/store/cluster-slice.ts";
import { chaosValueTemplate } from "../checks/record-check.ts";
import type { Fault } from "../fault-schedule.ts";
import type { RunShape } from "../run-shape.ts";
import { playgroundHandles, waitUntil } from "./page-handles.ts";

const BROKERS_READY_TIMEOUT_MS = 90_000;

export interface PlacedClients {
  /** Page producer id → the label its values carry. */
  producerLabels: Record<string, string>;
  consumerIds: string[];
}

type Result<T = unknown> =
  { ok: true; value: T } | { ok: false; errorName: string; message: string };

function must<T>(what: string, result: Result<T>): T {
  if (!result.ok) throw new Error(`${what}: ${result.errorName}: ${result.message}`);
  return result.value;
}

export function producerSettings(
  topic: string,
  ratePerSec: number,
  label: string,
): ProducerSettings {
  return {
    topic,
    ratePerSec,
    // key-<n>: the acknowledgement names the record's sequence number; murmur2 spreads them.
    keyMode: "sequence",
    fixedKey: "",
    keySet: [],
    valueTemplate: chaosValueTemplate(label),
    acks: "all",
    lingerMs: 5,
    batchSize: 16_384,
    idempotence: true,
    partitioner: "default",
  };
}

export function consumerSettings(
  topic: string,
  group: RunShape["groups"][number],
): ConsumerSettings {
  return {
    topic,
    groupId: group.groupId,
    assignor: group.assignor,
    processingDelayMs: 0,
    autoCommit: true,
    fromBeginning: true,
    sessionTimeoutMs: group.sessionTimeoutMs,
    groupInstanceId: "",
  };
}

/** Brokers up to the shape's count, all alive; the topic created. */
export async function prepareCluster(shape: RunShape): Promise<void> {
  const { store, actions } = playgroundHandles();
  while (Object.keys(store.getState().brokers).length < shape.brokers)
    must("adding a broker", await actions.addBroker());
  await waitUntil(
    () => {
      const brokers = Object.values(store.getState().brokers);
      return (
        brokers.length === shape.brokers &&
        brokers.every((broker) => brokerLiveness(broker) === "alive")
      );
    },
    `${shape.brokers} brokers alive`,
    BROKERS_READY_TIMEOUT_MS,
  );
  must(
    `creating topic ${shape.topic}`,
    await actions.createTopic({
      topic: shape.topic,
      numPartitions: shape.partitions,
      replicationFactor: shape.replicationFactor,
      configEntries: [{ name: "min.insync.replicas", value: String(shape.minInsyncReplicas) }],
    }),
  );
}

/** The consumers of every group, then the producers. */
export async function placeClients(shape: RunShape): Promise<PlacedClients> {
  const { actions } = playgroundHandles();
  const consumerIds: string[] = [];
  for (const group of shape.groups)
    for (let member = 0; member < group.members; member++) {
      const placed = must(
        `a consumer in ${group.groupId}`,
        await actions.addConsumer(consumerSettings(shape.topic, group)),
      );
      consumerIds.push(placed);
    }
  const producerLabels: Record<string, string> = {};
  for (const { label, ratePerSec } of shape.producers) {
    const placed = must(
      `producer ${label}`,
      await actions.addProducer(producerSettings(shape.topic, ratePerSec, label)),
    );
    producerLabels[placed] = label;
  }
  return { producerLabels, consumerIds };
}

/** The producers stop sending (rate 0); what they sent still settles. */
export async function stopProducers(producerIds: readonly string[]): Promise<void> {
  const { store, actions } = playgroundHandles();
  for (const id of producerIds) {
    const producer = store.getState().producers[id];
    if (producer === undefined) continue;
    must(
      `stopping ${id}`,
      await actions.updateProducer(id, { ...producer.settings, ratePerSec: 0 }),
    );
  }
}

export async function applyFault(fault: Fault): Promise<Result> {
  const { actions } = playgroundHandles();
  switch (fault.kind) {
    case "kill":
      return actions.killBroker(fault.broker);
    case "restart":
      return actions.restartBroker(fault.broker);
    case "cut":
      return actions.setLink(fault.from, fault.to, { cut: true }, !fault.oneWay);
    case "latency":
      return actions.setLink(fault.from, fault.to, { latencyMs: fault.latencyMs }, !fault.oneWay);
    case "loss":
      return actions.setLink(fault.from, fault.to, { lossRate: fault.lossRate }, !fault.oneWay);
    case "heal":
      return actions.setLink(fault.from, fault.to, { cut: false, latencyMs: 0, lossRate: 0 }, true);
  }
}
