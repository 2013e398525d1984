/**
 * Fetch (key 1), for consumers and followers alike. A follower (replicaId ≥ 0) tells the
 * leader its LEO by the offset it fetches from; a consumer (replicaId -1) reads only what
 * is below the HW. When less than fetch.min.bytes is there, the request waits up to
 * fetch.max.wait.ms for more (the leader's purgatory). Fetch sessions (KIP-227) are not
 * kept: every answer carries session id 0, which tells clients to send full fetches.
 * v0-v3 would need the old message format, so v4 is the oldest offered.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { FetchRequest } from "../../protocol/generated/messages/fetch-request.ts";
import {
  defaultFetchResponse,
  type FetchResponse,
} from "../../protocol/generated/messages/fetch-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import {
  readPartitions,
  recordFollowerFetches,
  type FetchRead,
  type FetchTarget,
} from "../replica/fetch-reader.ts";
import { mayHaveNews } from "../replica/fetch-readiness.ts";

export const fetchHandler = defineHandler<FetchRequest, FetchResponse, BrokerServices>({
  apiKey: ApiKey.Fetch,
  minVersion: 4,
  maxVersion: 17,
  async handle(request, { services, meta }) {
    const version = meta.apiVersion;
    if (request.sessionId !== 0) {
      return {
        ...defaultFetchResponse(),
        errorCode: ErrorCode.FETCH_SESSION_ID_NOT_FOUND,
        sessionId: 0,
      };
    }
    const replicaId = version >= 15 ? request.replicaState.replicaId : request.replicaId;
    const isFollower = replicaId >= 0;
    const targets = fetchTargets(services, request, version);
    if (isFollower) recordFollowerFetches(services, replicaId, targets);
    const maxBytes = version >= 3 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
    let result = readPartitions(services, targets, isFollower, maxBytes);
    const enough =
      result.bytes >= request.minBytes ||
      result.hasError ||
      request.maxWaitMs <= 0 ||
      targets.length === 0;
    if (!enough) result = await waitForData(services, targets, isFollower, maxBytes, request);
    return buildResponse(result.reads, version);
  },
});

function fetchTargets(
  services: BrokerServices,
  request: FetchRequest,
  version: number,
): FetchTarget[] {
  const image = services.image();
  const targets: FetchTarget[] = [];
  for (const topic of request.topics) {
    const name = version >= 13 ? image.topicsById.get(topic.topicId)?.name : topic.topic;
    for (const partition of topic.partitions) {
      targets.push({
        topic: name ?? topic.topic,
        topicId: topic.topicId,
        partition: partition.partition,
        fetchOffset: partition.fetchOffset,
        currentLeaderEpoch: version >= 9 ? partition.currentLeaderEpoch : -1,
        partitionMaxBytes: partition.partitionMaxBytes,
        unknownTopicId: name === undefined,
      });
    }
  }
  return targets;
}

/** Park the fetch until enough bytes are there, an error shows up, or the wait is over. */
function waitForData(
  services: BrokerServices,
  targets: FetchTarget[],
  isFollower: boolean,
  maxBytes: number,
  request: FetchRequest,
): Promise<ReturnType<typeof readPartitions>> {
  return new Promise((resolve) => {
    let done = false;
    const attempt = (expired: boolean): boolean => {
      if (done) return true;
      if (!expired && !mayHaveNews(services, targets, isFollower)) return false;
      const result = readPartitions(services, targets, isFollower, maxBytes);
      if (!expired && result.bytes < request.minBytes && !result.hasError) return false;
      done = true;
      resolve(result);
      return true;
    };
    const watched = services.replicas.purgatory.tryCompleteElseWatch({
      watchKeys: targets.map((target) => `${target.topic}-${target.partition}`),
      deadlineMs: services.clock.nowMs() + request.maxWaitMs,
      tryComplete: () => attempt(false),
      onExpire: () => void attempt(true),
    });
    if (!watched) attempt(true);
  });
}

function buildResponse(reads: FetchRead[], version: number): FetchResponse {
  const response = { ...defaultFetchResponse(), sessionId: 0 };
  for (const { target, data } of reads) {
    const key = version >= 13 ? target.topicId : target.topic;
    let topic = response.responses.find((t) => (version >= 13 ? t.topicId : t.topic) === key);
    if (topic === undefined) {
      topic = { topic: target.topic, topicId: target.topicId, partitions: [] };
      response.responses.push(topic);
    }
    topic.partitions.push(data);
  }
  return response;
}
