/**
 * The group coordinator's broker configs, by Kafka's names with Kafka's defaults. Read on
 * every use, so a cluster-wide dynamic default set while the broker runs takes effect.
 * Names the BrokerConfig table does not list yet are read as the node's properties or the
 * dynamic defaults say, else Kafka's default below.
 */
import type { BrokerConfig } from "../../metadata/configs/broker-configs.ts";
import type { CompressionType } from "../../protocol/records/attributes.ts";

const DEFAULTS = {
  "group.min.session.timeout.ms": 6_000,
  "group.max.session.timeout.ms": 1_800_000,
  "group.max.size": 2_147_483_647,
  "group.initial.rebalance.delay.ms": 3_000,
  "offsets.topic.num.partitions": 50,
  "offsets.topic.replication.factor": 3,
  "offsets.topic.segment.bytes": 104_857_600,
  "offsets.topic.compression.codec": 0,
  "offsets.retention.minutes": 10_080,
  "offsets.retention.check.interval.ms": 600_000,
  "offsets.commit.timeout.ms": 5_000,
  "offset.metadata.max.bytes": 4_096,
} as const;

export type GroupCoordinatorConfigName = keyof typeof DEFAULTS;

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

  number(name: GroupCoordinatorConfigName): number {
    const raw = this.config.setValue(name);
    const value = raw === undefined ? NaN : Number(raw.trim());
    return Number.isFinite(value) ? value : DEFAULTS[name];
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
