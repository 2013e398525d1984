/**
 * Fetch (key 1) of `__cluster_metadata-0`, the leader's side. A fetch is also the
 * follower's acknowledgement: its fetch offset is its end offset, which moves the high
 * watermark. The answer carries records from the fetch offset, the HW, the leader and
 * epoch, and — when the fetcher's last fetched epoch does not match this log — the epoch
 * and end offset to truncate to instead of records (divergingEpoch, KIP-595). With
 * nothing new to say the fetch waits (long poll) up to its maxWaitMs, at most
 * fetchMaxWaitMs.
 */
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type {
  FetchRequest,
  FetchRequestFetchPartition,
} from "../../protocol/generated/messages/fetch-request.ts";
import {
  defaultFetchResponsePartitionData,
  type FetchResponse,
  type FetchResponsePartitionData,
} from "../../protocol/generated/messages/fetch-response.ts";
import { isSameCluster, validateLeaderOnlyRequest } from "./common-checks.ts";
import {
  METADATA_PARTITION,
  METADATA_TOPIC_ID,
  METADATA_TOPIC_NAME,
} from "./metadata-partition.ts";
import { MAX_FETCH_BYTES } from "./raft-config.ts";
import type { RaftCore } from "./raft-core.ts";

function response(
  partitions: FetchResponsePartitionData[],
  errorCode: number = ErrorCode.NONE,
): FetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode,
    sessionId: 0,
    responses:
      partitions.length === 0
        ? []
        : [{ topic: METADATA_TOPIC_NAME, topicId: METADATA_TOPIC_ID, partitions }],
    nodeEndpoints: [],
  };
}

function partitionAnswer(
  core: RaftCore,
  errorCode: number,
  fields: Partial<FetchResponsePartitionData> = {},
): FetchResponsePartitionData {
  return {
    ...defaultFetchResponsePartitionData(),
    partitionIndex: METADATA_PARTITION,
    errorCode,
    highWatermark: core.closed ? -1n : (core.leaderState?.highWatermark ?? -1n),
    logStartOffset: core.closed ? -1n : core.log.startOffset,
    currentLeader: { leaderId: core.quorum.leaderId, leaderEpoch: core.quorum.epoch },
    records: new Uint8Array(0),
    ...fields,
  };
}

/** Problems visible in the request alone, answered at once; null when it is a fetch of the metadata partition. */
export function checkFetchRequest(
  core: RaftCore,
  request: FetchRequest,
  version: number,
): FetchResponse | null {
  if (!isSameCluster(core, request.clusterId))
    return response([], ErrorCode.INCONSISTENT_CLUSTER_ID);
  const topic = request.topics[0];
  if (request.topics.length !== 1 || topic === undefined || topic.partitions.length !== 1)
    return response([], ErrorCode.INVALID_REQUEST);
  const partition = topic.partitions[0]!;
  const known =
    version >= 13 ? topic.topicId === METADATA_TOPIC_ID : topic.topic === METADATA_TOPIC_NAME;
  if (!known || partition.partition !== METADATA_PARTITION) {
    const errorCode =
      version >= 13 ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    return response([
      {
        ...defaultFetchResponsePartitionData(),
        partitionIndex: partition.partition,
        errorCode,
        highWatermark: -1n,
      },
    ]);
  }
  return null;
}

export function fetchingReplicaId(request: FetchRequest, version: number): number {
  return version >= 15 ? request.replicaState.replicaId : request.replicaId;
}

export function closedFetchResponse(): FetchResponse {
  return response([
    {
      ...defaultFetchResponsePartitionData(),
      errorCode: ErrorCode.BROKER_NOT_AVAILABLE,
      highWatermark: -1n,
    },
  ]);
}

export interface FetchAnswer {
  response: FetchResponse;
  /** True when the answer has nothing new for the fetcher: it may be held until there is. */
  mayWait: boolean;
}

/** Builds the answer from the state now (a checked request; run inside the node's task). */
export function answerFetch(core: RaftCore, request: FetchRequest, version: number): FetchAnswer {
  const fetch: FetchRequestFetchPartition = request.topics[0]!.partitions[0]!;
  const error = validateLeaderOnlyRequest(core, fetch.currentLeaderEpoch);
  if (error !== ErrorCode.NONE)
    return { response: response([partitionAnswer(core, error)]), mayWait: false };
  if (
    fetch.fetchOffset < 0n ||
    fetch.lastFetchedEpoch < 0 ||
    fetch.lastFetchedEpoch > fetch.currentLeaderEpoch
  ) {
    return {
      response: response([partitionAnswer(core, ErrorCode.INVALID_REQUEST)]),
      mayWait: false,
    };
  }
  const leader = core.leaderState!;
  const log = core.log;
  const now = core.now();
  const replicaId = fetchingReplicaId(request, version);
  if (core.isVoter(replicaId)) leader.noteVoterFetch(replicaId, now);
  const position = log.validateFetchPosition(fetch.fetchOffset, fetch.lastFetchedEpoch);
  if (position.kind === "diverging") {
    const divergingEpoch = {
      epoch: position.divergingEpoch.epoch,
      endOffset: position.divergingEpoch.offset,
    };
    return {
      response: response([partitionAnswer(core, ErrorCode.NONE, { divergingEpoch })]),
      mayWait: false,
    };
  }
  const maxBytes = Math.max(1, Math.min(fetch.partitionMaxBytes, MAX_FETCH_BYTES));
  const read = log.read(fetch.fetchOffset, maxBytes);
  if (!read.ok)
    return { response: response([partitionAnswer(core, read.errorCode)]), mayWait: false };
  if (replicaId >= 0 && replicaId !== core.nodeId) {
    // The fetch offset is the replica's end offset: it may commit more, which the held fetches then learn.
    if (leader.updateReplica(replicaId, fetch.fetchOffset, now, log.endOffset))
      core.afterLeaderProgress(true);
  }
  const highWatermark = leader.highWatermark ?? -1n;
  const replica = leader.replica(replicaId);
  const tellsNewHighWatermark =
    replica !== undefined && highWatermark > replica.lastSentHighWatermark;
  const mayWait = read.records.length === 0 && !tellsNewHighWatermark && request.maxWaitMs > 0;
  if (!mayWait && replica !== undefined) replica.lastSentHighWatermark = highWatermark;
  return {
    response: response([
      partitionAnswer(core, ErrorCode.NONE, { records: read.records, highWatermark }),
    ]),
    mayWait,
  };
}
