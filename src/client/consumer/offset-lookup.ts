/**
 * ListOffsets for a consumer (Java's OffsetFetcher): the earliest offset, the latest (the HW,
 * or the LSO under read_committed), or the first offset at or after a timestamp, asked of
 * each partition's leader. A partition whose leader moved (NOT_LEADER_OR_FOLLOWER,
 * FENCED_LEADER_EPOCH and the other retriable answers) is asked again after a metadata
 * refresh and a back-off, until `timeoutMs` (default.api.timeout.ms) has passed.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { ListOffsetsRequest } from "../../protocol/generated/messages/list-offsets-request.ts";
import type { ListOffsetsResponse } from "../../protocol/generated/messages/list-offsets-response.ts";
import { backoffMs, type BackoffConfig } from "../cluster/backoff.ts";
import type { ClientCluster } from "../cluster/client-cluster.ts";
import { KafkaProtocolError, isRetriable } from "../kafka-error.ts";
import type { IsolationLevel } from "./consumer-config.ts";
import { ensureLeaders, groupByLeader, leaderEpochOf } from "./partition-leaders.ts";

/** ListOffsetsRequest.EARLIEST_TIMESTAMP */
export const EARLIEST_TIMESTAMP = -2n;
/** ListOffsetsRequest.LATEST_TIMESTAMP */
export const LATEST_TIMESTAMP = -1n;

export interface OffsetQuery {
  topic: string;
  partition: number;
  /** A timestamp in ms, or EARLIEST_TIMESTAMP / LATEST_TIMESTAMP. */
  timestamp: bigint;
}

export interface OffsetAnswer extends OffsetQuery {
  /** -1 when no record has a timestamp at or after the one asked. */
  offset: bigint;
  /** The found record's timestamp, -1 for earliest/latest. */
  foundTimestamp: bigint;
}

export interface OffsetLookupOptions extends BackoffConfig {
  isolationLevel: IsolationLevel;
  timeoutMs: number;
}

export async function lookupOffsets(
  cluster: ClientCluster,
  queries: readonly OffsetQuery[],
  options: OffsetLookupOptions,
): Promise<OffsetAnswer[]> {
  const deadline = cluster.io.nowMs() + options.timeoutMs;
  const answers: OffsetAnswer[] = [];
  // One request names a partition once: asking it twice (two timestamps) takes two rounds.
  for (const wave of distinctPartitionWaves(queries)) {
    answers.push(...(await lookupWave(cluster, wave, options, deadline)));
  }
  return answers;
}

async function lookupWave(
  cluster: ClientCluster,
  queries: readonly OffsetQuery[],
  options: OffsetLookupOptions,
  deadline: number,
): Promise<OffsetAnswer[]> {
  const answers: OffsetAnswer[] = [];
  let pending = [...queries];
  for (let attempt = 0; pending.length > 0; attempt++) {
    let failure: unknown = null;
    try {
      await ensureLeaders(cluster, [...new Set(pending.map((query) => query.topic))]);
      const { groups, leaderless } = groupByLeader(cluster, pending, (query) => query);
      const rounds = await Promise.all(
        groups.map((group) => askLeader(cluster, group.nodeId, group.items, options)),
      );
      pending = [...leaderless, ...rounds.flatMap((round) => round.retry)];
      for (const round of rounds) answers.push(...round.answers);
      failure = rounds.find((round) => round.failure !== null)?.failure ?? null;
      if (leaderless.length > 0 && failure === null) {
        failure = new KafkaProtocolError(ErrorCode.LEADER_NOT_AVAILABLE, describe(leaderless));
      }
    } catch (error) {
      if (!isRetriable(error)) throw error;
      failure = error;
    }
    if (pending.length === 0) break;
    const wait = backoffMs(attempt, options, cluster.io.random);
    if (cluster.io.nowMs() + wait > deadline) {
      throw failure ?? new KafkaProtocolError(ErrorCode.REQUEST_TIMED_OUT, describe(pending));
    }
    await cluster.sleep(wait);
    await cluster
      .refreshMetadata([...new Set(pending.map((query) => query.topic))])
      .catch(() => {});
  }
  return answers;
}

interface LeaderRound {
  answers: OffsetAnswer[];
  retry: OffsetQuery[];
  failure: unknown;
}

async function askLeader(
  cluster: ClientCluster,
  nodeId: number,
  queries: readonly OffsetQuery[],
  options: OffsetLookupOptions,
): Promise<LeaderRound> {
  const request: ListOffsetsRequest = {
    replicaId: -1,
    isolationLevel: options.isolationLevel === "read_committed" ? 1 : 0,
    timeoutMs: cluster.requestTimeoutMs,
    topics: byTopic(queries).map(([name, items]) => ({
      name,
      partitions: items.map((query) => ({
        partitionIndex: query.partition,
        currentLeaderEpoch: leaderEpochOf(cluster, name, query.partition),
        timestamp: query.timestamp,
        maxNumOffsets: 1,
      })),
    })),
  };
  let response: ListOffsetsResponse;
  try {
    ({ response } = await cluster.request<ListOffsetsResponse>(
      nodeId,
      ApiKey.ListOffsets,
      request,
      {
        minVersion: 1,
      },
    ));
  } catch (error) {
    if (!isRetriable(error)) throw error;
    cluster.disconnect(nodeId);
    return { answers: [], retry: [...queries], failure: error };
  }
  const round: LeaderRound = { answers: [], retry: [], failure: null };
  for (const query of queries) {
    const answer = response.topics
      .find((topic) => topic.name === query.topic)
      ?.partitions.find((partition) => partition.partitionIndex === query.partition);
    const errorCode = answer?.errorCode ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    if (answer !== undefined && errorCode === ErrorCode.NONE) {
      round.answers.push({ ...query, offset: answer.offset, foundTimestamp: answer.timestamp });
      continue;
    }
    const error = new KafkaProtocolError(errorCode, `${query.topic}-${query.partition}`);
    if (!error.retriable) throw error;
    round.retry.push(query);
    round.failure = error;
  }
  return round;
}

function distinctPartitionWaves(queries: readonly OffsetQuery[]): OffsetQuery[][] {
  const waves: { seen: Set<string>; queries: OffsetQuery[] }[] = [];
  for (const query of queries) {
    const key = `${query.topic}:${query.partition}`;
    let wave = waves.find((candidate) => !candidate.seen.has(key));
    if (wave === undefined) waves.push((wave = { seen: new Set(), queries: [] }));
    wave.seen.add(key);
    wave.queries.push(query);
  }
  return waves.map((wave) => wave.queries);
}

function byTopic(queries: readonly OffsetQuery[]): [string, OffsetQuery[]][] {
  const map = new Map<string, OffsetQuery[]>();
  for (const query of queries) {
    const list = map.get(query.topic) ?? [];
    list.push(query);
    map.set(query.topic, list);
  }
  return [...map];
}

function describe(queries: readonly { topic: string; partition: number }[]): string {
  return queries.map((query) => `${query.topic}-${query.partition}`).join(", ");
}
