/**
 * Broken and hostile documents for the schema's tests: each an edit of the valid sample,
 * the path the first problem must point at, and the message key it must carry.
 */
import type { HostileCase } from "./sample-document.ts";

/** The document's frame, its cluster and its topics with their configs. */
export const CLUSTER_CASES: HostileCase[] = [
  [
    "partitions as text",
    (d) => (d.topics[1].partitions = "3"),
    "topics[1].partitions",
    "share.problem.integer",
  ],
  [
    "no partitions",
    (d) => (d.topics[0].partitions = 0),
    "topics[0].partitions",
    "share.problem.outOfRange",
  ],
  [
    "too many partitions",
    (d) => (d.topics[0].partitions = 65),
    "topics[0].partitions",
    "share.problem.outOfRange",
  ],
  [
    "a fractional count",
    (d) => (d.topics[0].partitions = 2.5),
    "topics[0].partitions",
    "share.problem.integer",
  ],
  [
    "a replication factor above the brokers",
    (d) => (d.topics[0].replicationFactor = 4),
    "topics[0].replicationFactor",
    "createTopic.rfAboveLiveBrokers",
  ],
  ["17 brokers", (d) => (d.cluster.brokers = 17), "cluster.brokers", "share.problem.outOfRange"],
  ["no brokers", (d) => (d.cluster.brokers = 0), "cluster.brokers", "share.problem.outOfRange"],
  [
    "two controllers",
    (d) => (d.cluster.controllers = 2),
    "cluster.controllers",
    "share.problem.notOneOf",
  ],
  [
    "more controllers than brokers",
    (d) => (d.cluster.controllers = 5),
    "cluster.controllers",
    "share.problem.controllersAboveBrokers",
  ],
  [
    "an unknown storage",
    (d) => (d.cluster.storage = "s3"),
    "cluster.storage",
    "share.problem.notOneOf",
  ],
  [
    "an illegal topic name",
    (d) => (d.topics[0].name = "bad name!"),
    "topics[0].name",
    "topicNameRule.illegalCharacters",
  ],
  ["a topic twice", (d) => (d.topics[1].name = "orders"), "topics[1].name", "topicNameRule.exists"],
  ["a topic named '.'", (d) => (d.topics[0].name = "."), "topics[0].name", "topicNameRule.dots"],
  [
    "a 250-character topic name",
    (d) => (d.topics[0].name = "a".repeat(250)),
    "topics[0].name",
    "topicNameRule.tooLong",
  ],
  [
    "a huge topic name",
    (d) => (d.topics[0].name = "a".repeat(5_000)),
    "topics[0].name",
    "share.problem.tooLong",
  ],
  [
    "an internal topic",
    (d) => (d.topics[0].name = "__consumer_offsets"),
    "topics[0].name",
    "share.problem.internalTopic",
  ],
  [
    "a config value of the wrong kind",
    (d) => (d.topics[1].configs["retention.ms"] = "soon"),
    'topics[1].configs["retention.ms"]',
    "validation.notWholeNumber",
  ],
  [
    "a config value that is a number",
    (d) => (d.topics[1].configs["retention.ms"] = 5),
    'topics[1].configs["retention.ms"]',
    "share.problem.string",
  ],
  [
    "an unknown config",
    (d) => (d.topics[0].configs["made.up"] = "1"),
    'topics[0].configs["made.up"]',
    "share.problem.unknownConfig",
  ],
  [
    "a config name Kafka could not have",
    (d) => (d.topics[0].configs["Retention MS"] = "1"),
    'topics[0].configs["Retention MS"]',
    "validation.configNameShape",
  ],
  [
    "a codec Kafka lacks",
    (d) => (d.topics[0].configs["compression.type"] = "brotli"),
    'topics[0].configs["compression.type"]',
    "validation.notOneOf",
  ],
  [
    "a ratio above 1",
    (d) => (d.topics[0].configs["min.cleanable.dirty.ratio"] = "1.5"),
    'topics[0].configs["min.cleanable.dirty.ratio"]',
    "validation.outOfRange",
  ],
  [
    "a boolean config that is not one",
    (d) => (d.topics[0].configs.preallocate = "yes"),
    "topics[0].configs.preallocate",
    "validation.notOneOf",
  ],
  [
    "a cleanup policy Kafka lacks",
    (d) => (d.topics[0].configs["cleanup.policy"] = "delete,shred"),
    'topics[0].configs["cleanup.policy"]',
    "validation.notOneOf",
  ],
  [
    "min.insync.replicas of 0",
    (d) => (d.topics[0].configs["min.insync.replicas"] = "0"),
    'topics[0].configs["min.insync.replicas"]',
    "validation.outOfRange",
  ],
  [
    "a config value too long",
    (d) => (d.topics[0].configs["segment.ms"] = "1".repeat(1_001)),
    'topics[0].configs["segment.ms"]',
    "share.problem.tooLong",
  ],
  [
    "33 configs",
    (d) => {
      for (let i = 0; i < 33; i++) d.topics[0].configs[`x.y${i}`] = "1";
    },
    "topics[0].configs",
    "share.problem.tooMany",
  ],
  [
    "configs as a list",
    (d) => (d.topics[0].configs = [["retention.ms", "1"]]),
    "topics[0].configs",
    "share.problem.object",
  ],
  [
    "65 topics",
    (d) => (d.topics = Array.from({ length: 65 }, (_, i) => ({ ...d.topics[0], name: `t${i}` }))),
    "topics",
    "share.problem.tooMany",
  ],
  ["topics as an object", (d) => (d.topics = { orders: {} }), "topics", "share.problem.array"],
  ["an extra field", (d) => (d.extra = 1), "extra", "share.problem.unknownField"],
  [
    "an extra field in a topic",
    (d) => (d.topics[0].leader = 1),
    "topics[0].leader",
    "share.problem.unknownField",
  ],
  ["a missing field", (d) => delete d.layout, "layout", "share.problem.missingField"],
  [
    "a missing topic field",
    (d) => delete d.topics[1].replicationFactor,
    "topics[1].replicationFactor",
    "share.problem.missingField",
  ],
  ["another format", (d) => (d.format = "kafka-ui"), "format", "share.problem.format"],
  ["a later version", (d) => (d.version = 2), "version", "share.problem.version"],
  ["the version as text", (d) => (d.version = "1"), "version", "share.problem.version"],
  [
    "a date that is not one",
    (d) => (d.exportedAt = "yesterday"),
    "exportedAt",
    "share.problem.date",
  ],
];
