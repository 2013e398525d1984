/** The producer's public surface (src/client/kafka.ts exposes it as `kafka.producer(options)`). */
export { createProducer } from "./producer.ts";
export { ProducerError } from "./producer-error.ts";
export type { ProducerMetricsSnapshot } from "./producer-metrics.ts";
export * from "./producer-types.ts";
export { murmur2, partitionForKey, toPositive } from "./partitioners/murmur2.ts";
export { createRoundRobinPartitioner } from "./partitioners/round-robin-partitioner.ts";
export { createHotKeyPartitioner } from "./partitioners/hot-key-partitioner.ts";
export { createDefaultPartitioner, UNKNOWN_PARTITION } from "./partitioners/default-partitioner.ts";
