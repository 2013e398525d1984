/**
 * The plain Kafka requests the cluster benchmark sends from the page side of a ClusterHost:
 * Metadata, CreateTopics, Produce and Fetch, each built with the generated codecs and sent
 * on a client `Connection` over the Transport `ClusterHost.connect` gives. Nothing here is
 * timed; the measurements decide what to time around these.
 */
import { Connection } from "../../src/client/connection.ts";
import { ApiKey } from "../../src/protocol/generated/api-table.ts";
import { ErrorCode } from "../../src/protocol/generated/error-codes.ts";
import type { CreateTopicsResponse } from "../../src/protocol/generated/messages/create-topics-response.ts";
import { defaultFetchRequest } from "../../src/protocol/generated/messages/fetch-request.ts";
import type { FetchResponse } from "../../src/protocol/generated/messages/fetch-response.ts";
import type { MetadataResponse } from "../../src/protocol/generated/messages/metadata-response.ts";
import type { ProduceResponse } from "../../src/protocol/generated/messages/produce-response.ts";
import type { ClusterHost } from "../../src/runtime/web-worker/cluster-host.ts";

/** Versions a current Java client would pick against this broker (topic names, not ids). */
const METADATA_VERSION = 12;
const CREATE_TOPICS_VERSION = 7;
const PRODUCE_VERSION = 11;
const FETCH_VERSION = 12;
const NO_TOPIC_ID = "AAAAAAAAAAAAAAAAAAAAAA";

/** Kafka's max.in.flight.requests.per.connection default; a Connection holds at most this many. */
export const MAX_IN_FLIGHT_PER_CONNECTION = 5;

/** A connection from the page to `nodeId`'s PLAINTEXT listener; throws when refused. */
export function connectTo(host: ClusterHost, nodeId: number, clientId: string): Connection {
  const transport = host.connect(nodeId, "PLAINTEXT");
  if (transport === null) throw new Error(`node ${nodeId} refused the connection`);
  // One more than max.in.flight, so a fetch or metadata call can share it if ever needed.
  return new Connection(transport, clientId, MAX_IN_FLIGHT_PER_CONNECTION + 1);
}

export function metadata(
  connection: Connection,
  topics: string[] | null,
): Promise<MetadataResponse> {
  return connection.request<MetadataResponse>(ApiKey.Metadata, METADATA_VERSION, {
    topics: topics?.map((name) => ({ name, topicId: NO_TOPIC_ID })) ?? null,
    allowAutoTopicCreation: false,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  });
}

export async function createTopic(
  connection: Connection,
  name: string,
  numPartitions: number,
  replicationFactor: number,
  configs: Record<string, string>,
): Promise<void> {
  const response = await connection.request<CreateTopicsResponse>(
    ApiKey.CreateTopics,
    CREATE_TOPICS_VERSION,
    {
      topics: [
        {
          name,
          numPartitions,
          replicationFactor,
          assignments: [],
          configs: Object.entries(configs).map(([key, value]) => ({ name: key, value })),
        },
      ],
      timeoutMs: 30_000,
      validateOnly: false,
    },
  );
  const result = response.topics[0];
  if (result === undefined || result.errorCode !== ErrorCode.NONE) {
    throw new Error(
      `CreateTopics ${name}: error ${result?.errorCode} ${result?.errorMessage ?? ""}`,
    );
  }
}

export interface PartitionLeader {
  partition: number;
  leaderId: number;
  isr: number[];
}

/** Each partition's leader and ISR as `connection`'s broker sees them, or null while any has none. */
export async function partitionLeaders(
  connection: Connection,
  topic: string,
): Promise<PartitionLeader[] | null> {
  const answer = await metadata(connection, [topic]);
  const found = answer.topics[0];
  if (found === undefined || found.errorCode !== ErrorCode.NONE || found.partitions.length === 0) {
    return null;
  }
  if (found.partitions.some((p) => p.leaderId < 0 || p.errorCode !== ErrorCode.NONE)) return null;
  return found.partitions
    .map((p) => ({ partition: p.partitionIndex, leaderId: p.leaderId, isr: [...p.isrNodes] }))
    .sort((a, b) => a.partition - b.partition);
}

/** Asks again every `intervalMs` until `probe` answers non-null; throws after `limitMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null>,
  limitMs = 30_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = performance.now() + limitMs;
  let lastError: unknown = null;
  while (performance.now() < deadline) {
    try {
      const value = await probe();
      if (value !== null) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `gave up waiting for ${what} after ${limitMs} ms (last error: ${String(lastError)})`,
  );
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export interface ProduceOutcome {
  errorCode: number;
  baseOffset: bigint;
}

/** One Produce of one batch per partition given, on one connection; the outcome per partition. */
export async function produce(
  connection: Connection,
  topic: string,
  batches: { partition: number; records: Uint8Array }[],
  acks: number,
  timeoutMs: number,
): Promise<Map<number, ProduceOutcome>> {
  const response = await connection.request<ProduceResponse>(ApiKey.Produce, PRODUCE_VERSION, {
    transactionalId: null,
    acks,
    timeoutMs,
    topicData: [
      {
        name: topic,
        partitionData: batches.map(({ partition, records }) => ({ index: partition, records })),
      },
    ],
  });
  const outcomes = new Map<number, ProduceOutcome>();
  for (const answer of response.responses[0]?.partitionResponses ?? []) {
    outcomes.set(answer.index, { errorCode: answer.errorCode, baseOffset: answer.baseOffset });
  }
  return outcomes;
}

/** A consumer's Fetch (replica id -1: reads below the HW), long-polling up to `maxWaitMs`. */
export async function consumerFetch(
  connection: Connection,
  topic: string,
  partitions: { partition: number; fetchOffset: bigint }[],
  options: { maxWaitMs: number; minBytes: number; partitionMaxBytes: number; maxBytes: number },
): Promise<FetchResponse> {
  return connection.request<FetchResponse>(ApiKey.Fetch, FETCH_VERSION, {
    ...defaultFetchRequest(),
    replicaId: -1,
    maxWaitMs: options.maxWaitMs,
    minBytes: options.minBytes,
    maxBytes: options.maxBytes,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic,
        topicId: NO_TOPIC_ID,
        partitions: partitions.map(({ partition, fetchOffset }) => ({
          partition,
          currentLeaderEpoch: -1,
          fetchOffset,
          lastFetchedEpoch: -1,
          logStartOffset: -1n,
          partitionMaxBytes: options.partitionMaxBytes,
          replicaDirectoryId: NO_TOPIC_ID,
        })),
      },
    ],
  });
}
