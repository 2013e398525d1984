/**
 * Turns one partition's fetched records section into messages, as Java's CompletedFetch
 * does: whole RecordBatches only (a batch cut off by the byte limit is fetched again next
 * time), every codec via decodeRecordBatch, records before the fetch position skipped (a
 * batch starts wherever its producer's batch started), control batches never shown, and
 * under read_committed the batches of aborted transactions dropped. The next fetch offset is
 * one past the last whole batch, so a batch emptied by compaction is still stepped over.
 */
import type { FetchResponseAbortedTransaction } from "../../protocol/generated/messages/fetch-response.ts";
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import type { RecordBatchHeader } from "../../protocol/records/batch-header.ts";
import type { DecodedRecord } from "../../protocol/records/decoded-record.ts";
import { KafkaProtocolError } from "../kafka-error.ts";
import { ErrorCode } from "../../protocol/generated/error-codes.ts";
import type { KafkaMessage, MessageHeaders } from "./consumer-types.ts";

export interface FetchedRecords {
  messages: KafkaMessage[];
  /** Where the next fetch starts: past the last whole batch, or the position when none came. */
  nextOffset: bigint;
}

/** Control record type of an abort marker (ControlRecordType.ABORT). */
const ABORT_MARKER = 0;

export function readFetchedRecords(
  records: Uint8Array | null,
  position: bigint,
  readCommitted: boolean,
  abortedTransactions: readonly FetchResponseAbortedTransaction[] | null,
): FetchedRecords {
  const bytes = records ?? new Uint8Array(0);
  const messages: KafkaMessage[] = [];
  let nextOffset = position;
  const aborted = readCommitted
    ? [...(abortedTransactions ?? [])].sort((a, b) => compare(a.firstOffset, b.firstOffset))
    : [];
  const abortedProducers = new Set<bigint>();
  for (const entry of iterateRecordBatches(bytes, { verifyCrc: false })) {
    if (entry.kind === "torn-tail") break;
    if (entry.kind === "corrupt") {
      throw new KafkaProtocolError(ErrorCode.CORRUPT_MESSAGE, entry.error.message);
    }
    const header = entry.header;
    if (header.lastOffset < position) continue;
    // Transactions that began at or before this batch's last offset, as the fetch reported them.
    while (aborted.length > 0 && aborted[0]!.firstOffset <= header.lastOffset) {
      abortedProducers.add(aborted.shift()!.producerId);
    }
    const decoded = decodeRecordBatch(bytes, { position: header.position });
    // CORRUPT_MESSAGE, or UNSUPPORTED_COMPRESSION_TYPE when the shell never loaded zstd.
    if (!decoded.ok) throw new KafkaProtocolError(decoded.error.errorCode, decoded.error.message);
    nextOffset = header.lastOffset + 1n;
    if (header.isControl) {
      if (isAbortMarker(decoded.value.records[0])) abortedProducers.delete(header.producerId);
      continue;
    }
    if (header.isTransactional && abortedProducers.has(header.producerId)) continue;
    for (const record of decoded.value.records) {
      if (record.offset >= position) messages.push(toMessage(record, header));
    }
  }
  return { messages, nextOffset };
}

function isAbortMarker(record: DecodedRecord | undefined): boolean {
  const key = record?.key;
  // A control record's key: version (int16), type (int16).
  return (
    key !== null &&
    key !== undefined &&
    key.length >= 4 &&
    ((key[2]! << 8) | key[3]!) === ABORT_MARKER
  );
}

function toMessage(record: DecodedRecord, header: RecordBatchHeader): KafkaMessage {
  // Copies: the handler may keep a message long after the response buffer is gone.
  const key = record.key?.slice() ?? null;
  const value = record.value?.slice() ?? null;
  return {
    key,
    value,
    timestamp: record.timestamp.toString(),
    attributes: header.attributes,
    offset: record.offset.toString(),
    headers: headersOf(record),
    size: (key?.length ?? 0) + (value?.length ?? 0),
  };
}

function headersOf(record: DecodedRecord): MessageHeaders {
  // No prototype: a header named "__proto__" is just a header.
  const headers = Object.create(null) as MessageHeaders;
  if (record.headerCount === 0) return headers;
  for (const { key, value } of record.headers) {
    const copy = value?.slice() ?? null;
    const seen = headers[key];
    if (seen === undefined) headers[key] = copy;
    else if (Array.isArray(seen)) seen.push(copy);
    else headers[key] = [seen, copy];
  }
  return headers;
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
