/**
 * Group checks over the brokers' answers after healing: no committed offset is past the
 * partition's HW (a consumer can only have read below it), and — for liveness — every
 * group has caught up (its committed offsets reached the HW) with all its members.
 */
import type { BrokerTruth } from "./broker-truth.ts";

export function committedBeyondHighWatermark(truth: BrokerTruth): string[] {
  const problems: string[] = [];
  for (const group of truth.groups) {
    for (const [partition, offset] of Object.entries(group.committed)) {
      const told = truth.partitions.find((p) => p.partition === Number(partition));
      if (told !== undefined && offset > told.highWatermark)
        problems.push(
          `group ${group.groupId} committed ${offset} on partition ${partition}, past its HW ${told.highWatermark}`,
        );
    }
  }
  return problems;
}

export interface LivenessExpectation {
  brokers: readonly number[];
  /** How many partitions the topic has: an answer with fewer says nothing of the rest. */
  partitions: number;
  replicationFactor: number;
  groups: readonly { groupId: string; members: number }[];
}

/**
 * What the healed cluster has not done yet, one sentence each: brokers not back, partitions
 * without a leader or a full ISR, groups not Stable with all members or not caught up.
 * Empty when the run is live.
 */
export function livenessGaps(truth: BrokerTruth, expected: LivenessExpectation): string[] {
  const gaps: string[] = [];
  const missing = expected.brokers.filter((id) => !truth.liveBrokers.includes(id));
  if (missing.length > 0) gaps.push(`brokers not registered and unfenced: ${missing.join(", ")}`);
  if (truth.quorumLeader < 0) gaps.push("no KRaft quorum leader");
  if (truth.partitions.length !== expected.partitions)
    gaps.push(`Metadata lists ${truth.partitions.length} of ${expected.partitions} partitions`);
  for (const partition of truth.partitions) {
    if (partition.leader < 0) gaps.push(`partition ${partition.partition} has no leader`);
    else if (partition.isr.length < expected.replicationFactor)
      gaps.push(`partition ${partition.partition} ISR is [${partition.isr.join(",")}]`);
  }
  for (const { groupId, members } of expected.groups) {
    const group = truth.groups.find((g) => g.groupId === groupId);
    if (group === undefined) {
      gaps.push(`group ${groupId} unknown to its coordinator`);
      continue;
    }
    if (group.state !== "Stable" || group.members.length !== members)
      gaps.push(
        `group ${groupId} is ${group.state} with ${group.members.length} of ${members} members`,
      );
    const behind = truth.partitions.filter(
      (p) => (group.committed[p.partition] ?? 0) < p.highWatermark,
    );
    if (behind.length > 0)
      gaps.push(
        `group ${groupId} has not committed up to the HW on partitions ${behind.map((p) => p.partition).join(", ")}`,
      );
  }
  return gaps;
}
