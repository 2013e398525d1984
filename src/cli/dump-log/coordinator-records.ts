/**
 * kafka-dump-log's --offsets-decoder: `__consumer_offsets` records (Kafka's
 * OffsetsMessageParser). A key is an int16 record type then the key message at that
 * version; a value an int16 version then the value message; a null value is a tombstone,
 * printed "<DELETE>". A classic group's member subscriptions and assignments are shown
 * decoded when the group speaks the "consumer" protocol.
 */
import { SCHEMAS } from "../../protocol/generated/schemas.ts";
import { Reader } from "../../protocol/primitives/reader.ts";
import type { DecodedRecord } from "../../protocol/records/record-batch.ts";
import { decodeNamedMessage, kafkaJson, type BytesFieldRewrite } from "./kafka-json.ts";
import type { ParsedRecord } from "./message-parsers.ts";

/** Record type → key message name, from the key schemas' version ranges (0-1 OffsetCommitKey, 2 GroupMetadataKey, ...). */
const KEY_BY_RECORD_TYPE = new Map<number, string>();
for (const schema of Object.values(SCHEMAS)) {
  if (schema.apiKey !== null || !schema.name.endsWith("Key") || schema.valid === null) continue;
  if (SCHEMAS[`${schema.name.slice(0, -3)}Value`] === undefined) continue;
  for (let type = schema.valid[0]; type <= schema.valid[1]; type++)
    KEY_BY_RECORD_TYPE.set(type, schema.name);
}

class SkipRecord extends Error {}

/** A message preceded by its int16 version, decoded to JSON; throws what Kafka would report. */
function versionedMessage(
  name: string,
  bytes: Uint8Array,
  rewrite: BytesFieldRewrite | null = null,
): { version: number; json: string; value: unknown } {
  const reader = new Reader(bytes);
  const version = reader.int16();
  if (reader.error !== null) throw new Error(reader.error.message);
  const value = decodeNamedMessage(name, reader, version);
  return { version, json: kafkaJson(name, value, version, rewrite), value };
}

/** A consumer protocol blob shown decoded; null (keep base64) when it does not decode, as Kafka swallows that. */
const consumerProtocolRewrite: BytesFieldRewrite = (fieldName, bytes) => {
  const name =
    fieldName === "subscription"
      ? "ConsumerProtocolSubscription"
      : fieldName === "assignment"
        ? "ConsumerProtocolAssignment"
        : null;
  if (name === null) return null;
  try {
    return versionedMessage(name, bytes).json;
  } catch {
    return null;
  }
};

function keyJson(key: Uint8Array, offset: bigint): { name: string; json: string } {
  const reader = new Reader(key);
  const recordType = reader.int16();
  const name = KEY_BY_RECORD_TYPE.get(recordType);
  if (reader.error !== null || name === undefined) {
    throw new SkipRecord(`Unknown record type ${recordType} at offset ${offset}, skipping.`);
  }
  const decoded = versionedMessage(name, key);
  return { name, json: `{"type":"${decoded.version}","data":${decoded.json}}` };
}

function valueJson(keyName: string, value: Uint8Array): string {
  const name = `${keyName.slice(0, -3)}Value`;
  let decoded = versionedMessage(name, value);
  if (
    name === "GroupMetadataValue" &&
    (decoded.value as { protocolType?: string }).protocolType === "consumer"
  ) {
    decoded = versionedMessage(name, value, consumerProtocolRewrite);
  }
  return `{"version":"${decoded.version}","data":${decoded.json}}`;
}

export function parseOffsetsRecord(record: DecodedRecord): ParsedRecord {
  const key = record.key;
  if (key === null) {
    // Kafka's parser throws here, ending the dump; this one reports it in place.
    return {
      key: `Failed to decode message at offset ${record.offset} using offset topic decoder (message had a missing key)`,
      payload: null,
    };
  }
  try {
    const decodedKey = keyJson(key, record.offset);
    const value = record.value;
    return {
      key: decodedKey.json,
      payload: value === null ? "<DELETE>" : valueJson(decodedKey.name, value),
    };
  } catch (error) {
    if (error instanceof SkipRecord) return { key: error.message, payload: null };
    const message = error instanceof Error ? error.message : String(error);
    return { key: `Error at offset ${record.offset}, skipping. ${message}`, payload: null };
  }
}
