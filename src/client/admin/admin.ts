/**
 * The admin client: KafkaJS's Admin (the same method names, arguments and result shapes)
 * on Kafka's protocol, plus what Kafka's Admin has and KafkaJS lacks — incremental config
 * changes, the metadata quorum, leader elections. `kafka.admin()` returns one.
 *
 * Every call retries what is worth retrying (a lost connection, a moved leader or
 * coordinator, a controller being elected) within its timeout — `default.api.timeout.ms`
 * unless it names one — and otherwise throws an AdminProtocolError (a KafkaProtocolError)
 * naming the topic, partition, group or config resource and Kafka's error.
 */
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { adminSettings, type AdminOptions } from "./admin-options.ts";
import { deadlineAfter, retrying, type AdminContext } from "./admin-retry.ts";
import type {
  AlterConfigsResult,
  ClusterDescription,
  CreateTopicsOptions,
  DeleteGroupsResult,
  DeletedRecords,
  DescribeConfigsResult,
  ElectLeadersOptions,
  ElectionResult,
  FetchOffsetsPartition,
  GroupDescription,
  GroupOverview,
  IncrementalResourceConfig,
  PartitionOffsets,
  QuorumInfo,
  ResourceConfig,
  ResourceConfigQuery,
  SeekEntry,
  TopicMetadata,
  TopicOffsets,
  TopicPartitionsConfig,
} from "./admin-types.ts";
import { describeCluster, describeQuorum, electLeaders } from "./cluster-admin.ts";
import { alterConfigs, describeConfigs, incrementalAlterConfigs } from "./configs.ts";
import { fetchOffsets, resetOffsets, setOffsets } from "./group-offsets.ts";
import { deleteGroups, describeGroups, listGroups } from "./groups.ts";
import {
  deleteTopicRecords,
  fetchTopicOffsets,
  fetchTopicOffsetsByTimestamp,
} from "./topic-offsets.ts";
import {
  createPartitions,
  createTopics,
  deleteTopics,
  fetchTopicMetadata,
  listTopics,
} from "./topics.ts";

export interface Admin {
  /** Reaches the cluster and learns its brokers. */
  connect(): Promise<void>;
  /** Closes every connection; the admin cannot be used afterwards. */
  disconnect(): Promise<void>;

  createTopics(options: CreateTopicsOptions): Promise<boolean>;
  deleteTopics(options: { topics: string[]; timeout?: number }): Promise<void>;
  createPartitions(options: {
    topicPartitions: TopicPartitionsConfig[];
    validateOnly?: boolean;
    timeout?: number;
  }): Promise<boolean>;
  listTopics(): Promise<string[]>;
  fetchTopicMetadata(options?: { topics?: string[] }): Promise<{ topics: TopicMetadata[] }>;

  fetchTopicOffsets(topic: string): Promise<PartitionOffsets[]>;
  fetchTopicOffsetsByTimestamp(topic: string, timestamp?: number): Promise<SeekEntry[]>;
  deleteTopicRecords(options: {
    topic: string;
    partitions: SeekEntry[];
  }): Promise<DeletedRecords[]>;

  describeCluster(): Promise<ClusterDescription>;
  describeQuorum(): Promise<QuorumInfo>;
  electLeaders(options?: ElectLeadersOptions): Promise<ElectionResult[]>;

  describeConfigs(options: {
    resources: ResourceConfigQuery[];
    includeSynonyms?: boolean;
  }): Promise<DescribeConfigsResult>;
  alterConfigs(options: {
    resources: ResourceConfig[];
    validateOnly?: boolean;
  }): Promise<AlterConfigsResult>;
  incrementalAlterConfigs(options: {
    resources: IncrementalResourceConfig[];
    validateOnly?: boolean;
  }): Promise<AlterConfigsResult>;

  listGroups(): Promise<{ groups: GroupOverview[] }>;
  describeGroups(groupIds: string[]): Promise<{ groups: GroupDescription[] }>;
  deleteGroups(groupIds: string[]): Promise<DeleteGroupsResult[]>;
  fetchOffsets(options: {
    groupId: string;
    topics?: string[];
    resolveOffsets?: boolean;
  }): Promise<TopicOffsets<FetchOffsetsPartition>[]>;
  setOffsets(options: { groupId: string; topic: string; partitions: SeekEntry[] }): Promise<void>;
  resetOffsets(options: { groupId: string; topic: string; earliest?: boolean }): Promise<void>;
}

/** An admin client over `cluster` (which it owns: disconnect closes it). */
export function createAdmin(cluster: ClientCluster, options: AdminOptions = {}): Admin {
  const context: AdminContext = { cluster, settings: adminSettings(options) };
  return {
    async connect() {
      await retrying(context, deadlineAfter(context), () => cluster.refreshMetadata([]));
    },
    async disconnect() {
      cluster.close();
    },
    createTopics: (request) => createTopics(context, request),
    deleteTopics: (request) => deleteTopics(context, request),
    createPartitions: (request) => createPartitions(context, request),
    listTopics: () => listTopics(context),
    fetchTopicMetadata: (request) => fetchTopicMetadata(context, request),
    fetchTopicOffsets: (topic) => fetchTopicOffsets(context, topic),
    fetchTopicOffsetsByTimestamp: (topic, timestamp) =>
      fetchTopicOffsetsByTimestamp(context, topic, timestamp),
    deleteTopicRecords: (request) => deleteTopicRecords(context, request),
    describeCluster: () => describeCluster(context),
    describeQuorum: () => describeQuorum(context),
    electLeaders: (request) => electLeaders(context, request),
    describeConfigs: (request) => describeConfigs(context, request),
    alterConfigs: (request) => alterConfigs(context, request),
    incrementalAlterConfigs: (request) => incrementalAlterConfigs(context, request),
    listGroups: () => listGroups(context),
    describeGroups: (groupIds) => describeGroups(context, groupIds),
    deleteGroups: (groupIds) => deleteGroups(context, groupIds),
    fetchOffsets: (request) => fetchOffsets(context, request),
    setOffsets: (request) => setOffsets(context, request),
    resetOffsets: (request) => resetOffsets(context, request),
  };
}
