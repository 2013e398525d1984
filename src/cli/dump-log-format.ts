/**
 * The lines of Kafka's DumpLogSegments (org.apache.kafka.tools.DumpLogSegments), field for
 * field and in the same order, so output can be compared with the real tool's.
 */
import type { DecodedRecord, RecordBatchHeader } from "../protocol/records/record-batch.ts";

const utf8 = new TextDecoder("utf-8"); // non-fatal, like Java's new String(bytes, UTF_8)

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

const CONTROL_TYPES = [
  "ABORT",
  "COMMIT",
  "LEADER_CHANGE",
  "SNAPSHOT_HEADER",
  "SNAPSHOT_FOOTER",
  "KRAFT_VERSION",
  "KRAFT_VOTERS",
];

/**
 * printControlRecord. Transaction markers print as Kafka prints them; the KRaft control
 * records (which Kafka prints as JSON) print in Kafka's generic "controlType:" form.
 */
function formatControlRecord(record: DecodedRecord): string {
  const key = record.key;
  if (key === null || key.length < 4) return " controlType: UNKNOWN(-1)";
  const keyView = new DataView(key.buffer, key.byteOffset, key.byteLength);
  const typeId = keyView.getInt16(2);
  const type = CONTROL_TYPES[typeId] ?? "UNKNOWN";
  const value = record.value;
  if ((type === "ABORT" || type === "COMMIT") && value !== null && value.length >= 6) {
    const coordinatorEpoch = new DataView(
      value.buffer,
      value.byteOffset,
      value.byteLength,
    ).getInt32(2);
    return ` endTxnMarker: ${type} coordinatorEpoch: ${coordinatorEpoch}`;
  }
  return ` controlType: ${type}(${typeId})`;
}

/** dumpBatchRecords: one line per record, with metadata and/or contents as asked. */
export function formatRecordLine(
  header: RecordBatchHeader,
  record: DecodedRecord,
  printContents: boolean,
  skipRecordMetadata: boolean,
): string {
  let line = "";
  if (!skipRecordMetadata) {
    const headerKeys = record.headers.map((recordHeader) => recordHeader.key).join(",");
    line +=
      `| offset: ${record.offset} ${header.timestampType}: ${record.timestamp}` +
      ` keySize: ${record.keySize} valueSize: ${record.valueSize}` +
      ` sequence: ${record.sequence} headerKeys: [${headerKeys}]`;
    if (header.isControl) line += formatControlRecord(record);
  }
  if (printContents && !header.isControl) {
    let prefix = skipRecordMetadata ? "| " : " ";
    const key = record.key;
    if (key !== null) {
      line += `${prefix}key: ${utf8.decode(key)}`;
      prefix = " ";
    }
    const value = record.value;
    if (value !== null) line += `${prefix}payload: ${utf8.decode(value)}`;
  }
  return line;
}
