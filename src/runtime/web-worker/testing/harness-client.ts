/**
 * A few Kafka requests the cluster harness page sends to its workers, so browser specs can
 * produce, replicate, fail over and read through the same path a client takes: Kafka frames
 * over the page's MessagePorts to the brokers' client listeners.
 */
import { Connection } from "../../../client/connection.ts";
import { fetchPartition, recordValues } from "../../../client/testing/consumer-fetch.ts";
import { ApiKey } from "../../../protocol/generated/api-table.ts";
import type { CreateTopicsResponse } from "../../../protocol/generated/messages/create-topics-response.ts";
import type { MetadataResponse } from "../../../protocol/generated/messages/metadata-response.ts";
import type { ProduceResponse } from "../../../protocol/generated/messages/produce-response.ts";
import { encodeRecordBatch } from "../../../protocol/records/record-batch-encoder.ts";
import type { ClusterHost } from "../cluster-host.ts";

const NO_TOPIC_ID = "AAAAAAAAAAAAAAAAAAAAAA";

function connect(host: ClusterHost, nodeId: number): Connection {
  const transport = host.connect(nodeId);
  if (transport === null) throw new Error(`node ${nodeId} cannot be reached`);
  return new Connection(transport, "harness");
}

async function once<T>(
  host: ClusterHost,
  nodeId: number,
  ask: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = connect(host, nodeId);
  try {
    return await ask(connection);
  } finally {
    connection.close();
  }
}

export function createTopic(
  host: ClusterHost,
  via: number,
  name: string,
  partitions: number,
  replicationFactor: number,
  configs: Record<string, string>,
) {
  return once(host, via, (c) =>
    c.request<CreateTopicsResponse>(ApiKey.CreateTopics, 7, {
      topics: [
        {
          name,
          numPartitions: partitions,
          replicationFactor,
          assignments: [],
          configs: Object.entries(configs).map(([n, value]) => ({ name: n, value })),
        },
      ],
      timeoutMs: 30_000,
      validateOnly: false,
    }),
  ).then((response) => response.topics[0]!.errorCode);
}

/** Live brokers, and each partition's leader and ISR, as one broker sees them. */
export async function describeTopic(host: ClusterHost, via: number, topic: string) {
  const response = await once(host, via, (c) =>
    c.request<MetadataResponse>(ApiKey.Metadata, 12, {
      topics: [{ name: topic, topicId: NO_TOPIC_ID }],
      allowAutoTopicCreation: false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    }),
  );
  return {
    brokers: response.brokers.map((b) => b.nodeId),
    errorCode: response.topics[0]?.errorCode ?? -1,
    partitions: (response.topics[0]?.partitions ?? []).map((p) => ({
      partition: p.partitionIndex,
      leader: p.leaderId,
      isr: p.isrNodes,
    })),
  };
}

export async function produce(
  host: ClusterHost,
  nodeId: number,
  topic: string,
  partition: number,
  values: string[],
  acks: number,
) {
  const batch = encodeRecordBatch({
    records: values.map((value) => ({
      value: new TextEncoder().encode(value),
      timestamp: BigInt(Date.now()),
    })),
  });
  if (!batch.ok) throw batch.error;
  const response = await once(host, nodeId, (c) =>
    c.request<ProduceResponse>(ApiKey.Produce, 9, {
      transactionalId: null,
      acks,
      timeoutMs: 10_000,
      topicData: [{ name: topic, partitionData: [{ index: partition, records: batch.value }] }],
    }),
  );
  const answer = response.responses[0]!.partitionResponses[0]!;
  return { errorCode: answer.errorCode, baseOffset: answer.baseOffset.toString() };
}

/** Every record value below the HW, read from `nodeId` (it must lead the partition). */
export async function readValues(
  host: ClusterHost,
  nodeId: number,
  topic: string,
  partition: number,
) {
  const values: string[] = [];
  let offset = 0n;
  for (;;) {
    const data = await once(host, nodeId, (c) => fetchPartition(c, topic, partition, offset));
    if (data.errorCode !== 0) return { errorCode: data.errorCode, highWatermark: "-1", values };
    const read = recordValues(data.records, offset);
    values.push(...read.values);
    if (read.nextOffset === offset || read.nextOffset >= data.highWatermark) {
      return { errorCode: 0, highWatermark: data.highWatermark.toString(), values };
    }
    offset = read.nextOffset;
  }
}
