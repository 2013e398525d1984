/**
 * The consumer's partition assignor contract, shaped like Kafka's ConsumerPartitionAssignor:
 * the group leader hands every member's subscription to the assignor the coordinator chose,
 * and sends each member its share back in SyncGroup.
 *
 * `assign` takes what Kafka's AbstractPartitionAssignor.assign(Cluster, GroupSubscription)
 * takes: the leader's view of topic partition counts (it may hold topics nobody subscribed
 * to, and may lack some subscribed topics) and the subscriptions keyed by member id, in the
 * order the JoinGroup response listed them. Topics without metadata (or with no partitions)
 * are skipped, and a member only ever receives partitions of topics it subscribed to.
 */

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** Kafka's RebalanceProtocol, weakest first (EAGER has id 0, COOPERATIVE id 1). */
export type RebalanceProtocol = "eager" | "cooperative";
export const REBALANCE_PROTOCOLS_BY_ID: readonly RebalanceProtocol[] = ["eager", "cooperative"];

/** Kafka's default generation when a member has none (a new member, or an old protocol). */
export const DEFAULT_GENERATION = -1;

/** One member's subscription as the group leader sees it (ConsumerPartitionAssignor.Subscription). */
export interface Subscription {
  readonly memberId: string;
  /** group.instance.id of a static member; static members sort before dynamic ones. */
  readonly groupInstanceId: string | null;
  readonly topics: readonly string[];
  /** Partitions the member owned when it joined (ConsumerProtocolSubscription v1+). */
  readonly ownedPartitions: readonly TopicPartition[];
  /** The generation it owned them in (v2+); -1 (or any negative value) when unknown. */
  readonly generationId: number;
  readonly rackId: string | null;
  /** Assignor-specific bytes from the member's `subscriptionUserData`. */
  readonly userData: Uint8Array | null;
}

/** What a member learns about its group after SyncGroup (Kafka's ConsumerGroupMetadata). */
export interface ConsumerGroupMetadata {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

export interface PartitionAssignor {
  /** The protocol name put in JoinGroup: "range", "roundrobin", "sticky", "cooperative-sticky". */
  readonly name: string;
  readonly supportedProtocols: readonly RebalanceProtocol[];
  /**
   * The group assignment: one entry for every member in `subscriptions`, keyed by member id.
   * The map key is the member id; `Subscription.memberId` is informational.
   */
  assign(
    partitionsPerTopic: ReadonlyMap<string, number>,
    subscriptions: ReadonlyMap<string, Subscription>,
  ): Map<string, TopicPartition[]>;
  /** Bytes this member adds to its subscription for the leader (null when none). */
  subscriptionUserData?(topics: ReadonlySet<string>): Uint8Array | null;
  /** Called on every member once SyncGroup delivered its assignment. */
  onAssignment?(assignment: readonly TopicPartition[], metadata: ConsumerGroupMetadata): void;
}

/** A plain subscription with Kafka's defaults, for callers that know only some fields. */
export function subscriptionOf(
  memberId: string,
  topics: readonly string[],
  fields: Partial<Omit<Subscription, "memberId" | "topics">> = {},
): Subscription {
  return {
    memberId,
    groupInstanceId: fields.groupInstanceId ?? null,
    topics,
    ownedPartitions: fields.ownedPartitions ?? [],
    generationId: fields.generationId ?? DEFAULT_GENERATION,
    rackId: fields.rackId ?? null,
    userData: fields.userData ?? null,
  };
}
