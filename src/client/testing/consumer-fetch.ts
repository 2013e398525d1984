/**
 * A plain consumer Fetch for tests and harnesses (sessionless, no waiting, by topic name)
 * and the values of the records it returns: what the simulator's and the browser
 * harness's clients both send to read a partition back.
 */
import { ApiKey } from "../../protocol/generated/api-table.ts";
import {
  defaultFetchRequest,
  type FetchRequest,
} from "../../protocol/generated/messages/fetch-request.ts";
import type {
  FetchResponse,
  FetchResponsePartitionData,
} from "../../protocol/generated/messages/fetch-response.ts";
import { ZERO_UUID } from "../../protocol/primitives/uuid.ts";
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import type { Connection } from "../connection.ts";

/** Fetch v12: the newest version that still names topics. */
const FETCH_VERSION = 12;
const MAX_BYTES = 1 << 20;

function consumerFetch(topic: string, partition: number, fetchOffset: bigint): FetchRequest {
  return {
    ...defaultFetchRequest(),
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: MAX_BYTES,
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
            fetchOffset,
            lastFetchedEpoch: -1,
            logStartOffset: -1n,
            partitionMaxBytes: MAX_BYTES,
            replicaDirectoryId: ZERO_UUID,
          },
        ],
      },
    ],
  };
}

/** One partition's answer to a consumer Fetch from `fetchOffset`. */
export async function fetchPartition(
  connection: Connection,
  topic: string,
  partition: number,
  fetchOffset: bigint,
): Promise<FetchResponsePartitionData> {
  const response = await connection.request<FetchResponse>(
    ApiKey.Fetch,
    FETCH_VERSION,
    consumerFetch(topic, partition, fetchOffset),
  );
  return response.responses[0]!.partitions[0]!;
}

/** The values (as text) of the records at or after `fromOffset`, and the offset after the last batch. */
export function recordValues(
  records: Uint8Array | null,
  fromOffset: bigint,
): { values: string[]; nextOffset: bigint } {
  const values: string[] = [];
  let nextOffset = fromOffset;
  const bytes = records ?? new Uint8Array(0);
  for (const entry of iterateRecordBatches(bytes)) {
    if (entry.kind !== "batch") break;
    const decoded = decodeRecordBatch(bytes, { position: entry.header.position });
    if (!decoded.ok) break;
    for (const record of decoded.value.records) {
      if (record.offset >= fromOffset)
        values.push(new TextDecoder().decode(record.value ?? new Uint8Array(0)));
    }
    nextOffset = entry.header.lastOffset + 1n;
  }
  return { values, nextOffset };
}
