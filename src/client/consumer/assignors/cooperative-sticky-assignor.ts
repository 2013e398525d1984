/**
 * Kafka's CooperativeStickyAssignor ("cooperative-sticky"): the sticky algorithm under the
 * cooperative protocol. Members keep their partitions while rebalancing and report them in
 * the subscription's ownedPartitions (and generationId from ConsumerProtocolSubscription v2;
 * older members send their generation as userData).
 *
 * The cooperative rule: a partition still owned by one member is never given to another in
 * the same rebalance. Kafka enforces it inside the assignor (adjustAssignment): after the
 * sticky algorithm, every partition that is moving to a new member while someone else still
 * owns it is removed from the new member's assignment. The owner, not finding it in its own
 * assignment, revokes it and rejoins, and the next rebalance hands it over. Kafka's
 * ConsumerCoordinator skips its own check (validateCooperativeAssignment, see
 * cooperative-validation.ts) for this assignor because of that.
 */
import {
  DEFAULT_GENERATION,
  type ConsumerGroupMetadata,
  type PartitionAssignor,
  type Subscription,
  type TopicPartition,
} from "./assignor.ts";
import type { MemberData } from "./sticky/owned-partitions.ts";
import type { PartitionMovements } from "./sticky/partition-movements.ts";
import { stickyAssign, type StickyAssignmentResult } from "./sticky/sticky-assignment.ts";
import {
  decodeCooperativeStickyUserData,
  encodeCooperativeStickyUserData,
} from "./sticky-user-data.ts";
import { copyAssignment, removeFirst } from "./topic-partitions.ts";

export const COOPERATIVE_STICKY_ASSIGNOR_NAME = "cooperative-sticky";

export class CooperativeStickyAssignor implements PartitionAssignor {
  readonly name = COOPERATIVE_STICKY_ASSIGNOR_NAME;
  readonly supportedProtocols = ["cooperative", "eager"] as const;
  private generation = DEFAULT_GENERATION;
  // Like Kafka's field, the highest generation seen is kept across assignments.
  private maxGeneration = DEFAULT_GENERATION;
  private lastMovements: PartitionMovements | null = null;

  assign(
    partitionsPerTopic: ReadonlyMap<string, number>,
    subscriptions: ReadonlyMap<string, Subscription>,
  ): Map<string, TopicPartition[]> {
    const result = stickyAssign(
      partitionsPerTopic,
      subscriptions,
      cooperativeMemberData,
      this.maxGeneration,
    );
    this.maxGeneration = result.maxGeneration;
    this.lastMovements = result.movements;
    const transferring =
      result.partitionsTransferringOwnership ?? partitionsTransferringOwnership(result);
    // Withhold them this round: their current owners must revoke them first.
    for (const [tp, consumer] of transferring) removeFirst(result.assignment.get(consumer)!, tp);
    return copyAssignment(result.assignment);
  }

  /** The generation this member last had, for leaders reading old subscription versions. */
  subscriptionUserData(): Uint8Array {
    return encodeCooperativeStickyUserData(this.generation);
  }

  onAssignment(_assignment: readonly TopicPartition[], metadata: ConsumerGroupMetadata): void {
    this.generation = metadata.generationId;
  }

  /** False when the last general-path balance moved partitions of a topic both ways. */
  isSticky(): boolean {
    return this.lastMovements?.isSticky() ?? true;
  }
}

/**
 * MemberData from the subscription: ownedPartitions always; the generation from the v2+
 * field when present, else from the userData (unreadable userData counts as generation -1).
 */
export function cooperativeMemberData(subscription: Subscription): MemberData {
  const partitions = subscription.ownedPartitions;
  if (subscription.generationId >= 0) return { partitions, generation: subscription.generationId };
  if (subscription.userData === null) return { partitions, generation: null };
  const decoded = decodeCooperativeStickyUserData(subscription.userData);
  return { partitions, generation: decoded.ok ? decoded.value : DEFAULT_GENERATION };
}

/**
 * After the general path: partitions newly assigned to a member that some member reported
 * owning and is no longer assigned (judged on the raw ownedPartitions, as Kafka does).
 */
function partitionsTransferringOwnership(
  result: StickyAssignmentResult,
): Map<TopicPartition, string> {
  const added = new Map<TopicPartition, string>();
  const revoked = new Set<TopicPartition>();
  for (const [consumer, assigned] of result.assignment) {
    const owned = result.input.subscriptions
      .get(consumer)!
      .ownedPartitions.map((tp) => result.registry.of(tp));
    const ownedSet = new Set(owned);
    for (const tp of assigned) if (!ownedSet.has(tp)) added.set(tp, consumer);
    const assignedSet = new Set(assigned);
    for (const tp of owned) if (!assignedSet.has(tp)) revoked.add(tp);
  }
  for (const tp of added.keys()) if (!revoked.has(tp)) added.delete(tp);
  return added;
}
