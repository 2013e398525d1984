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

export interface DefaultPartitioning {
  ignoreKeys: boolean;
}

/** The partitioners made here, with their settings: see builtInPartitioning. */
const builtIn = new WeakMap<Partitioner, DefaultPartitioning>();

/** The partition for a record whose key is already serialized (`keyBytes`), over `partitionCount`. */
export function defaultPartitionFor(
  options: DefaultPartitioning,
  keyBytes: Uint8Array | null,
  partitionCount: number,
): number {
  if (options.ignoreKeys || keyBytes === null) return UNKNOWN_PARTITION;
  return partitionForKey(keyBytes, partitionCount);
}

export function createDefaultPartitioner(options: DefaultPartitioning): Partitioner {
  const settings = { ignoreKeys: options.ignoreKeys };
  const partitioner: Partitioner = ({ partitionMetadata, message }) =>
    settings.ignoreKeys
      ? UNKNOWN_PARTITION
      : defaultPartitionFor(settings, toBytes(message.key, "key"), partitionMetadata.length);
  builtIn.set(partitioner, settings);
  return partitioner;
}

/**
 * The settings of `partitioner` if it is Kafka's default one (made by
 * createDefaultPartitioner), else null: the producer then partitions with the key it has
 * already serialized, as Kafka's KafkaProducer.partition does, instead of calling it with a
 * KafkaJS-shaped argument per record that serializes the key again.
 */
export function builtInPartitioning(partitioner: Partitioner): DefaultPartitioning | null {
  return builtIn.get(partitioner) ?? null;
}
