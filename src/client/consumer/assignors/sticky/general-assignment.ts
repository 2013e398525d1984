/**
 * The sticky assignors' general path, used when members subscribe to different topics
 * (Kafka's GeneralAssignmentBuilder, without the rack pass, which needs replica racks):
 *
 * 1. keep every valid previous assignment (a member keeps what it owns of topics it still
 *    subscribes to; a partition of a topic it dropped is revoked);
 * 2. give each unassigned partition to the subscribed member holding the fewest partitions;
 * 3. balance: move partitions from members holding 2+ more than another subscriber, handing a
 *    partition back to its previous-generation owner first, and keep the result only if it
 *    is more balanced than before (unless starting from nothing).
 *
 * The balance loop itself is in general-balance.ts.
 */
import type { TopicPartition } from "../assignor.ts";
import { DEFAULT_GENERATION } from "../assignor.ts";
import type { AssignmentInput } from "../assignment-input.ts";
import { compareStrings, type TopicPartitionRegistry } from "../topic-partitions.ts";
import { balance, type GeneralState, type PreviousOwner } from "./general-balance.ts";
import type { MemberData, OwnedPartitions } from "./owned-partitions.ts";
import { PartitionMovements } from "./partition-movements.ts";
import { SortedConsumers } from "./sorted-consumers.ts";

export interface GeneralAssignment {
  readonly assignment: Map<string, TopicPartition[]>;
  readonly movements: PartitionMovements;
}

export function generalAssign(
  input: AssignmentInput,
  registry: TopicPartitionRegistry,
  owned: OwnedPartitions,
  memberData: ReadonlyMap<string, MemberData>,
): GeneralAssignment {
  const state = buildState(input, registry, owned);
  const previousOwners = previousGenerationOwners(input, memberData, owned.maxGeneration);
  const assignedPartitions = keepOwnedPartitions(input, state);
  const unassigned = state.sortedAllPartitions.filter((tp) => !assignedPartitions.has(tp));
  for (const consumer of state.currentAssignment.keys()) state.sortedConsumers.add(consumer);
  balance(state, previousOwners, unassigned);
  return { assignment: state.currentAssignment, movements: state.movements };
}

function buildState(
  input: AssignmentInput,
  registry: TopicPartitionRegistry,
  owned: OwnedPartitions,
): GeneralState {
  const topic2AllPotentialConsumers = new Map<string, string[]>(
    input.topics.map((topic) => [topic, []]),
  );
  const consumer2AllPotentialTopics = new Map<string, string[]>();
  for (const consumer of input.members) {
    // Kept as lists, duplicates and all, since Kafka counts with them.
    const topics = input.subscriptions
      .get(consumer)!
      .topics.filter((topic) => input.partitionCounts.has(topic));
    consumer2AllPotentialTopics.set(consumer, topics);
    for (const topic of topics) topic2AllPotentialConsumers.get(topic)!.push(consumer);
  }
  const currentAssignment = owned.consumerToOwnedPartitions;
  const currentPartitionConsumer = new Map<TopicPartition, string>();
  for (const [consumer, partitions] of currentAssignment) {
    for (const tp of partitions) currentPartitionConsumer.set(tp, consumer);
  }
  // Topics with the fewest potential consumers first, then by name.
  const sortedAllTopics = [...input.topics].sort(
    (a, b) =>
      topic2AllPotentialConsumers.get(a)!.length - topic2AllPotentialConsumers.get(b)!.length ||
      compareStrings(a, b),
  );
  const sortedAllPartitions = sortedAllTopics.flatMap((topic) =>
    registry.range(topic, input.partitionCounts.get(topic)!),
  );
  return {
    input,
    registry,
    topic2AllPotentialConsumers,
    consumer2AllPotentialTopics,
    currentAssignment,
    currentPartitionConsumer,
    sortedAllPartitions,
    sortedConsumers: new SortedConsumers((consumer) => currentAssignment.get(consumer)!.length),
    movements: new PartitionMovements(),
    revocationRequired: false,
  };
}

/**
 * prevAssignment: for each partition, the member of the highest generation below the
 * current one that claimed it (members without a generation count as generation -1 once
 * any member has one). Balancing hands partitions back to them first.
 */
function previousGenerationOwners(
  input: AssignmentInput,
  memberData: ReadonlyMap<string, MemberData>,
  maxGeneration: number,
): Map<TopicPartition, PreviousOwner> {
  const previous = new Map<TopicPartition, PreviousOwner>();
  const update = (partitions: readonly TopicPartition[], consumer: string, generation: number) => {
    for (const tp of partitions) {
      const existing = previous.get(tp);
      if (existing === undefined || generation > existing.generation) {
        previous.set(tp, { consumer, generation });
      }
    }
  };
  for (const consumer of input.members) {
    const data = memberData.get(consumer)!;
    if (data.generation !== null && data.generation < maxGeneration) {
      update(data.partitions, consumer, data.generation);
    } else if (data.generation === null && maxGeneration > DEFAULT_GENERATION) {
      update(data.partitions, consumer, DEFAULT_GENERATION);
    }
  }
  return previous;
}

/**
 * Drop previous partitions a member may not keep: of topics without metadata (forgotten
 * entirely) or of topics it no longer subscribes to (revoked: balancing then may not first
 * try moving only unassigned partitions). Returns the partitions that stay assigned.
 */
function keepOwnedPartitions(input: AssignmentInput, state: GeneralState): Set<TopicPartition> {
  const assigned = new Set<TopicPartition>();
  for (const [consumer, partitions] of state.currentAssignment) {
    const subscribed = input.subscriptions.get(consumer)!.topics;
    const kept: TopicPartition[] = [];
    for (const tp of partitions) {
      if (!state.topic2AllPotentialConsumers.has(tp.topic)) {
        state.currentPartitionConsumer.delete(tp);
      } else if (!subscribed.includes(tp.topic)) {
        state.revocationRequired = true;
      } else {
        kept.push(tp);
        assigned.add(tp);
      }
    }
    partitions.splice(0, partitions.length, ...kept);
  }
  return assigned;
}
