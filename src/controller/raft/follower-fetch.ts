/**
 * Fetch, the follower's and observer's side: fetch from the log end with the epoch of the
 * last batch held; append what comes back; take the leader's high watermark (never past
 * this log's end); and when the leader reports a divergence, cut the log back to where
 * it says — never merely to the HW (KIP-101, KIP-595). A follower fetches again as soon as
 * an answer is in; the leader's long poll paces it. Each good answer from the leader
 * resets the fetch timeout.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import {
  defaultFetchRequest,
  defaultFetchRequestFetchPartition,
  type FetchRequest,
} from "../../protocol/generated/messages/fetch-request.ts";
import type { FetchResponse } from "../../protocol/generated/messages/fetch-response.ts";
import { readRecordBatchHeader } from "../../protocol/records/record-batch.ts";
import { handleCommonResponse } from "./common-checks.ts";
import {
  METADATA_PARTITION,
  METADATA_TOPIC_ID,
  METADATA_TOPIC_NAME,
  SENT_VERSIONS,
} from "./metadata-partition.ts";
import type { PeerResult } from "./peer-requests.ts";
import { MAX_FETCH_BYTES } from "./raft-config.ts";
import type { RaftCore } from "./raft-core.ts";

export function buildFetchRequest(core: RaftCore): FetchRequest {
  const log = core.log;
  return {
    ...defaultFetchRequest(),
    clusterId: core.options.clusterId,
    replicaId: core.nodeId,
    replicaState: { replicaId: core.nodeId, replicaEpoch: -1n },
    maxWaitMs: core.config.fetchMaxWaitMs,
    minBytes: 0,
    maxBytes: MAX_FETCH_BYTES,
    topics: [
      {
        topic: METADATA_TOPIC_NAME,
        topicId: METADATA_TOPIC_ID,
        partitions: [
          {
            ...defaultFetchRequestFetchPartition(),
            partition: METADATA_PARTITION,
            currentLeaderEpoch: core.quorum.epoch,
            fetchOffset: log.endOffset,
            lastFetchedEpoch: log.lastFetchedEpoch,
            partitionMaxBytes: MAX_FETCH_BYTES,
          },
        ],
      },
    ],
  };
}

/** True while a fetch is out to any node (an observer asks one voter at a time). */
export function isFetching(core: RaftCore): boolean {
  return core.quorum.voters.some((voter) => core.peers.isInFlight(voter, ApiKey.Fetch));
}

export function maybeSendFetch(core: RaftCore, destination: number): void {
  if (core.stopped || !core.peers.isReady(destination, ApiKey.Fetch, core.now())) return;
  const request = buildFetchRequest(core);
  const fetchOffset = core.log.endOffset;
  void core.peers
    .send<FetchResponse>(destination, ApiKey.Fetch, SENT_VERSIONS[ApiKey.Fetch], request)
    .then((result) =>
      core.runDetached("fetch response", () =>
        handleFetchResponse(core, destination, fetchOffset, result),
      ),
    );
}

async function handleFetchResponse(
  core: RaftCore,
  source: number,
  fetchOffset: bigint,
  result: PeerResult<FetchResponse>,
): Promise<void> {
  const now = core.now();
  if (!result.ok) {
    core.peers.backOff(source, ApiKey.Fetch, now);
    return;
  }
  const response = result.response;
  const partition = response.responses[0]?.partitions[0];
  if (response.errorCode !== ErrorCode.NONE || partition === undefined) {
    if (response.errorCode === ErrorCode.INCONSISTENT_CLUSTER_ID)
      core.report("fetch", `node ${source} is in another cluster`, response.errorCode);
    core.peers.backOff(source, ApiKey.Fetch, now);
    return;
  }
  const { leaderId, leaderEpoch } = partition.currentLeader;
  const handled = await handleCommonResponse(core, partition.errorCode, leaderId, leaderEpoch);
  if (partition.errorCode !== ErrorCode.NONE) core.peers.backOff(source, ApiKey.Fetch, now);
  if (handled || partition.errorCode !== ErrorCode.NONE) return;
  const state = core.quorum.state;
  // Only the answer of this epoch's leader to a fetch from this log's current end counts.
  if (
    state.role !== "follower" ||
    state.leaderId !== source ||
    state.epoch !== leaderEpoch ||
    fetchOffset !== core.log.endOffset
  )
    return;
  state.fetchDeadlineMs = now + core.config.fetchTimeoutMs;
  const log = core.log;
  if (partition.divergingEpoch.endOffset >= 0n) {
    const offset = log.truncationOffsetFor({
      epoch: partition.divergingEpoch.epoch,
      offset: partition.divergingEpoch.endOffset,
    });
    if (offset < core.highWatermark) {
      // Committed records are never cut: a leader asking for it is wrong (Kafka refuses too).
      core.report(
        "fetch",
        `leader ${source} asked to truncate to ${offset}, below the high watermark ${core.highWatermark}`,
        ErrorCode.INVALID_REQUEST,
      );
      core.peers.backOff(source, ApiKey.Fetch, now);
      return;
    }
    const truncated = await log.truncateTo(offset);
    if (!truncated.ok) core.report("truncate", truncated.message, truncated.errorCode);
    // The log now ends where the leader's agrees (or closer): fetch from there, HW next time.
    maybeSendFetch(core, source);
    return;
  }
  if (!(await appendFetched(core, source, partition.records))) {
    core.peers.backOff(source, ApiKey.Fetch, now);
    return;
  }
  if (partition.highWatermark >= 0n) {
    const end = log.endOffset;
    core.advanceHighWatermark(partition.highWatermark < end ? partition.highWatermark : end);
  }
  maybeSendFetch(core, source);
}

async function appendFetched(
  core: RaftCore,
  source: number,
  records: Uint8Array | null,
): Promise<boolean> {
  if (records === null || records.length === 0) return true;
  const log = core.log;
  const first = readRecordBatchHeader(records, 0, records.length);
  if (!first.ok || first.value.baseOffset !== log.endOffset) {
    core.report(
      "fetch",
      `leader ${source} sent records that do not start at the log end ${log.endOffset}`,
      ErrorCode.CORRUPT_MESSAGE,
    );
    return false;
  }
  const appended = await log.appendAsFollower(records, core.now());
  if (!appended.ok) {
    core.report("append as follower", appended.message, appended.errorCode);
    return false;
  }
  return true;
}
