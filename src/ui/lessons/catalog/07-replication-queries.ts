/**
 * Store questions the replication and failure lessons (7, 8, 9, 10, 15) ask: where to put a
 * lesson's replicas so the failures it causes never take the KRaft quorum with them, which
 * replicas are dead or out of the ISR, and how many acknowledged records the log no longer
 * has. Pure functions of the page's state, as live as the canvas.
 */
import { defaultProducerSettings, type ProducerSettings } from "../../store/clients-slice.ts";
import { brokerLiveness } from "../../store/cluster-slice.ts";
import type { PlaygroundState } from "../../store/store.ts";
import { leaderOffsets, type PartitionView } from "../../store/topics-slice.ts";
import { acknowledgedOn, partitionOf, producersOn } from "../lesson-queries.ts";

/**
 * Live brokers in the order a failure lesson should use them: broker-only nodes first, then
 * KRaft voters that are not the active controller, the controller last. Killing or cutting
 * off the first ones then leaves the quorum (and so leader elections) working.
 */
export function failureSafeBrokers(state: PlaygroundState): number[] {
  const rank = (id: number) => {
    const broker = state.brokers[id]!;
    if (!broker.isVoter) return 0;
    return id === state.controllerId ? 2 : 1;
  };
  return Object.values(state.brokers)
    .filter((broker) => brokerLiveness(broker) === "alive")
    .map((broker) => broker.id)
    .sort((a, b) => rank(a) - rank(b) || a - b);
}

/** Replicas for a lesson's one partition: the first `count` failure-safe brokers, leader first. */
export function lessonReplicas(state: PlaygroundState, count: number): number[] {
  const brokers = failureSafeBrokers(state);
  if (brokers.length < count) {
    throw new Error(`the lesson needs ${count} live brokers, the cluster has ${brokers.length}`);
  }
  return brokers.slice(0, count);
}

export function isDead(state: PlaygroundState, brokerId: number): boolean {
  const broker = state.brokers[brokerId];
  return broker === undefined || brokerLiveness(broker) === "dead";
}

export function isAlive(state: PlaygroundState, brokerId: number): boolean {
  const broker = state.brokers[brokerId];
  return broker !== undefined && brokerLiveness(broker) === "alive";
}

/** The partition's replicas whose brokers are dead. */
export function deadReplicas(partition: PartitionView, state: PlaygroundState): number[] {
  return partition.replicas.filter((id) => isDead(state, id));
}

/** The network between two brokers is cut (either way): their replicas cannot fetch. */
export function linkCut(state: PlaygroundState, a: number, b: number): boolean {
  return state.faultyLinks.some(
    (link) =>
      link.conditions.cut &&
      ((link.from === a && link.to === b) || (link.from === b && link.to === a)),
  );
}

/** The partition has no leader: nobody can write to it or read from it. */
export function isOffline(partition: PartitionView | undefined): boolean {
  return partition !== undefined && partition.leader < 0;
}

/** This replica's log end offset as its broker last reported it, or -1. */
export function replicaLeo(partition: PartitionView, brokerId: number): number {
  return partition.offsets[brokerId]?.leo ?? -1;
}

/** Records the leader has appended that not every ISR member has yet: LEO − HW. */
export function unreplicated(partition: PartitionView | undefined): number {
  const offsets = partition && leaderOffsets(partition);
  return offsets ? offsets.leo - offsets.hw : 0;
}

/**
 * How many acknowledged records the partition's log no longer has: records the producers
 * on the topic were told were written, minus what the current leader holds. Meaningful for
 * a topic of one partition, created fresh, written only by the lesson's producers with
 * retries that cannot duplicate (a count, not a list: the log may hold new records at the
 * offsets the lost ones had).
 */
export function lostAcknowledged(state: PlaygroundState, topic: string): number {
  const partition = partitionOf(state, topic, 0);
  const leader = partition && leaderOffsets(partition);
  if (!leader) return 0;
  return Math.max(0, acknowledgedOn(state, topic) - leader.leo);
}

/** The name of the last error any producer on the topic was given, e.g. NOT_ENOUGH_REPLICAS. */
export function producerErrorNames(state: PlaygroundState, topic: string): string[] {
  return producersOn(state, topic)
    .map((producer) => producer.lastError?.name)
    .filter((name): name is string => name !== undefined);
}

/** Retries and failures so far over the topic's producers: grows with every error they see. */
export function producerTroubles(state: PlaygroundState, topic: string): number {
  return producersOn(state, topic).reduce((sum, p) => sum + p.retries + p.failed, 0);
}

/**
 * The replication lessons' acks=1 producer: numbered keys, two records a second.
 * Idempotence is off because the idempotent producer needs acks=all, as Kafka's does.
 */
export function acksOneProducer(topic: string): ProducerSettings {
  return {
    ...defaultProducerSettings(topic),
    acks: "1",
    idempotence: false,
    ratePerSec: 2,
    keyMode: "sequence",
  };
}
