/**
 * The lines of Kafka's DumpLogSegments, field for field and in the same order, so output
 * can be compared with the real tool's: one line per batch, and with deep iteration one
 * line per record.
 */
import { ALL_MESSAGES } from "../../protocol/generated/all-messages.ts";
import type { MessageSpec } from "../../protocol/codec-runtime.ts";
import { decodeMessage } from "../../protocol/message-codec.ts";
import type { DecodedRecord, RecordBatchHeader } from "../../protocol/records/record-batch.ts";
import { kafkaJson } from "./kafka-json.ts";
import type { ParsedRecord } from "./message-parsers.ts";

/** DumpLogSegments.RecordIndent: what starts every record line. */
export const RECORD_INDENT = "|";

/** Java's OptionalLong.toString(). */
function optionalLong(value: bigint | null): string {
  return value === null ? "OptionalLong.empty" : `OptionalLong[${value}]`;
}

/** printBatchLevel: one line per batch. `position` is the batch's byte position in the file. */
export function formatBatchLine(
  header: RecordBatchHeader,
  position: number,
  isValid: boolean,
): string {
  return (
    `baseOffset: ${header.baseOffset} lastOffset: ${header.lastOffset} count: ${header.recordsCount}` +
    ` baseSequence: ${header.baseSequence} lastSequence: ${header.lastSequence}` +
    ` producerId: ${header.producerId} producerEpoch: ${header.producerEpoch}` +
    ` partitionLeaderEpoch: ${header.partitionLeaderEpoch}` +
    ` isTransactional: ${header.isTransactional} isControl: ${header.isControl}` +
    ` deleteHorizonMs: ${optionalLong(header.deleteHorizonMs)}` +
    ` position: ${position} ${header.timestampType}: ${header.maxTimestamp}` +
    ` size: ${header.sizeInBytes} magic: ${header.magic}` +
    ` compresscodec: ${header.compression} crc: ${header.crc} isvalid: ${isValid}`
  );
}

/** Kafka's ControlRecordType, by type id. */
const CONTROL_TYPES = [
  "ABORT",
  "COMMIT",
  "LEADER_CHANGE",
  "SNAPSHOT_HEADER",
  "SNAPSHOT_FOOTER",
  "KRAFT_VERSION",
  "KRAFT_VOTERS",
];

/** The control records Kafka prints as JSON, with the label it gives each. */
const JSON_CONTROL_RECORDS: Record<string, [label: string, message: string]> = {
  SNAPSHOT_HEADER: ["SnapshotHeader", "SnapshotHeaderRecord"],
  SNAPSHOT_FOOTER: ["SnapshotFooter", "SnapshotFooterRecord"],
  KRAFT_VERSION: ["KRaftVersion", "KRaftVersionRecord"],
  KRAFT_VOTERS: ["KRaftVoters", "VotersRecord"],
};

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A KRaft control record's value (its message at version 0, which starts with its own version) as JSON. */
function controlRecordJson(message: string, value: Uint8Array | null): string | null {
  if (value === null) return null;
  const decoded = decodeMessage(ALL_MESSAGES[message] as MessageSpec<unknown>, value, 0);
  if (!decoded.ok) return null;
  const version = (decoded.value as { version?: number }).version ?? 0;
  return kafkaJson(message, decoded.value, version);
}

/** The part of a control record's line after its metadata, as DumpLogSegments prints it. */
function formatControlRecord(record: DecodedRecord): string {
  const key = record.key;
  if (key === null || key.length < 4) return " controlType: UNKNOWN(-1)";
  const typeId = view(key).getInt16(2);
  const type = CONTROL_TYPES[typeId] ?? "UNKNOWN";
  const value = record.value;
  if ((type === "ABORT" || type === "COMMIT") && value !== null && value.length >= 6) {
    return ` endTxnMarker: ${type} coordinatorEpoch: ${view(value).getInt32(2)}`;
  }
  const asJson = JSON_CONTROL_RECORDS[type];
  const json = asJson === undefined ? null : controlRecordJson(asJson[1], value);
  if (asJson !== undefined && json !== null) return ` ${asJson[0]} ${json}`;
  return ` controlType: ${type}(${typeId})`;
}

/**
 * One record's line: its metadata unless skipped, then (for data batches, when contents
 * are printed) the parsed key and payload. Kafka prefixes the payload with a single space
 * even when nothing came before it; so does this.
 */
export function formatRecordLine(
  header: RecordBatchHeader,
  record: DecodedRecord,
  parsed: ParsedRecord | null,
  skipRecordMetadata: boolean,
): string {
  let line = "";
  let prefix = `${RECORD_INDENT} `;
  if (!skipRecordMetadata) {
    const headerKeys = record.headers.map((recordHeader) => recordHeader.key).join(",");
    line +=
      `${prefix}offset: ${record.offset} ${header.timestampType}: ${record.timestamp}` +
      ` keySize: ${record.keySize} valueSize: ${record.valueSize}` +
      ` sequence: ${record.sequence} headerKeys: [${headerKeys}]`;
    prefix = " ";
    if (header.isControl) line += formatControlRecord(record);
  }
  if (parsed !== null && !header.isControl) {
    if (parsed.key !== null) {
      line += `${prefix}key: ${parsed.key}`;
      prefix = " ";
    }
    if (parsed.payload !== null) line += ` payload: ${parsed.payload}`;
  }
  return line;
}
