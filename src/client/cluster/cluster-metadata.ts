/**
 * What a client knows of the cluster from its last Metadata answers: brokers and where
 * they listen, the controller, and each topic's partitions with leader, epoch, replicas and
 * ISR. Kafka's clients keep the same and refresh it when a leader moves.
 */
import type { MetadataResponse } from "../../protocol/generated/messages/metadata-response.ts";

export interface BrokerInfo {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface PartitionInfo {
  partition: number;
  /** -1 while the partition has no leader. */
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  errorCode: number;
}

export interface TopicInfo {
  name: string;
  topicId: string;
  isInternal: boolean;
  errorCode: number;
  /** By partition number, ascending. */
  partitions: PartitionInfo[];
}

export interface ClusterMetadata {
  clusterId: string | null;
  controllerId: number;
  brokers: ReadonlyMap<number, BrokerInfo>;
  topics: ReadonlyMap<string, TopicInfo>;
}

export const EMPTY_METADATA: ClusterMetadata = {
  clusterId: null,
  controllerId: -1,
  brokers: new Map(),
  topics: new Map(),
};

/**
 * `previous` updated by one Metadata answer: the brokers and controller are replaced, and
 * the topics the answer names (all of them when `allTopics`, so deleted ones disappear).
 */
export function mergeMetadata(
  previous: ClusterMetadata,
  answer: MetadataResponse,
  allTopics: boolean,
): ClusterMetadata {
  const brokers = new Map(
    answer.brokers.map((broker) => [
      broker.nodeId,
      { nodeId: broker.nodeId, host: broker.host, port: broker.port, rack: broker.rack },
    ]),
  );
  const topics = new Map(allTopics ? [] : previous.topics);
  for (const topic of answer.topics) {
    if (topic.name === null) continue;
    topics.set(topic.name, {
      name: topic.name,
      topicId: topic.topicId,
      isInternal: topic.isInternal,
      errorCode: topic.errorCode,
      partitions: topic.partitions
        .map((partition) => ({
          partition: partition.partitionIndex,
          leader: partition.leaderId,
          leaderEpoch: partition.leaderEpoch,
          replicas: [...partition.replicaNodes],
          isr: [...partition.isrNodes],
          offlineReplicas: [...partition.offlineReplicas],
          errorCode: partition.errorCode,
        }))
        .sort((a, b) => a.partition - b.partition),
    });
  }
  return { clusterId: answer.clusterId, controllerId: answer.controllerId, brokers, topics };
}
