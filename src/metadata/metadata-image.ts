/**
 * What every node knows about the cluster: the result of replaying the committed
 * `__cluster_metadata` log, record by record, in offset order. The active controller
 * decides from it; brokers serve Metadata, pick their leader/follower roles and find
 * partition leaders from it. It changes only through `apply`, on the node's own loop.
 */
import type { Uuid } from "../protocol/primitives/uuid.ts";
import type { MetadataRecord } from "./metadata-record.ts";

export interface BrokerEndpoint {
  name: string;
  host: string;
  port: number;
  securityProtocol: number;
}

export interface BrokerRegistration {
  id: number;
  epoch: bigint;
  incarnationId: Uuid;
  endpoints: BrokerEndpoint[];
  rack: string | null;
  fenced: boolean;
  inControlledShutdown: boolean;
}

export interface PartitionImage {
  topicId: Uuid;
  partition: number;
  replicas: number[];
  isr: number[];
  leader: number;
  leaderEpoch: number;
  partitionEpoch: number;
  /** 0 = recovered, 1 = recovering (after an unclean election). */
  leaderRecoveryState: number;
}

export interface TopicImage {
  id: Uuid;
  name: string;
  partitions: Map<number, PartitionImage>;
}

/** ConfigRecord resource types (Kafka's ConfigResource.Type ids). */
export const ConfigResourceType = { TOPIC: 2, BROKER: 4 } as const;

/** Kafka's "no leader" marker in PartitionRecord and PartitionChangeRecord. */
export const NO_LEADER = -1;
/** PartitionChangeRecord: the leader field is unchanged. */
export const NO_LEADER_CHANGE = -2;

export class MetadataImage {
  readonly brokers = new Map<number, BrokerRegistration>();
  readonly topicsByName = new Map<string, TopicImage>();
  readonly topicsById = new Map<Uuid, TopicImage>();
  /** Keyed by `${resourceType}:${resourceName}`; broker-wide defaults use resource name "". */
  readonly configs = new Map<string, Map<string, string>>();
  readonly features = new Map<string, number>();
  /** The first producer id not yet handed out (ProducerIdsRecord). */
  nextProducerId = 0n;
  /** Offset of the last record applied; -1 before any. */
  offset = -1n;

  apply(record: MetadataRecord, offset: bigint): void {
    this.offset = offset;
    switch (record.type) {
      case "RegisterBrokerRecord": {
        const r = record.data;
        this.brokers.set(r.brokerId, {
          id: r.brokerId,
          epoch: r.brokerEpoch,
          incarnationId: r.incarnationId,
          endpoints: r.endPoints.map(({ name, host, port, securityProtocol }) => ({
            name,
            host,
            port,
            securityProtocol,
          })),
          rack: r.rack,
          fenced: r.fenced,
          inControlledShutdown: r.inControlledShutdown,
        });
        return;
      }
      case "UnregisterBrokerRecord":
        this.brokers.delete(record.data.brokerId);
        return;
      case "FenceBrokerRecord":
        this.updateBroker(record.data.id, record.data.epoch, { fenced: true });
        return;
      case "UnfenceBrokerRecord":
        this.updateBroker(record.data.id, record.data.epoch, {
          fenced: false,
          inControlledShutdown: false,
        });
        return;
      case "BrokerRegistrationChangeRecord": {
        const r = record.data;
        const change: Partial<BrokerRegistration> = {};
        // 0 = unchanged, 1 = true, -1 = false (Kafka's BrokerRegistrationFencingChange).
        if (r.fenced !== 0) change.fenced = r.fenced === 1;
        if (r.inControlledShutdown !== 0)
          change.inControlledShutdown = r.inControlledShutdown === 1;
        this.updateBroker(r.brokerId, r.brokerEpoch, change);
        return;
      }
      case "TopicRecord": {
        const topic: TopicImage = {
          id: record.data.topicId,
          name: record.data.name,
          partitions: new Map(),
        };
        this.topicsByName.set(topic.name, topic);
        this.topicsById.set(topic.id, topic);
        return;
      }
      case "PartitionRecord": {
        const r = record.data;
        const topic = this.topicsById.get(r.topicId);
        if (topic === undefined) return;
        topic.partitions.set(r.partitionId, {
          topicId: r.topicId,
          partition: r.partitionId,
          replicas: [...r.replicas],
          isr: [...r.isr],
          leader: r.leader,
          leaderEpoch: r.leaderEpoch,
          partitionEpoch: r.partitionEpoch,
          leaderRecoveryState: r.leaderRecoveryState,
        });
        return;
      }
      case "PartitionChangeRecord": {
        const r = record.data;
        const current = this.topicsById.get(r.topicId)?.partitions.get(r.partitionId);
        if (current === undefined) return;
        const next: PartitionImage = { ...current, partitionEpoch: current.partitionEpoch + 1 };
        if (r.isr !== null) next.isr = [...r.isr];
        if (r.replicas !== null) next.replicas = [...r.replicas];
        if (r.leaderRecoveryState !== -1) next.leaderRecoveryState = r.leaderRecoveryState;
        // Kafka bumps the leader epoch whenever the leader field is set, even to the same
        // broker (e.g. NO_LEADER after the last ISR member is fenced, then back).
        if (r.leader !== NO_LEADER_CHANGE) {
          next.leader = r.leader;
          next.leaderEpoch = current.leaderEpoch + 1;
        }
        this.topicsById.get(r.topicId)?.partitions.set(r.partitionId, next);
        return;
      }
      case "RemoveTopicRecord": {
        const topic = this.topicsById.get(record.data.topicId);
        if (topic === undefined) return;
        this.topicsById.delete(topic.id);
        this.topicsByName.delete(topic.name);
        this.configs.delete(configKey(ConfigResourceType.TOPIC, topic.name));
        return;
      }
      case "ConfigRecord": {
        const r = record.data;
        const key = configKey(r.resourceType, r.resourceName);
        const entries = this.configs.get(key) ?? new Map<string, string>();
        if (r.value === null) entries.delete(r.name);
        else entries.set(r.name, r.value);
        if (entries.size === 0) this.configs.delete(key);
        else this.configs.set(key, entries);
        return;
      }
      case "FeatureLevelRecord":
        this.features.set(record.data.name, record.data.featureLevel);
        return;
      case "ProducerIdsRecord":
        this.nextProducerId = record.data.nextProducerId;
        return;
      case "NoOpRecord":
        return;
    }
  }

  /**
   * A deep copy: the active controller's working state starts as one and runs ahead of
   * the committed image (like Kafka's timeline structures). Kept beside the fields so a
   * new field cannot be forgotten in the copy.
   */
  clone(): MetadataImage {
    const copy = new MetadataImage();
    for (const [id, broker] of this.brokers)
      copy.brokers.set(id, { ...broker, endpoints: broker.endpoints.map((e) => ({ ...e })) });
    for (const topic of this.topicsById.values()) {
      const topicCopy: TopicImage = { id: topic.id, name: topic.name, partitions: new Map() };
      for (const [index, partition] of topic.partitions) {
        topicCopy.partitions.set(index, {
          ...partition,
          replicas: [...partition.replicas],
          isr: [...partition.isr],
        });
      }
      copy.topicsById.set(topicCopy.id, topicCopy);
      copy.topicsByName.set(topicCopy.name, topicCopy);
    }
    for (const [key, entries] of this.configs) copy.configs.set(key, new Map(entries));
    for (const [name, level] of this.features) copy.features.set(name, level);
    copy.nextProducerId = this.nextProducerId;
    copy.offset = this.offset;
    return copy;
  }

  topicConfigs(topic: string): ReadonlyMap<string, string> {
    return this.configs.get(configKey(ConfigResourceType.TOPIC, topic)) ?? EMPTY;
  }

  brokerConfigs(brokerId: number | null): ReadonlyMap<string, string> {
    return (
      this.configs.get(
        configKey(ConfigResourceType.BROKER, brokerId === null ? "" : String(brokerId)),
      ) ?? EMPTY
    );
  }

  partition(topic: string, partition: number): PartitionImage | undefined {
    return this.topicsByName.get(topic)?.partitions.get(partition);
  }

  /** Unfenced brokers with where they listen on `listener`, by id: what Metadata and DescribeCluster list. */
  liveEndpoints(
    listener: string,
  ): { id: number; host: string; port: number; rack: string | null }[] {
    const live: { id: number; host: string; port: number; rack: string | null }[] = [];
    for (const broker of this.brokers.values()) {
      const endpoint = broker.endpoints.find((e) => e.name === listener);
      if (!broker.fenced && endpoint !== undefined)
        live.push({ id: broker.id, host: endpoint.host, port: endpoint.port, rack: broker.rack });
    }
    return live.sort((a, b) => a.id - b.id);
  }

  /** Brokers that may lead or host replicas: registered and not fenced. */
  activeBrokerIds(): number[] {
    return [...this.brokers.values()]
      .filter((b) => !b.fenced)
      .map((b) => b.id)
      .sort((a, b) => a - b);
  }

  private updateBroker(id: number, epoch: bigint, change: Partial<BrokerRegistration>): void {
    const broker = this.brokers.get(id);
    // A record for an older registration of the broker is stale: ignore it.
    if (broker === undefined || broker.epoch !== epoch) return;
    this.brokers.set(id, { ...broker, ...change });
  }
}

const EMPTY: ReadonlyMap<string, string> = new Map();

export function configKey(resourceType: number, resourceName: string): string {
  return `${resourceType}:${resourceName}`;
}
