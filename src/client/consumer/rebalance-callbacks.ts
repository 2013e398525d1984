/**
 * Runs the user's ConsumerRebalanceListener and tells watchers (the page) the same thing
 * through events. As in Java, a listener that throws does not stop the rebalance: the
 * partitions are revoked, assigned or lost all the same, and the error goes to `onError`.
 */
import { CONSUMER_EVENTS, type ConsumerEvents } from "./consumer-events.ts";
import type { ConsumerRebalanceListener, TopicPartition } from "./consumer-types.ts";

export type RebalanceCallback = "revoked" | "assigned" | "lost";

const EVENT = {
  revoked: CONSUMER_EVENTS.PARTITIONS_REVOKED,
  assigned: CONSUMER_EVENTS.PARTITIONS_ASSIGNED,
  lost: CONSUMER_EVENTS.PARTITIONS_LOST,
} as const;

export class RebalanceCallbacks {
  constructor(
    private readonly listener: ConsumerRebalanceListener,
    private readonly events: ConsumerEvents,
    private readonly groupId: string | null,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /**
   * Java calls onPartitionsAssigned even with nothing new (so a listener learns every
   * rebalance finished), but revoked and lost only when something was taken away.
   */
  async invoke(kind: RebalanceCallback, partitions: readonly TopicPartition[]): Promise<void> {
    if (kind !== "assigned" && partitions.length === 0) return;
    const sorted = [...partitions]
      .map(({ topic, partition }) => ({ topic, partition }))
      .sort((a, b) =>
        a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
      );
    this.events.emit(EVENT[kind], { groupId: this.groupId, partitions: sorted });
    const callback =
      kind === "revoked"
        ? this.listener.onPartitionsRevoked
        : kind === "assigned"
          ? this.listener.onPartitionsAssigned
          : // Java's default onPartitionsLost is onPartitionsRevoked.
            (this.listener.onPartitionsLost ?? this.listener.onPartitionsRevoked);
    if (callback === undefined) return;
    try {
      await callback.call(this.listener, sorted);
    } catch (error) {
      this.onError(error);
    }
  }
}
