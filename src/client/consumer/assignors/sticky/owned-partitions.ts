/**
 * The first pass of Kafka's AbstractStickyAssignor (`allSubscriptionsEqual`): decide whether
 * every member subscribes to the same topics (the constrained fast path) and work out which
 * previously owned partitions each member may keep claiming.
 *
 * Claims are settled by generation, visiting members in Java's HashMap order:
 * - a partition claimed by two members of the same generation is taken from both and noted
 *   as having multiple previous owners (it will move, so the cooperative protocol treats it
 *   as transferring);
 * - otherwise the member with the higher generation keeps it;
 * - partitions of topics no longer in the metadata are dropped.
 * The other claimant's generation is read from its subscription's generationId, as Kafka does.
 */
import type { Subscription, TopicPartition } from "../assignor.ts";
import { DEFAULT_GENERATION } from "../assignor.ts";
import type { AssignmentInput } from "../assignment-input.ts";
import { removeFirst } from "../topic-partitions.ts";

/** What a sticky assignor reads from a member's subscription (Kafka's MemberData). */
export interface MemberData {
  readonly partitions: readonly TopicPartition[];
  /** null when the member reported no generation. */
  readonly generation: number | null;
}

export interface OwnedPartitions {
  readonly allSubscriptionsEqual: boolean;
  /** Each member's valid previous partitions, members in Java order. */
  readonly consumerToOwnedPartitions: Map<string, TopicPartition[]>;
  readonly partitionsWithMultiplePreviousOwners: Set<TopicPartition>;
  readonly maxGeneration: number;
}

/** Subscription.generationId() as Kafka reads it: absent (-1) when negative. */
export function subscriptionGeneration(subscription: Subscription): number {
  return subscription.generationId >= 0 ? subscription.generationId : DEFAULT_GENERATION;
}

export function surveyOwnedPartitions(
  input: AssignmentInput,
  memberData: ReadonlyMap<string, MemberData>,
  maxGenerationSoFar: number,
): OwnedPartitions {
  let allSubscriptionsEqual = true;
  // Kafka's test is "same list length, and every topic in the first member's set". Two holes
  // would send a member partitions of a topic it did not subscribe to, so we close them: a
  // first member with no topics counts as a subscription (Kafka re-initializes from the next
  // member), and a list with repeated topics must also contain every topic of the first.
  let subscribedTopics: Set<string> | null = null;
  let maxGeneration = maxGenerationSoFar;
  const consumerToOwnedPartitions = new Map<string, TopicPartition[]>();
  const partitionsWithMultiplePreviousOwners = new Set<TopicPartition>();
  const previousOwner = new Map<TopicPartition, string>();

  for (const consumer of input.members) {
    const subscription = input.subscriptions.get(consumer)!;
    if (subscribedTopics === null) {
      subscribedTopics = new Set(subscription.topics);
    } else if (
      allSubscriptionsEqual &&
      !(
        subscription.topics.length === subscribedTopics.size &&
        subscription.topics.every((topic) => subscribedTopics!.has(topic)) &&
        [...subscribedTopics].every((topic) => subscription.topics.includes(topic))
      )
    ) {
      allSubscriptionsEqual = false;
    }

    const data = memberData.get(consumer)!;
    const memberGeneration = data.generation ?? DEFAULT_GENERATION;
    maxGeneration = Math.max(maxGeneration, memberGeneration);
    const owned: TopicPartition[] = [];
    consumerToOwnedPartitions.set(consumer, owned);

    for (const tp of data.partitions) {
      if (!input.partitionCounts.has(tp.topic)) continue;
      const otherConsumer = previousOwner.get(tp);
      if (otherConsumer === undefined) {
        owned.push(tp);
        previousOwner.set(tp, consumer);
        continue;
      }
      const otherGeneration = subscriptionGeneration(input.subscriptions.get(otherConsumer)!);
      if (memberGeneration === otherGeneration) {
        // "Found multiple consumers claiming the same TopicPartition in the same generation"
        partitionsWithMultiplePreviousOwners.add(tp);
        removeFirst(consumerToOwnedPartitions.get(otherConsumer)!, tp);
        previousOwner.set(tp, consumer);
      } else if (memberGeneration > otherGeneration) {
        owned.push(tp);
        removeFirst(consumerToOwnedPartitions.get(otherConsumer)!, tp);
        previousOwner.set(tp, consumer);
      }
      // else the other member, of a higher generation, keeps it
    }
  }
  return {
    allSubscriptionsEqual,
    consumerToOwnedPartitions,
    partitionsWithMultiplePreviousOwners,
    maxGeneration,
  };
}
