/**
 * Admin and data requests a test sends through a simulated client connection: create a
 * topic, wait for its leaders, produce a batch, fetch from an offset. Plain Kafka requests,
 * so the tests exercise the path a real client takes.
 */
import { Connection } from "../../../client/connection.ts";
import { fetchPartition, recordValues } from "../../../client/testing/consumer-fetch.ts";
import { ApiKey } from "../../../protocol/generated/api-table.ts";
import type { CreateTopicsResponse } from "../../../protocol/generated/messages/create-topics-response.ts";
import type { MetadataResponse } from "../../../protocol/generated/messages/metadata-response.ts";
import type { ProduceResponse } from "../../../protocol/generated/messages/produce-response.ts";
import { encodeRecordBatch } from "../../../protocol/records/record-batch-encoder.ts";
import type { SimCluster } from "../sim-cluster.ts";

export async function createTopic(
  cluster: SimCluster,
  via: number,
  name: string,
  numPartitions: number,
  replicationFactor: number,
  configs: Record<string, string> = {},
): Promise<CreateTopicsResponse> {
  const connection = mustConnect(cluster, "admin", via);
  return cluster.runWhile(
    connection.request<CreateTopicsResponse>(ApiKey.CreateTopics, 7, {
      topics: [
        {
          name,
          numPartitions,
          replicationFactor,
          assignments: [],
          configs: Object.entries(configs).map(([name, value]) => ({ name, value })),
        },
      ],
      timeoutMs: 30_000,
      validateOnly: false,
    }),
  );
}

export async function metadata(
  cluster: SimCluster,
  via: number,
  topics: string[] | null,
): Promise<MetadataResponse> {
  const connection = mustConnect(cluster, "admin", via);
  return cluster.runWhile(
    connection.request<MetadataResponse>(ApiKey.Metadata, 12, {
      topics: topics?.map((name) => ({ name, topicId: "AAAAAAAAAAAAAAAAAAAAAA" })) ?? null,
      allowAutoTopicCreation: false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    }),
  );
}

/** The leader of each partition of `topic`, once every partition has one (null if not within `limitMs`). */
export async function waitForLeaders(
  cluster: SimCluster,
  via: number,
  topic: string,
  limitMs = 20_000,
): Promise<number[] | null> {
  const deadline = cluster.scheduler.nowMs() + limitMs;
  while (cluster.scheduler.nowMs() < deadline) {
    const answer = await metadata(cluster, via, [topic]).catch(() => null);
    const partitions = answer?.topics[0]?.partitions ?? [];
    if (
      answer?.topics[0]?.errorCode === 0 &&
      partitions.length > 0 &&
      partitions.every((p) => p.leaderId >= 0)
    ) {
      return [...partitions]
        .sort((a, b) => a.partitionIndex - b.partitionIndex)
        .map((p) => p.leaderId);
    }
    await cluster.scheduler.runFor(100);
  }
  return null;
}

export function batchOf(
  values: string[],
  producer?: { producerId: bigint; producerEpoch: number; baseSequence: number },
): Uint8Array {
  const encoded = encodeRecordBatch({
    ...producer,
    records: values.map((value) => ({
      key: null,
      value: new TextEncoder().encode(value),
      timestamp: 0n,
    })),
  });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

export async function produce(
  connection: Connection,
  cluster: SimCluster,
  topic: string,
  partition: number,
  records: Uint8Array,
  acks: number,
  timeoutMs = 10_000,
): Promise<ProduceResponse> {
  return cluster.runWhile(
    connection.request<ProduceResponse>(ApiKey.Produce, 9, {
      transactionalId: null,
      acks,
      timeoutMs,
      topicData: [{ name: topic, partitionData: [{ index: partition, records }] }],
    }),
  );
}

export async function fetchValues(
  connection: Connection,
  cluster: SimCluster,
  topic: string,
  partition: number,
  offset: bigint,
): Promise<{ errorCode: number; highWatermark: bigint; values: string[] }> {
  const data = await cluster.runWhile(fetchPartition(connection, topic, partition, offset));
  return {
    errorCode: data.errorCode,
    highWatermark: data.highWatermark,
    values: recordValues(data.records, offset).values,
  };
}

export function mustConnect(cluster: SimCluster, client: string, nodeId: number): Connection {
  const connection = cluster.connect(client, nodeId);
  if (connection === null) throw new Error(`cannot reach node ${nodeId}`);
  return connection;
}
