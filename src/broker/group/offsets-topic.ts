/**
 * The compacted topic that holds groups and committed offsets, and which of its partitions
 * a group lives in. A group's coordinator is the leader of partition
 * Utils.abs(groupId.hashCode()) % partitionCount — Java's String.hashCode over UTF-16 code
 * units with int32 overflow, and Kafka's Utils.abs, which maps Integer.MIN_VALUE to 0
 * (Math.abs would leave it negative). Every Kafka client and broker computes the same
 * partition, so it has to be exact.
 */
import type { GroupCoordinatorConfig } from "./group-coordinator-config.ts";

export const OFFSETS_TOPIC = "__consumer_offsets";

/** java.lang.String#hashCode: s[0]*31^(n-1) + ... + s[n-1], in int32 arithmetic. */
export function javaStringHashCode(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) hash = (Math.imul(hash, 31) + value.charCodeAt(i)) | 0;
  return hash;
}

/** org.apache.kafka.common.utils.Utils#abs: |n|, and 0 for Integer.MIN_VALUE. */
export function kafkaAbs(value: number): number {
  return value === -2147483648 ? 0 : Math.abs(value);
}

export function offsetsPartitionFor(groupId: string, partitionCount: number): number {
  return kafkaAbs(javaStringHashCode(groupId)) % partitionCount;
}

/**
 * The configs Kafka creates the topic with (GroupCoordinator.offsetsTopicConfigs): compacted,
 * offsets.topic.segment.bytes per segment, and compression.type=producer, so each batch
 * keeps the codec the coordinator wrote it with (offsets.topic.compression.codec).
 */
export function offsetsTopicConfigs(config: GroupCoordinatorConfig): Record<string, string> {
  return {
    "cleanup.policy": "compact",
    "segment.bytes": String(config.offsetsTopicSegmentBytes),
    "compression.type": "producer",
  };
}
