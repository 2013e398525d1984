/**
 * Reads a partition back, values and all, as a consumer would: Fetch requests to the leader
 * (read_uncommitted, so up to the HW), every batch decoded. The store keeps offsets and keys
 * of recent records but not values; lessons that ask "is this record in the log twice?" or
 * "what is left of key bob after compaction?" read the log itself, through the same
 * protocol a learner's consumer uses. Each record also says which producer id wrote it
 * (-1 for a producer without idempotence), as the batch header carries it.
 */
import type { ClientCluster } from "../../../client/cluster/client-cluster.ts";
import { KafkaProtocolError } from "../../../client/kafka-error.ts";
import { ApiKey } from "../../../protocol/generated/api-table.ts";
import { ErrorCode } from "../../../protocol/generated/error-codes.ts";
import {
  defaultFetchRequest,
  type FetchRequest,
} from "../../../protocol/generated/messages/fetch-request.ts";
import type { FetchResponse } from "../../../protocol/generated/messages/fetch-response.ts";
import { ZERO_UUID } from "../../../protocol/primitives/uuid.ts";
import { decodeRecordBatch } from "../../../protocol/records/record-batch-decoder.ts";
import { iterateRecordBatches } from "../../../protocol/records/record-batch-scan.ts";

export interface LoggedRecord {
  offset: number;
  key: string | null;
  /** Null for a tombstone. */
  value: string | null;
  /** The writer's producer id; -1 when it was not idempotent. */
  producerId: number;
}

export interface PartitionRead {
  records: LoggedRecord[];
  logStartOffset: number;
  highWatermark: number;
}

/** The newest Fetch that names topics (v13 onwards names them by id). */
const FETCH_VERSION_BY_NAME = 12;
const FETCH_MAX_BYTES = 1_048_576;
/** A lesson's topics are small; this bounds a read of a runaway one. */
export const MAX_RECORDS_READ = 20_000;

const utf8 = new TextDecoder();
const text = (bytes: Uint8Array | null) => (bytes === null ? null : utf8.decode(bytes));

function fetchRequest(topic: string, partition: number, offset: bigint): FetchRequest {
  return {
    ...defaultFetchRequest(),
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: FETCH_MAX_BYTES,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic,
        topicId: ZERO_UUID,
        partitions: [
          {
            partition,
            currentLeaderEpoch: -1,
            fetchOffset: offset,
            lastFetchedEpoch: -1,
            logStartOffset: -1n,
            partitionMaxBytes: FETCH_MAX_BYTES,
            replicaDirectoryId: ZERO_UUID,
          },
        ],
      },
    ],
  };
}

/** The records of one Fetch answer at or after `from`, and where the next fetch starts. */
function decodeRecords(
  bytes: Uint8Array,
  from: bigint,
  into: LoggedRecord[],
): { nextOffset: bigint } {
  let nextOffset = from;
  for (const entry of iterateRecordBatches(bytes, { verifyCrc: false })) {
    if (entry.kind !== "batch") break; // a batch cut off by maxBytes comes whole next time
    const header = entry.header;
    nextOffset = header.lastOffset + 1n;
    if (header.isControl) continue;
    const decoded = decodeRecordBatch(bytes, { position: header.position, verifyCrc: false });
    if (!decoded.ok) {
      throw new KafkaProtocolError(decoded.error.errorCode, decoded.error.message);
    }
    for (const record of decoded.value.records) {
      if (record.offset < from) continue;
      into.push({
        offset: Number(record.offset),
        key: text(record.key),
        value: text(record.value),
        producerId: Number(header.producerId),
      });
    }
  }
  return { nextOffset };
}

/**
 * Every record of the partition from `fromOffset` (clamped to the log start) up to the HW.
 * Throws when the leader cannot be asked (the caller's check simply tries again later).
 */
export async function readPartition(
  cluster: ClientCluster,
  topic: string,
  partition: number,
  fromOffset = 0,
): Promise<PartitionRead> {
  if (cluster.leaderFor(topic, partition) === null || cluster.metadataStale) {
    await cluster.refreshMetadata([topic]);
  }
  const leader = cluster.leaderFor(topic, partition);
  if (leader === null) {
    throw new KafkaProtocolError(ErrorCode.LEADER_NOT_AVAILABLE, `${topic}-${partition}`);
  }
  const records: LoggedRecord[] = [];
  let offset = BigInt(Math.max(0, fromOffset));
  let logStartOffset = -1n;
  let highWatermark = -1n;
  while (records.length < MAX_RECORDS_READ) {
    const { response } = await cluster
      .request<FetchResponse>(leader, ApiKey.Fetch, fetchRequest(topic, partition, offset), {
        maxVersion: FETCH_VERSION_BY_NAME,
      })
      .catch((error: unknown) => {
        // The leader moved or went away: ask for metadata again next time.
        void cluster.refreshMetadata([topic]).catch(() => {});
        throw error;
      });
    const answer = response.responses[0]?.partitions[0];
    if (answer === undefined) {
      throw new KafkaProtocolError(ErrorCode.UNKNOWN_SERVER_ERROR, `no answer for ${topic}`);
    }
    if (answer.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE && answer.logStartOffset > offset) {
      offset = answer.logStartOffset; // retention deleted what was asked for: start at the log start
      continue;
    }
    if (answer.errorCode !== ErrorCode.NONE) {
      if (answer.errorCode !== ErrorCode.OFFSET_OUT_OF_RANGE) void cluster.refreshMetadata([topic]);
      throw new KafkaProtocolError(answer.errorCode, `fetch ${topic}-${partition} at ${offset}`);
    }
    logStartOffset = answer.logStartOffset;
    highWatermark = answer.highWatermark;
    if (offset < logStartOffset) offset = logStartOffset;
    const { nextOffset } = decodeRecords(answer.records ?? new Uint8Array(0), offset, records);
    if (nextOffset <= offset || nextOffset >= highWatermark) break;
    offset = nextOffset;
  }
  return {
    records: records.filter((record) => record.offset < Number(highWatermark)),
    logStartOffset: Number(logStartOffset),
    highWatermark: Number(highWatermark),
  };
}
