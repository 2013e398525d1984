/**
 * How Kafka's producer picks a partition when the record names none and no
 * partitioner.class is set (KafkaProducer.partition): a key is hashed with murmur2 over all
 * of the topic's partitions — so a key always lands on the same partition while the count
 * stays — and a keyless record (or any record with partitioner.ignore.keys) is left to the
 * built-in sticky partitioner in the accumulator (UNKNOWN_PARTITION).
 */
import { toBytes } from "../message-bytes.ts";
import type { Partitioner } from "../producer-types.ts";
import { partitionForKey } from "./murmur2.ts";

/** Java's RecordMetadata.UNKNOWN_PARTITION: "let the built-in partitioner choose". */
export const UNKNOWN_PARTITION = -1;

export function createDefaultPartitioner(options: { ignoreKeys: boolean }): Partitioner {
  return ({ partitionMetadata, message }) => {
    if (options.ignoreKeys) return UNKNOWN_PARTITION;
    const keyBytes = toBytes(message.key, "key");
    if (keyBytes === null) return UNKNOWN_PARTITION;
    return partitionForKey(keyBytes, partitionMetadata.length);
  };
}
