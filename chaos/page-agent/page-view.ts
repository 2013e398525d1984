/**
 * What the page shows of the chaos topic, its groups and clients, read from the store the
 * page draws from: the same numbers the broker cards, partition rows, group panels and
 * client cards render.
 */
import { brokerLiveness } from "../../src/ui/store/cluster-slice.ts";
import type { PageView } from "../checks/broker-truth.ts";
import { playgroundHandles } from "./page-handles.ts";

export function pageView(topic: string, groups: readonly string[]): PageView {
  const state = playgroundHandles().store.getState();
  const partitionsOf = (assignment: readonly { topic: string; partitions: number[] }[]) =>
    assignment
      .filter((entry) => entry.topic === topic)
      .flatMap((entry) => entry.partitions)
      .sort((a, b) => a - b);
  return {
    brokers: Object.values(state.brokers).map((broker) => ({
      id: broker.id,
      liveness: brokerLiveness(broker),
    })),
    controllerId: state.controllerId,
    partitions: (state.topics[topic]?.partitions ?? []).map((partition) => {
      const leaderOffsets = partition.offsets[partition.leader];
      return {
        partition: partition.partition,
        leader: partition.leader,
        leaderEpoch: partition.leaderEpoch,
        replicas: [...partition.replicas],
        isr: [...partition.isr],
        highWatermark: leaderOffsets?.hw ?? null,
        logStartOffset: leaderOffsets?.logStart ?? null,
      };
    }),
    groups: groups.flatMap((groupId) => {
      const group = state.groups[groupId];
      if (group === undefined) return [];
      const committed: Record<number, number> = {};
      for (const [key, offset] of Object.entries(group.committed)) {
        const split = key.lastIndexOf(":");
        if (key.slice(0, split) === topic) committed[Number(key.slice(split + 1))] = offset;
      }
      return [
        {
          groupId,
          state: group.state,
          generation: group.generation,
          committed,
          members: group.members.map((member) => ({
            memberId: member.memberId,
            clientId: member.clientId,
            partitions: partitionsOf(member.assignment),
          })),
        },
      ];
    }),
    consumers: Object.values(state.consumers)
      .filter((consumer) => groups.includes(consumer.settings.groupId))
      .map((consumer) => ({
        id: consumer.id,
        groupId: consumer.settings.groupId,
        status: consumer.status,
        memberId: consumer.memberId,
        partitions: consumer.assigned
          .filter((entry) => entry.topic === topic)
          .map((entry) => entry.partition)
          .sort((a, b) => a - b),
      })),
    producers: Object.values(state.producers)
      .filter((producer) => producer.settings.topic === topic)
      .map(({ id, sent, acknowledged, failed, retries, lastError }) => ({
        id,
        sent,
        acknowledged,
        failed,
        retries,
        lastError: lastError?.name ?? null,
      })),
  };
}
