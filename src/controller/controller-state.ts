/**
 * What the active controller decides from: its working metadata image (the committed image
 * plus every record it has written since, committed or not), the brokers' soft state, and
 * its configs. Decisions read it and return records; only the controller applies them.
 */
import type { Clock } from "../client/clock.ts";
import { BrokerConfig } from "../metadata/configs/broker-configs.ts";
import type { MetadataImage, PartitionImage, TopicImage } from "../metadata/metadata-image.ts";
import { BrokerHeartbeats } from "./broker-heartbeats.ts";
import type { UsableBroker } from "./replica-placer.ts";

export interface ControllerIdentity {
  nodeId: number;
  clusterId: string;
  clock: Clock;
  random: () => number;
  properties: Readonly<Record<string, string>>;
}

export class ControllerState {
  readonly config: BrokerConfig;
  readonly heartbeats: BrokerHeartbeats;
  /** Offset of each broker's RegisterBrokerRecord (or a later offset): it may unfence once caught up to it. */
  readonly registrationOffsets = new Map<number, bigint>();
  /** Offset of the last record this controller wrote, or of the committed image before any. */
  lastWrittenOffset: bigint;

  constructor(
    readonly image: MetadataImage,
    readonly identity: ControllerIdentity,
  ) {
    this.config = new BrokerConfig(identity.properties, () => image.brokerConfigs(null));
    this.heartbeats = new BrokerHeartbeats(() => this.config.number("broker.session.timeout.ms"));
    this.lastWrittenOffset = image.offset;
    const now = this.nowMs();
    for (const id of image.brokers.keys()) {
      // Every registration in the committed image is at or below its offset.
      this.registrationOffsets.set(id, image.offset);
      this.heartbeats.register(id, now);
    }
  }

  nowMs(): number {
    return this.identity.clock.nowMs();
  }

  /** The offset the next record will get, at least: Kafka's broker epochs are such offsets. */
  nextWriteOffset(): bigint {
    return this.lastWrittenOffset + 1n;
  }

  /** Unfenced and not in controlled shutdown: may lead and join ISRs. */
  isActiveBroker(id: number): boolean {
    const broker = this.image.brokers.get(id);
    return (
      broker !== undefined &&
      !broker.fenced &&
      !broker.inControlledShutdown &&
      !this.heartbeats.isShuttingDown(id)
    );
  }

  /** Brokers that may receive new replicas (Kafka's usable brokers): registered and not shutting down. */
  usableBrokers(): UsableBroker[] {
    return [...this.image.brokers.values()]
      .filter((broker) => !this.heartbeats.isShuttingDown(broker.id))
      .map((broker) => ({ id: broker.id, rack: broker.rack, fenced: broker.fenced }));
  }

  activeBrokerIds(): number[] {
    return [...this.image.brokers.keys()].filter((id) => this.isActiveBroker(id));
  }

  /** unclean.leader.election.enable: the topic's override, else this node's, else the cluster's. */
  uncleanElectionEnabled(topicName: string): boolean {
    const name = "unclean.leader.election.enable";
    const value =
      this.image.topicConfigs(topicName).get(name) ??
      this.image.brokerConfigs(this.identity.nodeId).get(name);
    return (value ?? this.config.string(name)).trim().toLowerCase() === "true";
  }

  /** Every partition of every topic, topics in creation order and partitions by index. */
  *partitions(): Generator<{ topic: TopicImage; partition: PartitionImage }> {
    for (const topic of this.image.topicsById.values()) {
      const indexes = [...topic.partitions.keys()].sort((a, b) => a - b);
      for (const index of indexes) yield { topic, partition: topic.partitions.get(index)! };
    }
  }

  /** Does the broker lead any partition? */
  hasLeaderships(brokerId: number): boolean {
    for (const { partition } of this.partitions()) if (partition.leader === brokerId) return true;
    return false;
  }
}
