/**
 * Turns one partition's fetched records section into messages, as Java's CompletedFetch
 * does: whole RecordBatches only (a batch cut off by the byte limit is fetched again next
 * time), every codec via decodeRecordBatch, records before the fetch position skipped (a
 * batch starts wherever its producer's batch started), control batches never shown, and
 * under read_committed the batches of aborted transactions dropped. The next fetch offset is
 * one past the last whole batch, so a batch emptied by compaction is still stepped over.
 *
 * At hundreds of thousands of records a second, what each message costs to make is most of
 * what consuming costs: each batch's bytes are copied once and its messages' keys and values
 * are views of that copy (not a copy each: a handler that keeps a message keeps its batch's
 * bytes alive, not the whole response); offsets are written out from numbers while they are
 * exact, and a timestamp's text is reused by the records that share it.
 */
import type { FetchResponseAbortedTransaction } from "../../protocol/generated/messages/fetch-response.ts";
import { decodeRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
import { iterateRecordBatches } from "../../protocol/records/record-batch-scan.ts";
import type { RecordBatchHeader } from "../../protocol/records/batch-header.ts";
import type { DecodedRecordBatch } from "../../protocol/records/record-batch-decoder.ts";
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
  const texts = new MessageMaker();
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
    const decoded = decodeOwnCopy(bytes, header);
    nextOffset = header.lastOffset + 1n;
    if (header.isControl) {
      if (isAbortMarker(decoded.records[0])) abortedProducers.delete(header.producerId);
      continue;
    }
    if (header.isTransactional && abortedProducers.has(header.producerId)) continue;
    texts.addMessages(decoded, position, messages);
  }
  return { messages, nextOffset };
}

/**
 * The batch decoded from bytes of its own: a compressed batch decompresses into new bytes
 * anyway; an uncompressed one is copied first, whole.
 */
function decodeOwnCopy(bytes: Uint8Array, header: RecordBatchHeader): DecodedRecordBatch {
  const decoded =
    header.compression === "none"
      ? decodeRecordBatch(bytes.slice(header.position, header.position + header.sizeInBytes))
      : decodeRecordBatch(bytes, { position: header.position });
  // CORRUPT_MESSAGE, or UNSUPPORTED_COMPRESSION_TYPE when the shell never loaded zstd.
  if (!decoded.ok) throw new KafkaProtocolError(decoded.error.errorCode, decoded.error.message);
  return decoded.value;
}

/** Makes the messages of one fetch, remembering the last timestamp's text. */
class MessageMaker {
  private lastTimestamp = Number.NaN;
  private lastTimestampText = "";

  /** The batch's records from `position` on, as messages appended to `messages`. */
  addMessages(batch: DecodedRecordBatch, position: bigint, messages: KafkaMessage[]): void {
    const header = batch.header;
    const skipBefore = header.baseOffset >= position ? -1 : Number(position - header.baseOffset);
    for (const record of batch.records) {
      if (record.offsetDelta < skipBefore) continue;
      messages.push(this.message(record, header));
    }
  }

  private message(record: DecodedRecord, header: RecordBatchHeader): KafkaMessage {
    const key = record.key;
    const value = record.value;
    const offset = record.offsetNumber;
    return {
      key,
      value,
      timestamp: this.timestampText(record),
      attributes: header.attributes,
      offset: Number.isNaN(offset) ? record.offset.toString() : String(offset),
      headers: headersOf(record),
      size: (key?.length ?? 0) + (value?.length ?? 0),
    };
  }

  private timestampText(record: DecodedRecord): string {
    const timestamp = record.timestampNumber;
    if (timestamp === this.lastTimestamp) return this.lastTimestampText;
    // A bigint prints faster than a number this large.
    const text = record.timestamp.toString();
    this.lastTimestamp = timestamp;
    this.lastTimestampText = text;
    return text;
  }
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

/**
 * A message's headers object: no Object.prototype behind it, so a header named "__proto__"
 * is just a header, yet made as cheaply as a plain object (Object.create(null) makes a
 * slower dictionary object).
 */
class HeadersObject {}
Object.setPrototypeOf(HeadersObject.prototype, null);

function headersOf(record: DecodedRecord): MessageHeaders {
  const headers = new HeadersObject() as MessageHeaders;
  if (record.headerCount === 0) return headers;
  for (const { key, value } of record.headers) {
    const seen = headers[key];
    if (seen === undefined) headers[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else headers[key] = [seen, value];
  }
  return headers;
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
