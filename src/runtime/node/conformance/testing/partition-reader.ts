/**
 * Reads a partition the way a plain consumer does, without a group: Fetch requests from
 * offset 0 (or a given offset) to the high watermark, on our own client Connection over
 * TCP, decoding every batch. A partition error (NOT_LEADER_OR_FOLLOWER, ...) is thrown with
 * Kafka's error name so a test failure says what the broker answered.
 */
import { Connection } from "../../../../client/connection.ts";
import { ApiKey } from "../../../../protocol/generated/api-table.ts";
import { ERRORS, ErrorCode } from "../../../../protocol/generated/error-codes.ts";
import {
  defaultFetchRequest,
  defaultFetchRequestFetchPartition,
} from "../../../../protocol/generated/messages/fetch-request.ts";
import type { FetchResponse } from "../../../../protocol/generated/messages/fetch-response.ts";
import {
  decodeRecordBatch,
  iterateRecordBatches,
  type CompressionType,
} from "../../../../protocol/records/record-batch.ts";
import type { HostPort } from "../../endpoint-lists.ts";
import { TcpTransport } from "../../tcp-transport.ts";

/** Fetch v12: the newest version that still names topics (v13+ sends topic ids). */
const FETCH_VERSION = 12;
const MAX_BYTES = 1 << 20;
/** Stop a read that makes no progress (a bug, not a slow broker). */
const MAX_FETCHES = 10_000;

export interface FetchedRecord {
  offset: bigint;
  key: string | null;
  value: string | null;
  headers: Record<string, string | null>;
  producerId: bigint;
  sequence: number;
  /** The codec of the batch the record came in. */
  compression: CompressionType;
}

export interface PartitionContents {
  highWatermark: bigint;
  logStartOffset: bigint;
  records: FetchedRecord[];
}

export class PartitionFetchError extends Error {
  override readonly name = "PartitionFetchError";
  constructor(readonly errorCode: number) {
    super(`Fetch failed: ${ERRORS.get(errorCode)?.name ?? `error code ${errorCode}`}`);
  }
}

const utf8 = new TextDecoder();
const text = (bytes: Uint8Array | null): string | null =>
  bytes === null ? null : utf8.decode(bytes);

/** Every record of `topic`-`partition` from `fromOffset` up to the high watermark. */
export async function readPartition(
  broker: HostPort,
  topic: string,
  partition: number,
  fromOffset = 0n,
): Promise<PartitionContents> {
  const connection = new Connection(
    TcpTransport.connect(broker.host, broker.port),
    "conformance-reader",
  );
  try {
    const records: FetchedRecord[] = [];
    let offset = fromOffset;
    for (let fetches = 0; fetches < MAX_FETCHES; fetches++) {
      const answer = await fetchOnce(connection, topic, partition, offset);
      if (answer.errorCode !== ErrorCode.NONE) throw new PartitionFetchError(answer.errorCode);
      for (const record of decodeRecords(answer.records ?? new Uint8Array(0))) {
        if (record.offset >= offset) records.push(record);
      }
      offset = records.length > 0 ? records[records.length - 1]!.offset + 1n : offset;
      if (offset >= answer.highWatermark) {
        return {
          highWatermark: answer.highWatermark,
          logStartOffset: answer.logStartOffset,
          records,
        };
      }
    }
    throw new Error(`no progress reading ${topic}-${partition} at offset ${offset}`);
  } finally {
    connection.close();
  }
}

async function fetchOnce(connection: Connection, topic: string, partition: number, offset: bigint) {
  const response = await connection.request<FetchResponse>(ApiKey.Fetch, FETCH_VERSION, {
    ...defaultFetchRequest(),
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: MAX_BYTES,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic,
        partitions: [
          {
            ...defaultFetchRequestFetchPartition(),
            partition,
            fetchOffset: offset,
            partitionMaxBytes: MAX_BYTES,
          },
        ],
      },
    ],
    forgottenTopicsData: [],
    rackId: "",
  });
  if (response.errorCode !== ErrorCode.NONE) throw new PartitionFetchError(response.errorCode);
  const data = response.responses[0]?.partitions[0];
  if (data === undefined) throw new Error(`Fetch response without ${topic}-${partition}`);
  return data;
}

/** Records of the whole batches in `bytes`; a torn last batch (the byte budget ran out) is left for the next fetch. */
function* decodeRecords(bytes: Uint8Array): Generator<FetchedRecord> {
  for (const entry of iterateRecordBatches(bytes)) {
    if (entry.kind === "torn-tail") return;
    if (entry.kind === "corrupt") throw entry.error;
    const decoded = decodeRecordBatch(bytes, { position: entry.header.position });
    if (!decoded.ok) throw decoded.error;
    for (const record of decoded.value.records) {
      yield {
        offset: record.offset,
        key: text(record.key),
        value: text(record.value),
        headers: Object.fromEntries(
          record.headers.map((header) => [header.key, text(header.value)]),
        ),
        producerId: entry.header.producerId,
        sequence: record.sequence,
        compression: entry.header.compression,
      };
    }
  }
}
