/**
 * The requests the bad-input specs send from the page, as a client would, with the error
 * code and message the broker answers: create a topic however asked (any name, any
 * replication factor, validate only), look topics up with auto-creation, and produce one
 * batch of records of a chosen size.
 */
import { Connection } from "../../src/client/connection.ts";
import { ApiKey } from "../../src/protocol/generated/api-table.ts";
import type { CreateTopicsResponse } from "../../src/protocol/generated/messages/create-topics-response.ts";
import type { MetadataResponse } from "../../src/protocol/generated/messages/metadata-response.ts";
import type { ProduceResponse } from "../../src/protocol/generated/messages/produce-response.ts";
import { encodeRecordBatch } from "../../src/protocol/records/record-batch-encoder.ts";
import type { ClusterHost } from "../../src/runtime/web-worker/cluster-host.ts";

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs?: Record<string, string>;
  /** Replicas by partition, instead of a count and a factor. */
  assignments?: number[][];
  validateOnly?: boolean;
}

export interface Answer {
  errorCode: number;
  errorMessage: string | null;
}

async function once<T>(
  host: ClusterHost,
  nodeId: number,
  ask: (c: Connection) => Promise<T>,
): Promise<T> {
  const transport = host.connect(nodeId);
  if (transport === null) throw new Error(`node ${nodeId} cannot be reached`);
  const connection = new Connection(transport, "bad-input");
  try {
    return await ask(connection);
  } finally {
    connection.close();
  }
}

export async function createTopicAs(
  host: ClusterHost,
  via: number,
  spec: TopicSpec,
): Promise<Answer> {
  const response = await once(host, via, (c) =>
    c.request<CreateTopicsResponse>(ApiKey.CreateTopics, 7, {
      topics: [
        {
          name: spec.name,
          numPartitions: spec.assignments === undefined ? spec.partitions : -1,
          replicationFactor: spec.assignments === undefined ? spec.replicationFactor : -1,
          assignments: (spec.assignments ?? []).map((brokerIds, partitionIndex) => ({
            partitionIndex,
            brokerIds,
          })),
          configs: Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value })),
        },
      ],
      timeoutMs: 30_000,
      validateOnly: spec.validateOnly ?? false,
    }),
  );
  const topic = response.topics[0]!;
  return { errorCode: topic.errorCode, errorMessage: topic.errorMessage };
}

/** Metadata for `names`, asking the broker to create the missing ones when `autoCreate`. */
export async function metadataFor(
  host: ClusterHost,
  via: number,
  names: string[],
  autoCreate: boolean,
): Promise<{ name: string; errorCode: number }[]> {
  const response = await once(host, via, (c) =>
    c.request<MetadataResponse>(ApiKey.Metadata, 12, {
      topics: names.map((name) => ({ name, topicId: "AAAAAAAAAAAAAAAAAAAAAA" })),
      allowAutoTopicCreation: autoCreate,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    }),
  );
  return response.topics.map((topic) => ({ name: topic.name ?? "", errorCode: topic.errorCode }));
}

/** One batch of `records` records whose values are `valueBytes` bytes each; its size and the answer. */
export async function produceSized(
  host: ClusterHost,
  nodeId: number,
  topic: string,
  partition: number,
  shape: { records: number; valueBytes: number },
  acks: number,
): Promise<Answer & { batchBytes: number; baseOffset: string }> {
  const encoded = encodeRecordBatch({
    records: Array.from({ length: shape.records }, (_, i) => ({
      key: new TextEncoder().encode(`key-${i}`),
      value: new Uint8Array(shape.valueBytes).fill(97 + (i % 26)),
      timestamp: BigInt(Date.now()),
    })),
  });
  if (!encoded.ok) throw encoded.error;
  const response = await once(host, nodeId, (c) =>
    c.request<ProduceResponse>(ApiKey.Produce, 9, {
      transactionalId: null,
      acks,
      timeoutMs: 10_000,
      topicData: [{ name: topic, partitionData: [{ index: partition, records: encoded.value }] }],
    }),
  );
  const answer = response.responses[0]!.partitionResponses[0]!;
  return {
    errorCode: answer.errorCode,
    errorMessage: answer.errorMessage,
    batchBytes: encoded.value.length,
    baseOffset: answer.baseOffset.toString(),
  };
}
