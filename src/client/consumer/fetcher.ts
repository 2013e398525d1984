/**
 * One Fetch to one leader for the partitions it leads, and what came back for each, as
 * Java's Fetcher and FetchCollector sort it: records (decoded, from the fetch position on),
 * OFFSET_OUT_OF_RANGE (the caller resets by auto.offset.reset), a stale leader
 * (NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH and the like: refresh metadata and fetch
 * again), or a fatal error. Topics go by id (Fetch v13+) when the broker gave every one of
 * them an id, else by name (v12 at most). The broker keeps no fetch sessions, so every
 * fetch is a full one: session id 0, epoch -1 (FINAL_EPOCH, "no session").
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { FetchRequest } from "../../protocol/generated/messages/fetch-request.ts";
import type {
  FetchResponse,
  FetchResponsePartitionData,
} from "../../protocol/generated/messages/fetch-response.ts";
import { ZERO_UUID } from "../../protocol/primitives/uuid.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { KafkaProtocolError, isRetriable } from "../kafka-error.ts";
import type { ConsumerConfig } from "./consumer-config.ts";
import type { KafkaMessage } from "./consumer-types.ts";
import { readFetchedRecords } from "./fetched-records.ts";
import { leaderEpochOf, topicIdOf } from "./partition-leaders.ts";
import type { PartitionState } from "./subscription-state.ts";

/** The newest Fetch that still names topics; v13 onwards names them by id only. */
const LAST_VERSION_BY_NAME = 12;

/** What a fetch was sent for: the partition, where it fetched from, and the epoch then. */
export interface FetchTarget {
  state: PartitionState;
  fetchOffset: bigint;
  epoch: number;
}

export type PartitionFetchResult =
  | {
      kind: "records";
      target: FetchTarget;
      messages: KafkaMessage[];
      nextOffset: bigint;
      highWatermark: bigint;
      logStartOffset: bigint;
    }
  | { kind: "out-of-range"; target: FetchTarget }
  | { kind: "stale-leader"; target: FetchTarget; errorCode: number }
  | { kind: "error"; target: FetchTarget; error: KafkaProtocolError };

/** Answers that mean "ask the cluster again where this partition lives". */
const STALE_LEADER_ERRORS: ReadonlySet<number> = new Set([
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.REPLICA_NOT_AVAILABLE,
  ErrorCode.KAFKA_STORAGE_ERROR,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
  ErrorCode.OFFSET_NOT_AVAILABLE,
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.UNKNOWN_TOPIC_ID,
  ErrorCode.INCONSISTENT_TOPIC_ID,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.UNKNOWN_SERVER_ERROR,
]);

export type FetcherConfig = Pick<
  ConsumerConfig,
  | "fetchMinBytes"
  | "fetchMaxBytes"
  | "fetchMaxWaitMs"
  | "maxPartitionFetchBytes"
  | "isolationLevel"
  | "clientRack"
>;

/**
 * Fetches `targets` from leader `nodeId`. A lost connection or timeout answers every target
 * as "stale-leader" (the caller refreshes metadata and retries), as Java's Fetcher does.
 */
export async function fetchFromLeader(
  cluster: ClientCluster,
  nodeId: number,
  targets: readonly FetchTarget[],
  config: FetcherConfig,
): Promise<PartitionFetchResult[]> {
  const byTopic = new Map<string, FetchTarget[]>();
  for (const target of targets) {
    const list = byTopic.get(target.state.topic) ?? [];
    list.push(target);
    byTopic.set(target.state.topic, list);
  }
  const ids = new Map([...byTopic.keys()].map((topic) => [topic, topicIdOf(cluster, topic)]));
  const everyTopicHasId = [...ids.values()].every((id) => id !== null);
  const request: FetchRequest = {
    clusterId: null,
    replicaId: -1,
    replicaState: { replicaId: -1, replicaEpoch: -1n },
    maxWaitMs: config.fetchMaxWaitMs,
    minBytes: config.fetchMinBytes,
    maxBytes: config.fetchMaxBytes,
    isolationLevel: config.isolationLevel === "read_committed" ? 1 : 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [...byTopic].map(([topic, list]) => ({
      topic,
      topicId: ids.get(topic) ?? ZERO_UUID,
      partitions: list.map((target) => ({
        partition: target.state.partition,
        currentLeaderEpoch: leaderEpochOf(cluster, topic, target.state.partition),
        fetchOffset: target.fetchOffset,
        lastFetchedEpoch: -1,
        logStartOffset: -1n,
        partitionMaxBytes: config.maxPartitionFetchBytes,
        replicaDirectoryId: ZERO_UUID,
      })),
    })),
    forgottenTopicsData: [],
    rackId: config.clientRack,
  };
  let answer: { response: FetchResponse; version: number };
  try {
    answer = await cluster.request<FetchResponse>(nodeId, ApiKey.Fetch, request, {
      // The broker may hold the fetch for fetch.max.wait.ms before it answers.
      timeoutMs: cluster.requestTimeoutMs + config.fetchMaxWaitMs,
      maxVersion: everyTopicHasId ? undefined : LAST_VERSION_BY_NAME,
    });
  } catch (error) {
    if (!isRetriable(error)) throw error;
    cluster.disconnect(nodeId);
    return targets.map((target) => ({
      kind: "stale-leader",
      target,
      errorCode: ErrorCode.NETWORK_EXCEPTION,
    }));
  }
  const { response, version } = answer;
  if (response.errorCode !== ErrorCode.NONE) {
    const error = new KafkaProtocolError(response.errorCode, `fetch from broker ${nodeId}`);
    if (!error.retriable) throw error;
    return targets.map((target) => ({
      kind: "stale-leader",
      target,
      errorCode: response.errorCode,
    }));
  }
  const topicOf = (entry: { topic: string; topicId: string }): string | undefined =>
    version > LAST_VERSION_BY_NAME
      ? [...ids].find(([, id]) => id === entry.topicId)?.[0]
      : entry.topic;
  const data = new Map<string, FetchResponsePartitionData>();
  for (const topic of response.responses) {
    const name = topicOf(topic);
    if (name === undefined) continue;
    for (const partition of topic.partitions)
      data.set(`${name}:${partition.partitionIndex}`, partition);
  }
  const readCommitted = config.isolationLevel === "read_committed";
  return targets.map((target) => {
    const partition = data.get(`${target.state.topic}:${target.state.partition}`);
    if (partition === undefined) {
      return { kind: "stale-leader", target, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
    }
    return resultOf(target, partition, readCommitted);
  });
}

function resultOf(
  target: FetchTarget,
  partition: FetchResponsePartitionData,
  readCommitted: boolean,
): PartitionFetchResult {
  const errorCode = partition.errorCode;
  if (errorCode === ErrorCode.NONE) {
    try {
      const { messages, nextOffset } = readFetchedRecords(
        partition.records,
        target.fetchOffset,
        readCommitted,
        partition.abortedTransactions,
      );
      return {
        kind: "records",
        target,
        messages,
        nextOffset,
        highWatermark: readCommitted ? partition.lastStableOffset : partition.highWatermark,
        logStartOffset: partition.logStartOffset,
      };
    } catch (error) {
      if (error instanceof KafkaProtocolError) return { kind: "error", target, error };
      throw error;
    }
  }
  if (errorCode === ErrorCode.OFFSET_OUT_OF_RANGE) return { kind: "out-of-range", target };
  if (STALE_LEADER_ERRORS.has(errorCode)) return { kind: "stale-leader", target, errorCode };
  const where = `${target.state.topic}-${target.state.partition}`;
  return { kind: "error", target, error: new KafkaProtocolError(errorCode, where) };
}
