/**
 * OffsetFetch (key 9): a group's committed offsets, -1 where none was committed. v2+ may
 * ask for every committed offset (topics null) and carry a top-level error; v8+ ask for
 * many groups at once, each answered on its own. v1 has no top-level error: a coordinator
 * error is put on every partition asked for. require_stable (v7+) asks to wait for pending
 * transactional commits, which this playground never has. v0 (offsets in ZooKeeper) is
 * gone from Kafka 4 and not offered.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { OffsetFetchRequest } from "../../protocol/generated/messages/offset-fetch-request.ts";
import {
  defaultOffsetFetchResponse,
  type OffsetFetchResponse,
  type OffsetFetchResponseOffsetFetchResponseTopic,
} from "../../protocol/generated/messages/offset-fetch-response.ts";
import type { BrokerServices } from "../broker-services.ts";
import { defineHandler } from "../../server/handler.ts";
import {
  NO_COMMITTED_OFFSET,
  type FetchedOffset,
  type RequestedTopic,
} from "../group/offset-fetch.ts";

export const offsetFetchHandler = defineHandler<
  OffsetFetchRequest,
  OffsetFetchResponse,
  BrokerServices
>({
  apiKey: ApiKey.OffsetFetch,
  minVersion: 1,
  maxVersion: 9,
  handle(request, { services, meta }) {
    const version = meta.apiVersion;
    const response = defaultOffsetFetchResponse();
    if (version >= 8) {
      response.groups = request.groups.map((group) => {
        const { errorCode, topics } = fetchGroup(services, group.groupId, group.topics);
        return { groupId: group.groupId, errorCode, topics };
      });
      return response;
    }
    const { errorCode, topics } = fetchGroup(services, request.groupId, request.topics);
    if (version >= 2 || errorCode === ErrorCode.NONE) return { ...response, errorCode, topics };
    // v1: the error goes on each partition asked for.
    const failed = (request.topics ?? []).flatMap(({ name, partitionIndexes }) =>
      partitionIndexes.map((partition) => failedOffset(name, partition, errorCode)),
    );
    return { ...response, topics: byTopic(failed) };
  },
});

function fetchGroup(
  services: BrokerServices,
  groupId: string,
  topics: readonly { name: string; partitionIndexes: number[] }[] | null,
): { errorCode: number; topics: OffsetFetchResponseOffsetFetchResponseTopic[] } {
  const requested: RequestedTopic[] | null =
    topics?.map(({ name, partitionIndexes }) => ({ name, partitions: partitionIndexes })) ?? null;
  const fetched = services.groups?.fetchOffsets(groupId, requested) ?? {
    errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
    offsets: [],
  };
  return { errorCode: fetched.errorCode, topics: byTopic(fetched.offsets) };
}

function failedOffset(topic: string, partition: number, errorCode: number): FetchedOffset {
  return {
    topic,
    partition,
    offset: NO_COMMITTED_OFFSET,
    leaderEpoch: -1,
    metadata: "",
    errorCode,
  };
}

/** Partitions grouped under their topics, in the order first seen. */
function byTopic(offsets: readonly FetchedOffset[]): OffsetFetchResponseOffsetFetchResponseTopic[] {
  const topics = new Map<string, OffsetFetchResponseOffsetFetchResponseTopic>();
  for (const offset of offsets) {
    let topic = topics.get(offset.topic);
    if (topic === undefined)
      topics.set(offset.topic, (topic = { name: offset.topic, partitions: [] }));
    topic.partitions.push({
      partitionIndex: offset.partition,
      committedOffset: offset.offset,
      committedLeaderEpoch: offset.leaderEpoch,
      metadata: offset.metadata,
      errorCode: offset.errorCode,
    });
  }
  return [...topics.values()];
}
