/**
 * The shapes the admin client takes and returns: KafkaJS 2.2's (offsets as decimal strings,
 * `partitionId`/`partitionErrorCode` in topic metadata, `configEntries` with `configName`),
 * plus the calls KafkaJS lacks and Kafka's Admin has (incremental config changes, the
 * metadata quorum, leader elections), shaped after Kafka's.
 */

export interface ReplicaAssignment {
  partition: number;
  replicas: number[];
}

export interface ConfigEntry {
  name: string;
  value: string;
}

export interface TopicConfig {
  topic: string;
  /** -1 (the default): the broker's num.partitions. */
  numPartitions?: number;
  /** -1 (the default): the broker's default.replication.factor. */
  replicationFactor?: number;
  replicaAssignment?: ReplicaAssignment[];
  configEntries?: ConfigEntry[];
}

export interface CreateTopicsOptions {
  topics: TopicConfig[];
  validateOnly?: boolean;
  /** Wait until every new partition has a leader (default true). */
  waitForLeaders?: boolean;
  /** How long the controller may take, and the call with it, ms (default 5000). */
  timeout?: number;
}

export interface TopicPartitionsConfig {
  topic: string;
  /** The partition count wanted, new partitions included. */
  count: number;
  /** Replicas of each new partition, in order. */
  assignments?: number[][];
}

export interface PartitionMetadata {
  partitionErrorCode: number;
  partitionId: number;
  leader: number;
  /** The leader's epoch (Metadata v7+; -1 when the broker did not say). */
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface TopicMetadata {
  name: string;
  partitions: PartitionMetadata[];
}

/** A partition and an offset (a decimal string, as KafkaJS writes offsets). */
export interface SeekEntry {
  partition: number;
  offset: string;
}

export interface PartitionOffsets extends SeekEntry {
  /** The high watermark (the same as `offset`). */
  high: string;
  /** The log start offset. */
  low: string;
}

export interface BrokerDescription {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ClusterDescription {
  brokers: BrokerDescription[];
  /** A broker that forwards to the active controller; null when none is known. */
  controller: number | null;
  clusterId: string;
}

/** Kafka's config resource types (KafkaJS's ConfigResourceTypes). */
export const ConfigResourceType = {
  UNKNOWN: 0,
  TOPIC: 2,
  BROKER: 4,
  BROKER_LOGGER: 8,
} as const;

/** Where a config value comes from (KafkaJS's ConfigSource, Kafka's ConfigSource ids). */
export const ConfigSource = {
  UNKNOWN: 0,
  TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
  DYNAMIC_BROKER_LOGGER_CONFIG: 6,
} as const;

export interface ResourceConfigQuery {
  type: number;
  name: string;
  /** Only these names (default: every config). */
  configNames?: string[];
}

export interface ConfigSynonym {
  configName: string;
  configValue: string | null;
  configSource: number;
}

export interface DescribedConfigEntry {
  configName: string;
  configValue: string | null;
  isDefault: boolean;
  configSource: number;
  isSensitive: boolean;
  readOnly: boolean;
  configSynonyms: ConfigSynonym[];
}

export interface DescribedResource {
  configEntries: DescribedConfigEntry[];
  errorCode: number;
  errorMessage: string | null;
  resourceName: string;
  resourceType: number;
}

export interface DescribeConfigsResult {
  resources: DescribedResource[];
  throttleTime: number;
}

export interface ResourceConfig {
  type: number;
  name: string;
  configEntries: ConfigEntry[];
}

export interface AlteredResource {
  errorCode: number;
  errorMessage: string | null;
  resourceName: string;
  resourceType: number;
}

export interface AlterConfigsResult {
  resources: AlteredResource[];
  throttleTime: number;
}

/** Kafka's AlterConfigOp.OpType ids. */
export const AlterConfigOpType = {
  SET: 0,
  DELETE: 1,
  APPEND: 2,
  SUBTRACT: 3,
} as const;

export type AlterConfigOperation = "SET" | "DELETE" | "APPEND" | "SUBTRACT";

export interface IncrementalConfigEntry {
  name: string;
  /** Unused by DELETE. */
  value?: string | null;
  operation: AlterConfigOperation;
}

export interface IncrementalResourceConfig {
  type: number;
  name: string;
  configEntries: IncrementalConfigEntry[];
}

export interface GroupOverview {
  groupId: string;
  protocolType: string;
  /** The group's state (ListGroups v4+), e.g. "Stable" or "Empty". */
  groupState: string;
}

export type { GroupDescription, GroupState, MemberDescription } from "../group-description.ts";

export interface DeleteGroupsResult {
  groupId: string;
  errorCode: number;
}

export interface FetchOffsetsPartition extends SeekEntry {
  metadata: string | null;
}

export interface TopicOffsets<P> {
  topic: string;
  partitions: P[];
}

export interface DeletedRecords {
  partition: number;
  /** The partition's log start offset after the deletion. */
  lowWatermark: string;
}

export interface QuorumReplica {
  replicaId: number;
  logEndOffset: string;
  /** Node time of the replica's last fetch, null if it never fetched. */
  lastFetchTimestamp: number | null;
  /** Node time the replica was last caught up with the leader, null if never. */
  lastCaughtUpTimestamp: number | null;
}

/** Kafka's QuorumInfo: what kafka-metadata-quorum describe prints. */
export interface QuorumInfo {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: string;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
}

/** Kafka's ElectionType ids. */
export const ElectionType = {
  PREFERRED: 0,
  UNCLEAN: 1,
} as const;

export interface ElectLeadersOptions {
  /** Partitions to elect for; omitted: every partition. */
  topicPartitions?: { topic: string; partitions: number[] }[];
  /** PREFERRED (the default) or UNCLEAN. */
  electionType?: number;
  timeout?: number;
}

export interface ElectionResult {
  topic: string;
  partition: number;
  /** Null when the election was run; else why not (ELECTION_NOT_NEEDED: the preferred replica already leads). */
  error: Error | null;
}
