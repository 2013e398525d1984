/**
 * The balancing half of the sticky general path (Kafka's GeneralAssignmentBuilder.balance and
 * performReassignments). "Balanced" means: the partition counts differ by at most one, or no
 * member could take a partition from a subscriber holding 2+ more than itself.
 *
 * Where Kafka would dereference a missing member (a previous owner that is now out of the
 * balancing, or that no longer subscribes to the topic), we skip the move instead: with valid
 * input Kafka never gets there, and with odd input it would fail or hand a member a topic it
 * did not subscribe to.
 */
import type { TopicPartition } from "../assignor.ts";
import type { AssignmentInput } from "../assignment-input.ts";
import { removeFirst, type TopicPartitionRegistry } from "../topic-partitions.ts";
import type { PartitionMovements } from "./partition-movements.ts";
import type { SortedConsumers } from "./sorted-consumers.ts";

export interface PreviousOwner {
  readonly consumer: string;
  readonly generation: number;
}

export interface GeneralState {
  readonly input: AssignmentInput;
  readonly registry: TopicPartitionRegistry;
  readonly topic2AllPotentialConsumers: ReadonlyMap<string, readonly string[]>;
  readonly consumer2AllPotentialTopics: ReadonlyMap<string, readonly string[]>;
  readonly currentAssignment: Map<string, TopicPartition[]>;
  currentPartitionConsumer: Map<TopicPartition, string>;
  sortedAllPartitions: TopicPartition[];
  readonly sortedConsumers: SortedConsumers;
  readonly movements: PartitionMovements;
  revocationRequired: boolean;
}

export function balance(
  state: GeneralState,
  previousOwners: ReadonlyMap<TopicPartition, PreviousOwner>,
  unassignedPartitions: TopicPartition[],
): void {
  const { currentAssignment, sortedConsumers } = state;
  const initializing = currentAssignment.get(sortedConsumers.last()!)!.length === 0;

  for (const tp of unassignedPartitions) {
    if (state.topic2AllPotentialConsumers.get(tp.topic)!.length === 0) continue;
    assignToLeastLoaded(state, tp);
  }

  // Partitions of topics with a single potential consumer can never move.
  const canMove = (tp: TopicPartition) =>
    state.topic2AllPotentialConsumers.get(tp.topic)!.length >= 2;
  state.sortedAllPartitions = state.sortedAllPartitions.filter(canMove);
  const unassigned = unassignedPartitions.filter(canMove);

  // Members that hold all they could and nothing movable sit the balancing out.
  const fixedAssignments = new Map<string, TopicPartition[]>();
  for (const consumer of state.consumer2AllPotentialTopics.keys()) {
    if (!canConsumerParticipate(state, consumer)) {
      sortedConsumers.remove(consumer);
      fixedAssignments.set(consumer, currentAssignment.get(consumer)!);
      currentAssignment.delete(consumer);
    }
  }

  const preBalanceAssignment = deepCopy(currentAssignment);
  const preBalancePartitionConsumers = new Map(state.currentPartitionConsumer);

  // Without revocations, first try to balance by moving only the newly assigned partitions.
  if (!state.revocationRequired) {
    performReassignments(state, previousOwners, unassigned);
  }
  const reassignmentPerformed = performReassignments(
    state,
    previousOwners,
    state.sortedAllPartitions,
  );

  if (
    !initializing &&
    reassignmentPerformed &&
    balanceScore(currentAssignment) >= balanceScore(preBalanceAssignment)
  ) {
    currentAssignment.clear();
    for (const [consumer, partitions] of preBalanceAssignment) {
      currentAssignment.set(consumer, [...partitions]);
    }
    state.currentPartitionConsumer = preBalancePartitionConsumers;
  }

  for (const [consumer, partitions] of fixedAssignments) {
    currentAssignment.set(consumer, partitions);
    sortedConsumers.add(consumer);
  }
}

function assignToLeastLoaded(state: GeneralState, tp: TopicPartition): void {
  for (const consumer of state.sortedConsumers) {
    if (state.consumer2AllPotentialTopics.get(consumer)!.includes(tp.topic)) {
      state.sortedConsumers.remove(consumer);
      state.currentAssignment.get(consumer)!.push(tp);
      state.currentPartitionConsumer.set(tp, consumer);
      state.sortedConsumers.add(consumer);
      return;
    }
  }
}

/** The most partitions a member could hold: all partitions of its topics. */
function maxAssignmentSize(state: GeneralState, topics: readonly string[]): number {
  const { partitionCounts, totalPartitions } = state.input;
  if (topics.length === partitionCounts.size) return totalPartitions;
  let size = 0;
  for (const topic of topics) size += partitionCounts.get(topic)!;
  return size;
}

function canConsumerParticipate(state: GeneralState, consumer: string): boolean {
  const partitions = state.currentAssignment.get(consumer)!;
  const topics = state.consumer2AllPotentialTopics.get(consumer)!;
  if (partitions.length < maxAssignmentSize(state, topics)) return true;
  return partitions.some((tp) => state.topic2AllPotentialConsumers.get(tp.topic)!.length >= 2);
}

function performReassignments(
  state: GeneralState,
  previousOwners: ReadonlyMap<TopicPartition, PreviousOwner>,
  reassignablePartitions: readonly TopicPartition[],
): boolean {
  const sizeOf = (consumer: string) => state.currentAssignment.get(consumer)?.length;
  let reassignmentPerformed = false;
  let modified: boolean;
  do {
    modified = false;
    for (let i = 0; i < reassignablePartitions.length && !isBalanced(state); i++) {
      const tp = reassignablePartitions[i]!;
      const consumer = state.currentPartitionConsumer.get(tp);
      const size = consumer === undefined ? undefined : sizeOf(consumer);
      if (consumer === undefined || size === undefined) continue;

      const previous = previousOwners.get(tp)?.consumer;
      const previousSize = previous === undefined ? undefined : sizeOf(previous);
      if (
        previous !== undefined &&
        previousSize !== undefined &&
        state.consumer2AllPotentialTopics.get(previous)!.includes(tp.topic) &&
        size > previousSize + 1
      ) {
        reassignPartition(state, tp, previous);
        reassignmentPerformed = modified = true;
        continue;
      }
      for (const other of state.topic2AllPotentialConsumers.get(tp.topic)!) {
        const otherSize = sizeOf(other);
        if (otherSize !== undefined && size > otherSize + 1) {
          reassignPartition(state, tp, leastLoadedSubscriber(state, tp.topic));
          reassignmentPerformed = modified = true;
          break;
        }
      }
    }
  } while (modified);
  return reassignmentPerformed;
}

function leastLoadedSubscriber(state: GeneralState, topic: string): string {
  for (const consumer of state.sortedConsumers) {
    if (state.consumer2AllPotentialTopics.get(consumer)!.includes(topic)) return consumer;
  }
  throw new Error(`no consumer subscribes to ${topic}`);
}

function reassignPartition(state: GeneralState, tp: TopicPartition, newConsumer: string): void {
  const consumer = state.currentPartitionConsumer.get(tp)!;
  const toMove = state.movements.actualPartitionToMove(tp, consumer, newConsumer);
  const oldConsumer = state.currentPartitionConsumer.get(toMove)!;
  state.sortedConsumers.remove(oldConsumer);
  state.sortedConsumers.remove(newConsumer);
  state.movements.movePartition(toMove, oldConsumer, newConsumer);
  removeFirst(state.currentAssignment.get(oldConsumer)!, toMove);
  state.currentAssignment.get(newConsumer)!.push(toMove);
  state.currentPartitionConsumer.set(toMove, newConsumer);
  state.sortedConsumers.add(newConsumer);
  state.sortedConsumers.add(oldConsumer);
}

function isBalanced(state: GeneralState): boolean {
  const { currentAssignment, sortedConsumers } = state;
  const least = sortedConsumers.first();
  const most = sortedConsumers.last();
  if (least === undefined || most === undefined) return true;
  const min = currentAssignment.get(least)!.length;
  const max = currentAssignment.get(most)!.length;
  if (min >= max - 1) return true;

  const owners = new Map<TopicPartition, string>();
  for (const [consumer, partitions] of currentAssignment) {
    for (const tp of partitions) owners.set(tp, consumer);
  }
  for (const consumer of sortedConsumers) {
    const partitions = currentAssignment.get(consumer)!;
    const topics = state.consumer2AllPotentialTopics.get(consumer)!;
    if (partitions.length === maxAssignmentSize(state, topics)) continue;
    const held = new Set(partitions);
    for (const topic of topics) {
      const count = state.input.partitionCounts.get(topic)!;
      for (let partition = 0; partition < count; partition++) {
        const tp = state.registry.get(topic, partition);
        if (held.has(tp)) continue;
        const other = owners.get(tp);
        if (other === undefined) continue;
        // "can be moved from consumer {} to consumer {} for a more balanced assignment"
        if (partitions.length + 1 < currentAssignment.get(other)!.length) return false;
      }
    }
  }
  return true;
}

/** Sum of the count differences over all pairs of members: 0 is perfectly balanced. */
function balanceScore(assignment: ReadonlyMap<string, readonly TopicPartition[]>): number {
  const sizes = [...assignment.values()].map((partitions) => partitions.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) {
    for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
  }
  return score;
}

function deepCopy(
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
): Map<string, TopicPartition[]> {
  return new Map([...assignment].map(([consumer, partitions]) => [consumer, [...partitions]]));
}
