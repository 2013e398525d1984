/**
 * Kafka's PartitionChangeBuilder (without eligible leader replicas or reassignments): from
 * a partition, a target ISR and an election rule, the PartitionChangeRecord that moves the
 * partition there, or null when nothing changes.
 *
 * - A leader must be in the target ISR and acceptable (active, unless the caller says
 *   otherwise). The current leader stays while it qualifies (except for a preferred election).
 * - An unclean election picks the first acceptable replica outside the ISR, resets the ISR
 *   to it alone and marks the leader RECOVERING: data the old ISR had may be lost.
 * - An empty target ISR leaves the ISR as it is: Kafka keeps the last member, so the
 *   partition waits for it (leader -1) rather than forgetting who has its data.
 * - Setting the leader field bumps the leader epoch; an ISR-only change bumps only the
 *   partition epoch (metadata.version 3.6+).
 */
import { NO_LEADER, NO_LEADER_CHANGE, type PartitionImage } from "../metadata/metadata-image.ts";
import {
  defaultPartitionChangeRecord,
  type PartitionChangeRecord,
} from "../protocol/generated/metadata-records/partition-change-record.ts";

export const LeaderRecoveryState = { RECOVERED: 0, RECOVERING: 1 } as const;

/**
 * online: keep or find a leader in the ISR. preferred: move to the first replica when it
 * qualifies. unclean: like online, and failing that take any acceptable replica.
 */
export type Election = "online" | "preferred" | "unclean";

export interface PartitionChange {
  partition: PartitionImage;
  isAcceptableLeader(brokerId: number): boolean;
  election?: Election;
  targetIsr?: readonly number[];
  targetLeaderRecoveryState?: number;
}

interface ElectionResult {
  leader: number;
  unclean: boolean;
}

export function buildPartitionChange(change: PartitionChange): PartitionChangeRecord | null {
  const { partition } = change;
  const targetIsr = change.targetIsr ?? partition.isr;
  const record: PartitionChangeRecord = {
    ...defaultPartitionChangeRecord(),
    topicId: partition.topicId,
    partitionId: partition.partition,
  };
  const elected = elect(change, targetIsr);
  if (elected.leader !== partition.leader) {
    record.leader = elected.leader;
    if (elected.unclean) {
      record.isr = [elected.leader];
      if (partition.leaderRecoveryState !== LeaderRecoveryState.RECOVERING)
        record.leaderRecoveryState = LeaderRecoveryState.RECOVERING;
    }
  }
  if (record.isr === null && targetIsr.length > 0 && !sameMembers(targetIsr, partition.isr))
    record.isr = [...targetIsr];
  const targetRecovery = change.targetLeaderRecoveryState ?? partition.leaderRecoveryState;
  if (record.leaderRecoveryState === -1 && targetRecovery !== partition.leaderRecoveryState)
    record.leaderRecoveryState = targetRecovery;
  const unchanged =
    record.leader === NO_LEADER_CHANGE && record.isr === null && record.leaderRecoveryState === -1;
  return unchanged ? null : record;
}

function elect(change: PartitionChange, targetIsr: readonly number[]): ElectionResult {
  const { partition, isAcceptableLeader } = change;
  const isValid = (id: number) =>
    id !== NO_LEADER && targetIsr.includes(id) && isAcceptableLeader(id);
  const election = change.election ?? "online";
  if (election === "preferred") {
    const preferred = partition.replicas[0];
    if (preferred !== undefined && isValid(preferred)) return { leader: preferred, unclean: false };
    if (isValid(partition.leader)) return { leader: partition.leader, unclean: false };
    const other = partition.replicas.slice(1).find(isValid);
    return { leader: other ?? NO_LEADER, unclean: false };
  }
  if (isValid(partition.leader)) return { leader: partition.leader, unclean: false };
  const clean = partition.replicas.find(isValid);
  if (clean !== undefined) return { leader: clean, unclean: false };
  if (election === "unclean") {
    const anyLive = partition.replicas.find((id) => isAcceptableLeader(id));
    if (anyLive !== undefined) return { leader: anyLive, unclean: true };
  }
  return { leader: NO_LEADER, unclean: false };
}

/** ISRs compare as lists, in order, as Kafka's do. */
function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => b[i] === id);
}
