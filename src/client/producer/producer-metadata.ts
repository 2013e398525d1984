/**
 * The producer's side of metadata (Kafka's ProducerMetadata): the topics it writes to,
 * one refresh at a time for all of them (asked for after NOT_LEADER_OR_FOLLOWER, a lost
 * connection, a partition without leader, or every metadata.max.age.ms), and a send's
 * wait for its topic to appear — bounded by max.block.ms, as KafkaProducer.waitOnMetadata.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import type { TopicInfo } from "../cluster/cluster-metadata.ts";
import { KafkaProtocolError } from "../kafka-error.ts";
import { isRetriableCode } from "./produce-errors.ts";
import { ProducerError } from "./producer-error.ts";

/** Topic errors that mean "not there yet" (being created, or auto-creation pending). */
const NOT_YET: ReadonlySet<number> = new Set([
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.LEADER_NOT_AVAILABLE,
]);

/** Kafka's producers forget topics unused this long (metadata.max.idle.ms); bounds the set. */
const MAX_TOPICS = 10_000;

export class ProducerMetadata {
  private readonly topics = new Set<string>();
  private refreshing: Promise<void> | null = null;
  private updateRequested = false;
  private lastRefreshEndMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly cluster: ClientCluster,
    private readonly allowAutoTopicCreation: boolean,
    private readonly retryBackoffMs: number,
    /** Called after every refresh, successful or not (the sender looks again). */
    private readonly onRefreshed: () => void,
  ) {}

  requestUpdate(): void {
    this.updateRequested = true;
  }

  get updateNeeded(): boolean {
    return this.topics.size > 0 && (this.updateRequested || this.cluster.metadataStale);
  }

  /**
   * Starts a refresh unless one is running, no sooner than retry.backoff.ms after the last
   * one ended (Kafka's Metadata.timeToAllowUpdate): a partition without a leader would
   * otherwise have the sender ask again the moment each answer arrives. Never rejects (a
   * failure leaves the update requested).
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.backoff()
      .then(() => this.refreshOnce())
      .finally(() => {
        this.refreshing = null;
        this.lastRefreshEndMs = this.cluster.io.nowMs();
        this.onRefreshed();
      });
    return this.refreshing;
  }

  /**
   * The topic's partitions if metadata has them now and the topic is already one this
   * producer writes to; else null (waitForTopic then adds it and waits).
   */
  usableTopic(topic: string): TopicInfo | null {
    if (!this.topics.has(topic)) return null;
    const info = this.cluster.metadata.topics.get(topic);
    return info !== undefined && isUsable(info) ? info : null;
  }

  /** The topic's partitions, once metadata has them (waiting at most `maxBlockMs`). */
  async waitForTopic(topic: string, maxBlockMs: number): Promise<TopicInfo> {
    if (!this.topics.has(topic)) {
      if (this.topics.size >= MAX_TOPICS) {
        throw new ProducerError(
          "IllegalStateException",
          `this producer already writes to ${MAX_TOPICS} topics`,
        );
      }
      this.topics.add(topic);
      this.updateRequested = true;
    }
    const deadline = this.cluster.io.nowMs() + maxBlockMs;
    while (true) {
      const info = this.cluster.metadata.topics.get(topic);
      if (info !== undefined && isUsable(info)) return info;
      if (info !== undefined && !NOT_YET.has(info.errorCode) && !isRetriableCode(info.errorCode)) {
        throw new KafkaProtocolError(info.errorCode, `topic ${topic}`);
      }
      const now = this.cluster.io.nowMs();
      if (now >= deadline) {
        throw new ProducerError(
          "TimeoutException",
          `Topic ${topic} not present in metadata after ${maxBlockMs} ms.`,
          true,
        );
      }
      this.updateRequested = true;
      await this.refresh();
      if (isUsable(this.cluster.metadata.topics.get(topic))) continue;
      await this.cluster.sleep(
        Math.max(1, Math.min(this.retryBackoffMs, deadline - this.cluster.io.nowMs())),
      );
    }
  }

  private backoff(): Promise<void> {
    const waitMs = this.lastRefreshEndMs + this.retryBackoffMs - this.cluster.io.nowMs();
    return waitMs > 0 ? this.cluster.sleep(waitMs) : Promise.resolve();
  }

  private async refreshOnce(): Promise<void> {
    this.updateRequested = false;
    try {
      await this.cluster.refreshMetadata([...this.topics], {
        allowAutoTopicCreation: this.allowAutoTopicCreation,
      });
    } catch {
      // No broker answered: ask again after the back-off (Kafka's metadata retry backoff).
      this.updateRequested = true;
      await this.cluster.sleep(Math.max(1, this.retryBackoffMs));
    }
  }
}

function isUsable(info: TopicInfo | undefined): boolean {
  return info !== undefined && info.errorCode === ErrorCode.NONE && info.partitions.length > 0;
}
