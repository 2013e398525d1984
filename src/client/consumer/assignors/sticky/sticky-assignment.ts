/**
 * Kafka's AbstractStickyAssignor, shared by the "sticky" (eager) and "cooperative-sticky"
 * assignors, which differ only in where they read a member's previous partitions and
 * generation from (MemberData) and in the cooperative adjustment made afterwards.
 *
 * Goals, in order: a balanced assignment (counts differ by at most one, or no partition can
 * move to a subscriber holding 2+ fewer), then as many partitions as possible staying where
 * they were. When every member subscribes to the same topics the constrained fast path runs,
 * otherwise the general one.
 */
import type { Subscription, TopicPartition } from "../assignor.ts";
import { prepareAssignmentInput, type AssignmentInput } from "../assignment-input.ts";
import { TopicPartitionRegistry } from "../topic-partitions.ts";
import { constrainedAssign } from "./constrained-assignment.ts";
import { generalAssign } from "./general-assignment.ts";
import { surveyOwnedPartitions, type MemberData } from "./owned-partitions.ts";
import type { PartitionMovements } from "./partition-movements.ts";

export interface StickyAssignmentResult {
  readonly input: AssignmentInput;
  readonly registry: TopicPartitionRegistry;
  /** Every member, in Java's member order; partitions are the registry's objects. */
  readonly assignment: Map<string, TopicPartition[]>;
  /**
   * Partitions handed to a new member while another member still owns them (constrained path
   * only; null after the general path, where the cooperative assignor computes them).
   */
  readonly partitionsTransferringOwnership: Map<TopicPartition, string> | null;
  /** The general path's moves, for the stickiness check; null after the constrained path. */
  readonly movements: PartitionMovements | null;
  /** The highest generation seen, carried over from earlier calls as Kafka's field is. */
  readonly maxGeneration: number;
}

export function stickyAssign(
  partitionsPerTopic: ReadonlyMap<string, number>,
  subscriptions: ReadonlyMap<string, Subscription>,
  readMemberData: (subscription: Subscription) => MemberData,
  maxGenerationSoFar: number,
): StickyAssignmentResult {
  const input = prepareAssignmentInput(partitionsPerTopic, subscriptions);
  const registry = new TopicPartitionRegistry();
  if (input.members.length === 0) {
    return {
      input,
      registry,
      assignment: new Map(),
      partitionsTransferringOwnership: new Map(),
      movements: null,
      maxGeneration: maxGenerationSoFar,
    };
  }
  const memberData = new Map(
    input.members.map((member) => [
      member,
      validMemberData(input, registry, readMemberData(subscriptions.get(member)!)),
    ]),
  );
  const owned = surveyOwnedPartitions(input, memberData, maxGenerationSoFar);
  if (owned.allSubscriptionsEqual) {
    const result = constrainedAssign(input, registry, owned);
    return { input, registry, ...result, movements: null, maxGeneration: owned.maxGeneration };
  }
  const result = generalAssign(input, registry, owned, memberData);
  return {
    input,
    registry,
    assignment: new Map(input.members.map((m) => [m, result.assignment.get(m)!])),
    partitionsTransferringOwnership: null,
    movements: result.movements,
    maxGeneration: owned.maxGeneration,
  };
}

/**
 * Intern the claimed partitions and drop claims on partitions a known topic does not have.
 * Kafka checks only the topic, and a claim on, say, partition 7 of a 3-partition topic (one
 * deleted and re-created smaller) would leave a real partition unassigned or doubly assigned.
 */
function validMemberData(
  input: AssignmentInput,
  registry: TopicPartitionRegistry,
  data: MemberData,
): MemberData {
  const partitions: TopicPartition[] = [];
  for (const { topic, partition } of data.partitions) {
    const count = input.partitionCounts.get(topic);
    if (
      count !== undefined &&
      !(Number.isInteger(partition) && partition >= 0 && partition < count)
    ) {
      continue;
    }
    partitions.push(registry.get(topic, partition));
  }
  return { partitions, generation: data.generation };
}
