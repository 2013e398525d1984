/** Hand-made store pieces for the inspector's tests. */
import type { BrokerView } from "../../store/cluster-slice.ts";
import type { GroupView } from "../../store/groups-slice.ts";
import { emptyPartition, type PartitionView, type TopicView } from "../../store/topics-slice.ts";

export function broker(id: number, patch: Partial<BrokerView> = {}): BrokerView {
  return {
    id,
    isVoter: true,
    process: "running",
    fenced: false,
    raftRole: "follower",
    raftEpoch: 3,
    bytesAppended: 0,
    error: null,
    ...patch,
  };
}

/** A partition led by `leader` with replicas and ISR, and the leader's offsets. */
export function partition(
  topic: string,
  index: number,
  patch: Partial<PartitionView> & { hw?: number; leo?: number } = {},
): PartitionView {
  const { hw = 0, leo = hw, ...rest } = patch;
  const base: PartitionView = {
    ...emptyPartition(topic, index),
    leader: 1,
    leaderEpoch: 0,
    replicas: [1, 2, 3],
    isr: [1, 2, 3],
  };
  const merged = { ...base, ...rest };
  const leaderOffsets = merged.leader >= 0 ? { [merged.leader]: { logStart: 0, leo, hw } } : {};
  return { ...merged, offsets: { ...leaderOffsets, ...rest.offsets } };
}

export function topic(name: string, partitions: PartitionView[], internal = false): TopicView {
  return { name, topicId: null, internal, partitions, configs: null };
}

export function group(groupId: string, patch: Partial<GroupView> = {}): GroupView {
  return {
    groupId,
    state: "Stable",
    generation: 1,
    protocolType: "consumer",
    protocol: "cooperative-sticky",
    leader: null,
    members: [],
    committed: {},
    phase: "stable",
    reason: "",
    coordinatorPartition: 0,
    telemetryAtMs: 0,
    ...patch,
  };
}
