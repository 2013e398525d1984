/**
 * What makes a group member ask for a rebalance besides the coordinator (Java's
 * ConsumerCoordinator.needRejoin): its subscription now matches other topics than the ones
 * it joined with (a pattern met a new topic, subscribe() added one), or, on the leader, a
 * topic of the group changed its partition count since the assignment was made. The
 * subscribed topics' metadata is refreshed when it is older than metadata.max.age.ms.
 */
import type { ClientCluster } from "../cluster/client-cluster.ts";
import type { SubscriptionState } from "./subscription-state.ts";

export class SubscriptionWatch {
  private checked = false;
  private joinedKey: string | null = null;
  /** Leader only: every topic a member subscribes to, and their counts at assignment. */
  private groupTopics: string[] = [];
  private assignmentSnapshot: string | null = null;

  constructor(
    private readonly cluster: ClientCluster,
    private readonly subscriptions: SubscriptionState,
    private readonly allowAutoCreateTopics: boolean,
  ) {}

  /** Refreshes the subscribed topics' metadata when stale, and matches the subscription again. */
  async refreshIfStale(): Promise<void> {
    const { cluster, subscriptions } = this;
    if (this.checked && !cluster.metadataStale && !subscriptions.needsMatching) return;
    const topics = subscriptions.hasPatterns
      ? null
      : [...new Set([...subscriptions.subscribedNames, ...this.groupTopics])];
    await cluster.refreshMetadata(topics, {
      allowAutoTopicCreation: this.allowAutoCreateTopics && topics !== null,
    });
    this.checked = true;
    subscriptions.updateMatchedTopics(cluster.metadata.topics.values());
  }

  /** The member sends its subscription in a JoinGroup. */
  joined(): void {
    this.joinedKey = this.subscriptionKey();
  }

  /** This member led the rebalance over `groupTopics`. */
  assigned(groupTopics: string[]): void {
    this.groupTopics = groupTopics;
    this.assignmentSnapshot = this.countsKey();
  }

  /** Not (or no longer) the leader: nothing to watch for the group. */
  notLeader(): void {
    this.assignmentSnapshot = null;
  }

  /** Why this member should rejoin, or null. */
  rejoinReason(): string | null {
    if (this.joinedKey !== null && this.joinedKey !== this.subscriptionKey()) {
      return "subscription changed";
    }
    if (this.assignmentSnapshot !== null && this.assignmentSnapshot !== this.countsKey()) {
      return "cached metadata has changed";
    }
    return null;
  }

  private subscriptionKey(): string {
    return this.subscriptions.matchedTopics.join("\u0000");
  }

  /** Partition counts of the group's topics: a change makes the leader rebalance. */
  private countsKey(): string {
    const topics = this.cluster.metadata.topics;
    return this.groupTopics
      .map((topic) => `${topic}:${topics.get(topic)?.partitions.length ?? 0}`)
      .join(",");
  }
}
