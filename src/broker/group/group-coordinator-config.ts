/**
 * The group coordinator's broker configs, by Kafka's names with Kafka's defaults. Read on
 * every use, so a cluster-wide dynamic default set while the broker runs takes effect.
 * Kafka's defaults are those of the broker config table (src/metadata/configs).
 */
import {
  brokerConfigDefinition,
  type BrokerConfig,
} from "../../metadata/configs/broker-configs.ts";
import type { CompressionType } from "../../protocol/records/attributes.ts";

export type GroupCoordinatorConfigName =
  | "group.min.session.timeout.ms"
  | "group.max.session.timeout.ms"
  | "group.max.size"
  | "group.initial.rebalance.delay.ms"
  | "offsets.topic.num.partitions"
  | "offsets.topic.replication.factor"
  | "offsets.topic.segment.bytes"
  | "offsets.topic.compression.codec"
  | "offsets.retention.minutes"
  | "offsets.retention.check.interval.ms"
  | "offsets.commit.timeout.ms"
  | "offset.metadata.max.bytes";

/** Kafka's CompressionType ids, as offsets.topic.compression.codec takes them. */
const CODECS: readonly CompressionType[] = ["none", "gzip", "snappy", "lz4", "zstd"];

/**
 * How long a new member's JoinGroup may wait in a rebalance before it is dropped (Kafka's
 * GroupCoordinator.NewMemberJoinTimeoutMs): a new member cannot heartbeat yet, and a client
 * that gave up would otherwise stay in the group forever.
 */
export const NEW_MEMBER_JOIN_TIMEOUT_MS = 300_000;

export class GroupCoordinatorConfig {
  constructor(private readonly config: BrokerConfig) {}

  /** The value set for `name`, or Kafka's default when unset or not a number. */
  number(name: GroupCoordinatorConfigName): number {
    const value = Number(this.config.setValue(name)?.trim() ?? NaN);
    return Number.isFinite(value) ? value : Number(brokerConfigDefinition(name)!.defaultValue);
  }

  get minSessionTimeoutMs(): number {
    return this.number("group.min.session.timeout.ms");
  }
  get maxSessionTimeoutMs(): number {
    return this.number("group.max.session.timeout.ms");
  }
  get maxGroupSize(): number {
    return this.number("group.max.size");
  }
  get initialRebalanceDelayMs(): number {
    return this.number("group.initial.rebalance.delay.ms");
  }
  get offsetsTopicPartitions(): number {
    return this.number("offsets.topic.num.partitions");
  }
  get offsetsTopicReplicationFactor(): number {
    return this.number("offsets.topic.replication.factor");
  }
  get offsetsTopicSegmentBytes(): number {
    return this.number("offsets.topic.segment.bytes");
  }
  get offsetsTopicCompression(): CompressionType {
    return CODECS[this.number("offsets.topic.compression.codec")] ?? "none";
  }
  get offsetsRetentionMs(): number {
    return this.number("offsets.retention.minutes") * 60_000;
  }
  get offsetsRetentionCheckIntervalMs(): number {
    return this.number("offsets.retention.check.interval.ms");
  }
  get offsetCommitTimeoutMs(): number {
    return this.number("offsets.commit.timeout.ms");
  }
  get offsetMetadataMaxBytes(): number {
    return this.number("offset.metadata.max.bytes");
  }
}
