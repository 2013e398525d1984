/**
 * The sticky assignors' fast path when every member subscribes to the same topics (Kafka's
 * ConstrainedAssignmentBuilder, without the rack pass, which needs replica racks).
 *
 * With P partitions and N members each member ends with minQuota = floor(P/N) or
 * maxQuota = ceil(P/N) partitions, exactly P % N of them with maxQuota:
 * 1. members keep their owned partitions (sorted by partition, then topic): all of them when
 *    they own fewer than minQuota; maxQuota while fewer than P % N members have taken the
 *    larger quota (members visited in Java's HashMap order); minQuota otherwise. The rest is
 *    revoked;
 * 2. the remaining partitions, sorted by topic then partition, are dealt round robin to the
 *    members below minQuota (sorted by id), then one each to members at exactly minQuota
 *    while members with maxQuota are still missing.
 *
 * A partition given to a new member that some other member still owns (revoked in step 1 or
 * claimed by several members) is recorded as transferring ownership, which the cooperative
 * assignor holds back for one rebalance.
 */
import type { TopicPartition } from "../assignor.ts";
import type { AssignmentInput } from "../assignment-input.ts";
import {
  byPartitionThenTopic,
  compareStrings,
  type TopicPartitionRegistry,
} from "../topic-partitions.ts";
import type { OwnedPartitions } from "./owned-partitions.ts";

export interface ConstrainedAssignment {
  readonly assignment: Map<string, TopicPartition[]>;
  readonly partitionsTransferringOwnership: Map<TopicPartition, string>;
}

export function constrainedAssign(
  input: AssignmentInput,
  registry: TopicPartitionRegistry,
  owned: OwnedPartitions,
): ConstrainedAssignment {
  const numberOfConsumers = owned.consumerToOwnedPartitions.size;
  const total = input.totalPartitions;
  const minQuota = Math.floor(total / numberOfConsumers);
  const maxQuota = Math.ceil(total / numberOfConsumers);
  const expectedOverMinQuota = total % numberOfConsumers;
  let currentOverMinQuota = 0;

  const assignment = new Map<string, TopicPartition[]>();
  const assigned = new Set<TopicPartition>();
  // Partitions a member owned beyond its quota, and that member.
  const maybeRevokedPartitions = new Map<TopicPartition, string>();
  const partitionsTransferringOwnership = new Map<TopicPartition, string>();
  let underMinQuota: string[] = [];
  let exactlyMinQuota: string[] = [];

  // 1. Keep previously owned partitions, up to the quota each member may reach.
  for (const [consumer, claimed] of owned.consumerToOwnedPartitions) {
    const ownedPartitions = [...claimed]
      .sort(byPartitionThenTopic)
      .filter((tp) => !owned.partitionsWithMultiplePreviousOwners.has(tp));
    let keep: number;
    if (ownedPartitions.length < minQuota) {
      keep = ownedPartitions.length;
      underMinQuota.push(consumer);
    } else if (ownedPartitions.length >= maxQuota && currentOverMinQuota < expectedOverMinQuota) {
      keep = maxQuota;
      currentOverMinQuota++;
      if (currentOverMinQuota === expectedOverMinQuota) exactlyMinQuota = [];
    } else {
      keep = minQuota;
      if (currentOverMinQuota < expectedOverMinQuota) exactlyMinQuota.push(consumer);
    }
    const kept = ownedPartitions.slice(0, keep);
    assignment.set(consumer, kept);
    for (const tp of kept) assigned.add(tp);
    for (const tp of ownedPartitions.slice(keep)) maybeRevokedPartitions.set(tp, consumer);
  }

  const unassigned: TopicPartition[] = [];
  for (const topic of [...input.topics].sort(compareStrings)) {
    for (const tp of registry.range(topic, input.partitionCounts.get(topic)!)) {
      if (!assigned.has(tp)) unassigned.push(tp);
    }
  }
  underMinQuota = underMinQuota.sort(compareStrings);
  exactlyMinQuota = exactlyMinQuota.sort(compareStrings);

  const assignNewPartition = (tp: TopicPartition, consumer: string): number => {
    const list = assignment.get(consumer)!;
    list.push(tp);
    const previousOwner = maybeRevokedPartitions.get(tp);
    if (
      (previousOwner !== undefined && previousOwner !== consumer) ||
      owned.partitionsWithMultiplePreviousOwners.has(tp)
    ) {
      partitionsTransferringOwnership.set(tp, consumer);
    }
    return list.length;
  };

  // 2. Round robin: first to the members under minQuota, then to members at minQuota.
  let cursor = 0; // position of the next member below minQuota (a live list iterator)
  let lastReturned = -1;
  for (const tp of unassigned) {
    let consumer: string;
    if (cursor < underMinQuota.length) {
      lastReturned = cursor++;
      consumer = underMinQuota[lastReturned]!;
    } else if (underMinQuota.length === 0 && exactlyMinQuota.length === 0) {
      throw new Error("No more unfilled consumers to be assigned.");
    } else if (underMinQuota.length === 0) {
      consumer = exactlyMinQuota.shift()!;
    } else {
      lastReturned = 0;
      cursor = 1;
      consumer = underMinQuota[0]!;
    }
    const count = assignNewPartition(tp, consumer);
    if (count === minQuota) {
      underMinQuota.splice(lastReturned, 1);
      cursor = lastReturned;
      exactlyMinQuota.push(consumer);
    } else if (count === maxQuota) {
      currentOverMinQuota++;
    }
  }

  verifyUnfilledMembers(
    underMinQuota,
    assignment,
    minQuota,
    currentOverMinQuota,
    expectedOverMinQuota,
  );
  return { assignment, partitionsTransferringOwnership };
}

/** Kafka's sanity check: members left below minQuota mean the quotas were miscounted. */
function verifyUnfilledMembers(
  underMinQuota: readonly string[],
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
  minQuota: number,
  currentOverMinQuota: number,
  expectedOverMinQuota: number,
): void {
  if (underMinQuota.length === 0) return;
  if (currentOverMinQuota !== expectedOverMinQuota) {
    throw new Error(
      "We haven't reached the expected number of members with more than the minQuota partitions, but no more partitions to be assigned",
    );
  }
  for (const member of underMinQuota) {
    if (assignment.get(member)!.length !== minQuota) {
      throw new Error(
        `Consumer: [${member}] doesn't reach minQuota partitions, and no more partitions to be assigned`,
      );
    }
  }
}
