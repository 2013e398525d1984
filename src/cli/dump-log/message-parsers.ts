/**
 * How kafka-dump-log shows a record's key and value with --print-data-log: as UTF-8 text
 * (Kafka's default StringDecoder), as `__consumer_offsets` records (--offsets-decoder), or
 * as `__cluster_metadata` records (--cluster-metadata-decoder). A record that does not
 * decode is reported in its line, as Kafka does, and the dump goes on.
 */
import { SCHEMAS } from "../../protocol/generated/schemas.ts";
import { Reader } from "../../protocol/primitives/reader.ts";
import type { DecodedRecord } from "../../protocol/records/record-batch.ts";
import { parseOffsetsRecord } from "./coordinator-records.ts";
import { decodeNamedMessage, kafkaJson } from "./kafka-json.ts";

/** What the line shows after the record's metadata; null parts are left out. */
export interface ParsedRecord {
  key: string | null;
  payload: string | null;
}

export type MessageParser = (record: DecodedRecord) => ParsedRecord;

const utf8 = new TextDecoder("utf-8"); // non-fatal, like Java's new String(bytes, UTF_8)

export const stringParser: MessageParser = (record) => {
  const key = record.key;
  const value = record.value;
  return {
    key: key === null ? null : utf8.decode(key),
    payload: value === null ? null : utf8.decode(value),
  };
};

export const offsetsParser: MessageParser = parseOffsetsRecord;

/** Metadata record name by its type id (the spec's apiKey), e.g. 2 → "TopicRecord". */
const METADATA_RECORD_BY_ID = new Map<number, string>();
for (const schema of Object.values(SCHEMAS)) {
  // Requests and responses have api keys too, but no name of theirs ends in "Record".
  if (schema.apiKey !== null && schema.name.endsWith("Record"))
    METADATA_RECORD_BY_ID.set(schema.apiKey, schema.name);
}

/** MetadataRecordType's name: "TopicRecord" → "TOPIC_RECORD". */
function metadataTypeName(recordName: string): string {
  return recordName.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/** Kafka's metadata record frame: unsigned varints frame version (1), type id, version; then the record. */
function metadataRecordJson(value: Uint8Array): string {
  const reader = new Reader(value);
  const frameVersion = reader.unsignedVarint();
  const typeId = reader.unsignedVarint();
  const version = reader.unsignedVarint();
  if (reader.error !== null) throw new Error(reader.error.message);
  if (frameVersion !== 1) {
    throw new Error(
      `Could not deserialize metadata record due to unknown frame version ${frameVersion}(expected 1)`,
    );
  }
  const name = METADATA_RECORD_BY_ID.get(typeId);
  if (name === undefined) throw new Error(`Unknown metadata id ${typeId}`);
  const data = kafkaJson(name, decodeNamedMessage(name, reader, version), version);
  return `{"type":"${metadataTypeName(name)}","version":${version},"data":${data}}`;
}

export const clusterMetadataParser: MessageParser = (record) => {
  const value = record.value;
  try {
    if (value === null) throw new Error("null");
    return { key: null, payload: metadataRecordJson(value) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { key: null, payload: `Error at ${record.offset}, skipping. ${message}` };
  }
};
