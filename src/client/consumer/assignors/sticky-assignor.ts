/**
 * Kafka's StickyAssignor ("sticky"): the sticky algorithm under the eager protocol, where a
 * member revokes everything before it rejoins, so its previous partitions and generation
 * travel in its subscription userData (StickyAssignorUserData v1) rather than in the
 * subscription's ownedPartitions. Example from Kafka's docs: C0, C1, C2 on t0..t3 with 2
 * partitions each get [t0p0, t1p1, t3p0], [t0p1, t2p0, t3p1], [t1p0, t2p1]; when C1 leaves,
 * C0 and C2 keep all they had and share C1's partitions.
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
import { stickyAssign } from "./sticky/sticky-assignment.ts";
import { decodeStickyAssignorUserData, encodeStickyAssignorUserData } from "./sticky-user-data.ts";
import { copyAssignment, copyPartitions } from "./topic-partitions.ts";

export const STICKY_ASSIGNOR_NAME = "sticky";

export class StickyAssignor implements PartitionAssignor {
  readonly name = STICKY_ASSIGNOR_NAME;
  readonly supportedProtocols = ["eager"] as const;
  private memberAssignment: TopicPartition[] | null = null;
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
      stickyMemberData,
      this.maxGeneration,
    );
    this.maxGeneration = result.maxGeneration;
    this.lastMovements = result.movements;
    return copyAssignment(result.assignment);
  }

  /** Null until the first assignment; then the partitions and generation it brought. */
  subscriptionUserData(): Uint8Array | null {
    if (this.memberAssignment === null) return null;
    return encodeStickyAssignorUserData({
      partitions: this.memberAssignment,
      generation: this.generation,
    });
  }

  onAssignment(assignment: readonly TopicPartition[], metadata: ConsumerGroupMetadata): void {
    this.memberAssignment = copyPartitions(assignment);
    this.generation = metadata.generationId;
  }

  /** False when the last general-path balance moved partitions of a topic both ways. */
  isSticky(): boolean {
    return this.lastMovements?.isSticky() ?? true;
  }
}

/**
 * MemberData from the userData only: no userData means nothing owned and no generation;
 * userData that is neither v1 nor v0 means nothing owned at generation -1.
 */
export function stickyMemberData(subscription: Subscription): MemberData {
  const userData = subscription.userData;
  if (userData === null || userData.length === 0) return { partitions: [], generation: null };
  const decoded = decodeStickyAssignorUserData(userData);
  if (!decoded.ok) return { partitions: [], generation: DEFAULT_GENERATION };
  return { partitions: decoded.value.partitions, generation: decoded.value.generation };
}
