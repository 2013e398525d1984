/**
 * The broker and controller configs the playground honours, by Kafka's names with
 * Kafka's defaults. A node reads its own from server.properties (or the page's settings);
 * cluster-wide dynamic defaults come from ConfigRecords for the BROKER resource "".
 */
import { checkConfigValue, type ConfigDefinition } from "./config-definition.ts";

export const BROKER_CONFIGS: readonly ConfigDefinition[] = [
  // Topics
  { name: "auto.create.topics.enable", type: "boolean", defaultValue: "true" },
  { name: "num.partitions", type: "int", defaultValue: "1", min: 1 },
  { name: "default.replication.factor", type: "int", defaultValue: "1", min: 1 },
  { name: "delete.topic.enable", type: "boolean", defaultValue: "true" },
  // Log management: how often the brokers look for work on their logs.
  { name: "log.retention.check.interval.ms", type: "long", defaultValue: "300000", min: 1 },
  { name: "log.cleaner.backoff.ms", type: "long", defaultValue: "15000", min: 0 },
  {
    name: "log.flush.offset.checkpoint.interval.ms",
    type: "int",
    defaultValue: "60000",
    min: 0,
  },
  // Replication
  { name: "replica.lag.time.max.ms", type: "long", defaultValue: "30000", min: 0 },
  { name: "replica.fetch.wait.max.ms", type: "int", defaultValue: "500", min: 0 },
  { name: "replica.fetch.min.bytes", type: "int", defaultValue: "1", min: 0 },
  { name: "replica.fetch.max.bytes", type: "int", defaultValue: "1048576", min: 0 },
  { name: "replica.fetch.response.max.bytes", type: "int", defaultValue: "10485760", min: 0 },
  { name: "replica.fetch.backoff.ms", type: "int", defaultValue: "1000", min: 0 },
  { name: "replica.socket.timeout.ms", type: "int", defaultValue: "30000" },
  { name: "min.insync.replicas", type: "int", defaultValue: "1", min: 1 },
  { name: "unclean.leader.election.enable", type: "boolean", defaultValue: "false" },
  { name: "auto.leader.rebalance.enable", type: "boolean", defaultValue: "true" },
  { name: "leader.imbalance.check.interval.seconds", type: "long", defaultValue: "300", min: 1 },
  {
    name: "leader.imbalance.per.broker.percentage",
    type: "int",
    defaultValue: "10",
    min: 0,
    max: 100,
  },
  // KRaft
  { name: "broker.session.timeout.ms", type: "int", defaultValue: "9000", min: 1 },
  { name: "broker.heartbeat.interval.ms", type: "int", defaultValue: "2000", min: 1 },
  { name: "controller.quorum.election.timeout.ms", type: "int", defaultValue: "1000", min: 1 },
  { name: "controller.quorum.fetch.timeout.ms", type: "int", defaultValue: "2000", min: 1 },
  { name: "controller.quorum.election.backoff.max.ms", type: "int", defaultValue: "1000", min: 1 },
  { name: "controller.quorum.request.timeout.ms", type: "int", defaultValue: "2000", min: 1 },
  // Requests
  { name: "request.timeout.ms", type: "int", defaultValue: "30000", min: 0 },
  { name: "socket.request.max.bytes", type: "int", defaultValue: "104857600", min: 1 },
  { name: "message.max.bytes", type: "int", defaultValue: "1048588", min: 0 },
  // Idempotent producers
  { name: "producer.id.expiration.ms", type: "int", defaultValue: "86400000", min: 1 },
  // Group coordinator
  { name: "offsets.topic.num.partitions", type: "int", defaultValue: "50", min: 1 },
  { name: "offsets.topic.replication.factor", type: "int", defaultValue: "3", min: 1 },
  { name: "offsets.topic.segment.bytes", type: "int", defaultValue: "104857600", min: 1 },
  { name: "offsets.topic.compression.codec", type: "int", defaultValue: "0", min: 0, max: 4 },
  { name: "offsets.retention.minutes", type: "int", defaultValue: "10080", min: 1 },
  { name: "offsets.retention.check.interval.ms", type: "long", defaultValue: "600000", min: 1 },
  { name: "offsets.commit.timeout.ms", type: "int", defaultValue: "5000", min: 1 },
  { name: "offset.metadata.max.bytes", type: "int", defaultValue: "4096", min: 0 },
  { name: "group.initial.rebalance.delay.ms", type: "int", defaultValue: "3000", min: 0 },
  { name: "group.min.session.timeout.ms", type: "int", defaultValue: "6000", min: 0 },
  { name: "group.max.session.timeout.ms", type: "int", defaultValue: "1800000", min: 0 },
  { name: "group.max.size", type: "int", defaultValue: "2147483647", min: 1 },
];

const BY_NAME = new Map(BROKER_CONFIGS.map((definition) => [definition.name, definition]));

export function brokerConfigDefinition(name: string): ConfigDefinition | undefined {
  return BY_NAME.get(name);
}

/**
 * A node's broker configs: each config's value from the node's properties, else the
 * cluster-wide dynamic default, else Kafka's default. Values are read as typed numbers
 * and booleans by the helpers below.
 */
export class BrokerConfig {
  constructor(
    private readonly properties: Readonly<Record<string, string>>,
    private readonly dynamicDefaults: () => ReadonlyMap<string, string> = () => new Map(),
  ) {}

  string(name: string): string {
    const definition = BY_NAME.get(name);
    const value =
      this.dynamicDefaults().get(name) ?? this.properties[name] ?? definition?.defaultValue;
    if (value === undefined) throw new Error(`${name} is not a broker config the playground knows`);
    return value;
  }

  /** The value set for `name` (a cluster-wide dynamic default, else the node's property), or undefined. */
  setValue(name: string): string | undefined {
    return this.dynamicDefaults().get(name) ?? this.properties[name];
  }

  /** The node's own property (server.properties, the shell's settings), or undefined when it sets none. */
  staticValue(name: string): string | undefined {
    return this.properties[name];
  }

  number(name: string): number {
    return Number(this.string(name));
  }

  boolean(name: string): boolean {
    return this.string(name).trim().toLowerCase() === "true";
  }
}

/** Check broker config values (server.properties, AlterConfigs on a broker): the first problem, or null. */
export function checkBrokerConfigs(values: ReadonlyMap<string, string>): string | null {
  for (const [name, value] of values) {
    const definition = BY_NAME.get(name);
    if (definition === undefined) continue; // Kafka ignores unknown server properties with a warning.
    const problem = checkConfigValue(definition, value);
    if (problem !== null) return problem;
  }
  return null;
}
