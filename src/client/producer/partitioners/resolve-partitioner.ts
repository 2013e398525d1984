/**
 * Which partitioner a producer uses: partitioner.class by Kafka's class names for the
 * partitioners Kafka ships, else KafkaJS's createPartitioner, else the built-in one.
 */
import { ConfigError } from "../../cluster/client-cluster.ts";
import type { Partitioner, PartitionerFactory } from "../producer-types.ts";
import { createDefaultPartitioner } from "./default-partitioner.ts";
import { createRoundRobinPartitioner } from "./round-robin-partitioner.ts";

const ROUND_ROBIN = [
  "org.apache.kafka.clients.producer.RoundRobinPartitioner",
  "RoundRobinPartitioner",
];
/** Deprecated in Kafka 3.3 in favour of the built-in partitioner, which behaves the same. */
const DEFAULT = [
  "org.apache.kafka.clients.producer.internals.DefaultPartitioner",
  "DefaultPartitioner",
];
/** Deprecated in Kafka 3.3: the built-in partitioner with partitioner.ignore.keys=true. */
const UNIFORM_STICKY = [
  "org.apache.kafka.clients.producer.UniformStickyPartitioner",
  "UniformStickyPartitioner",
];

export function resolvePartitioner(settings: {
  partitionerClass: string | null;
  ignoreKeys: boolean;
  createPartitioner?: PartitionerFactory;
}): Partitioner {
  const className = settings.partitionerClass?.trim().replace(/^class\s+/, "") ?? null;
  if (className !== null) {
    if (ROUND_ROBIN.includes(className)) return createRoundRobinPartitioner();
    if (DEFAULT.includes(className)) return createDefaultPartitioner(settings);
    if (UNIFORM_STICKY.includes(className)) return createDefaultPartitioner({ ignoreKeys: true });
    throw new ConfigError(
      `Invalid value ${className} for configuration partitioner.class: Class ${className} could not be found.`,
    );
  }
  if (settings.createPartitioner !== undefined) {
    if (typeof settings.createPartitioner !== "function") {
      throw new ConfigError("createPartitioner must be a function returning a partitioner");
    }
    const partitioner = settings.createPartitioner();
    if (typeof partitioner !== "function") {
      throw new ConfigError(
        "createPartitioner() must return a function ({ topic, partitionMetadata, message }) => partition",
      );
    }
    return partitioner;
  }
  return createDefaultPartitioner(settings);
}
