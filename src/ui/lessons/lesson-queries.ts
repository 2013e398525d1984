/**
 * Questions lessons ask of the page's state, named the way a lesson says them. Pure
 * functions of the store's state, so each is as live as the canvas.
 */
import { brokerLiveness, liveBrokerIds } from "../store/cluster-slice.ts";
import type { ConsumerView, ProducerView } from "../store/clients-slice.ts";
import type { GroupView } from "../store/groups-slice.ts";
import type { PlaygroundState } from "../store/store.ts";
import { leaderOffsets, type PartitionView } from "../store/topics-slice.ts";

export function partitionOf(
  state: PlaygroundState,
  topic: string,
  partition: number,
): PartitionView | undefined {
  return state.topics[topic]?.partitions[partition];
}

/** The leader's log end offset, or -1 while the page does not know it. */
export function leaderLeo(state: PlaygroundState, topic: string, partition: number): number {
  const view = partitionOf(state, topic, partition);
  return (view && leaderOffsets(view)?.leo) ?? -1;
}

/** The leader's high watermark, or -1 while the page does not know it. */
export function leaderHw(state: PlaygroundState, topic: string, partition: number): number {
  const view = partitionOf(state, topic, partition);
  return (view && leaderOffsets(view)?.hw) ?? -1;
}

/** The sum of the leaders' log end offsets over the topic's partitions. */
export function topicLeo(state: PlaygroundState, topic: string): number {
  const partitions = state.topics[topic]?.partitions ?? [];
  return partitions.reduce((sum, p) => sum + Math.max(0, leaderOffsets(p)?.leo ?? 0), 0);
}

export function producersOn(state: PlaygroundState, topic: string): ProducerView[] {
  return Object.values(state.producers).filter((p) => p.settings.topic === topic);
}

export function consumersIn(state: PlaygroundState, groupId: string): ConsumerView[] {
  return Object.values(state.consumers).filter((c) => c.settings.groupId === groupId);
}

export function acknowledgedOn(state: PlaygroundState, topic: string): number {
  return producersOn(state, topic).reduce((sum, p) => sum + p.acknowledged, 0);
}

export function groupOf(state: PlaygroundState, groupId: string): GroupView | undefined {
  return state.groups[groupId];
}

/** The group's committed offset for the partition, or -1 when it has none. */
export function committedOffset(
  state: PlaygroundState,
  groupId: string,
  topic: string,
  partition: number,
): number {
  return state.groups[groupId]?.committed[`${topic}:${partition}`] ?? -1;
}

/** A Stable group whose members, between them, own every partition of the topic. */
export function groupOwnsTopic(state: PlaygroundState, groupId: string, topic: string): boolean {
  const group = state.groups[groupId];
  const partitions = state.topics[topic]?.partitions.length ?? 0;
  if (!group || group.state !== "Stable" || partitions === 0) return false;
  const owned = new Set(
    group.members.flatMap((m) =>
      m.assignment.filter((a) => a.topic === topic).flatMap((a) => a.partitions),
    ),
  );
  return owned.size === partitions;
}

export function aliveBrokers(state: PlaygroundState): number[] {
  return liveBrokerIds(state.brokers);
}

export function deadBrokers(state: PlaygroundState): number[] {
  return Object.values(state.brokers)
    .filter((broker) => brokerLiveness(broker) === "dead")
    .map((broker) => broker.id);
}

/** The newest producer id the page knows of (the one "show me" just added). */
export function newestProducer(state: PlaygroundState, topic: string): ProducerView | undefined {
  return producersOn(state, topic).at(-1);
}
