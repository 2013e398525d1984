/**
 * The records of __consumer_offsets, as Kafka lays them out: the record key is an int16
 * version followed by the key struct, the value an int16 version followed by the value
 * struct, and a null value is a tombstone. Key version 0 or 1 is an OffsetCommitKey,
 * version 2 a GroupMetadataKey (other versions belong to the KIP-848 and share-group
 * records, which a classic coordinator skips). Written versions are Kafka 4's: offset
 * keys v1, OffsetCommitValue v3 (v1 when the commit carried an explicit retention),
 * GroupMetadataValue v3.
 */
import type { MessageSpec } from "../../protocol/codec-runtime.ts";
import { decodeMessageFrom, encodeMessage } from "../../protocol/message-codec.ts";
import { Reader } from "../../protocol/primitives/reader.ts";
import { Writer } from "../../protocol/primitives/writer.ts";
import { GroupMetadataKeySpec } from "../../protocol/generated/coordinator-records/group-metadata-key.ts";
import {
  GroupMetadataValueSpec,
  type GroupMetadataValue,
} from "../../protocol/generated/coordinator-records/group-metadata-value.ts";
import { OffsetCommitKeySpec } from "../../protocol/generated/coordinator-records/offset-commit-key.ts";
import {
  OffsetCommitValueSpec,
  type OffsetCommitValue,
} from "../../protocol/generated/coordinator-records/offset-commit-value.ts";

const OFFSET_COMMIT_KEY_VERSION = 1;
const GROUP_METADATA_KEY_VERSION = 2;
const OFFSET_COMMIT_VALUE_VERSION = 3;
const OFFSET_COMMIT_VALUE_WITH_EXPIRY_VERSION = 1;
const GROUP_METADATA_VALUE_VERSION = 3;

/** A committed offset as the coordinator keeps it (Kafka's OffsetAndMetadata). */
export interface CommittedOffset {
  offset: bigint;
  leaderEpoch: number;
  metadata: string;
  commitTimestampMs: bigint;
  /** Set only by an OffsetCommit v2-v4 with an explicit retention time. */
  expireTimestampMs: bigint | null;
}

export interface EncodedRecord {
  key: Uint8Array;
  value: Uint8Array | null;
}

export type CoordinatorRecord =
  | {
      type: "offset";
      group: string;
      topic: string;
      partition: number;
      value: CommittedOffset | null;
    }
  | { type: "group"; group: string; value: GroupMetadataValue | null }
  /** A record of a kind the classic coordinator does not keep (KIP-848, share groups). */
  | { type: "other"; keyVersion: number };

export function offsetCommitRecord(
  group: string,
  topic: string,
  partition: number,
  committed: CommittedOffset | null,
): EncodedRecord {
  const key = versioned(OffsetCommitKeySpec, OFFSET_COMMIT_KEY_VERSION, {
    group,
    topic,
    partition,
  });
  if (committed === null) return { key, value: null };
  const version =
    committed.expireTimestampMs === null
      ? OFFSET_COMMIT_VALUE_VERSION
      : OFFSET_COMMIT_VALUE_WITH_EXPIRY_VERSION;
  const value: OffsetCommitValue = {
    offset: committed.offset,
    leaderEpoch: committed.leaderEpoch,
    metadata: committed.metadata,
    commitTimestamp: committed.commitTimestampMs,
    expireTimestamp: committed.expireTimestampMs ?? -1n,
  };
  return { key, value: versioned(OffsetCommitValueSpec, version, value) };
}

export function groupMetadataRecord(
  group: string,
  value: GroupMetadataValue | null,
): EncodedRecord {
  return {
    key: versioned(GroupMetadataKeySpec, GROUP_METADATA_KEY_VERSION, { group }),
    value:
      value === null
        ? null
        : versioned(GroupMetadataValueSpec, GROUP_METADATA_VALUE_VERSION, value),
  };
}

/** A record read back from the log, or an Error describing bytes that do not parse. */
export function decodeCoordinatorRecord(
  key: Uint8Array | null,
  value: Uint8Array | null,
): CoordinatorRecord | Error {
  if (key === null) return new Error("a __consumer_offsets record without a key");
  const keyReader = new Reader(key);
  const keyVersion = keyReader.int16();
  if (!keyReader.ok) return new Error("a __consumer_offsets key shorter than its version");
  if (keyVersion === 0 || keyVersion === 1) {
    const decoded = decodeMessageFrom(OffsetCommitKeySpec, keyReader, keyVersion, true);
    if (!decoded.ok) return decoded.error;
    const { group, topic, partition } = decoded.value;
    if (value === null) return { type: "offset", group, topic, partition, value: null };
    const offsetValue = decodeVersioned(OffsetCommitValueSpec, value);
    if (offsetValue instanceof Error) return offsetValue;
    return {
      type: "offset",
      group,
      topic,
      partition,
      value: {
        offset: offsetValue.offset,
        leaderEpoch: offsetValue.leaderEpoch,
        metadata: offsetValue.metadata,
        commitTimestampMs: offsetValue.commitTimestamp,
        expireTimestampMs: offsetValue.expireTimestamp === -1n ? null : offsetValue.expireTimestamp,
      },
    };
  }
  if (keyVersion === GROUP_METADATA_KEY_VERSION) {
    const decoded = decodeMessageFrom(GroupMetadataKeySpec, keyReader, keyVersion, true);
    if (!decoded.ok) return decoded.error;
    if (value === null) return { type: "group", group: decoded.value.group, value: null };
    const groupValue = decodeVersioned(GroupMetadataValueSpec, value);
    if (groupValue instanceof Error) return groupValue;
    return { type: "group", group: decoded.value.group, value: groupValue };
  }
  return { type: "other", keyVersion };
}

function versioned<T>(spec: MessageSpec<T>, version: number, value: T): Uint8Array {
  const body = encodeMessage(spec, value, version);
  return new Writer(body.length + 2).int16(version).raw(body).finish();
}

function decodeVersioned<T>(spec: MessageSpec<T>, bytes: Uint8Array): T | Error {
  const reader = new Reader(bytes);
  const version = reader.int16();
  if (!reader.ok) return new Error(`a ${spec.name} shorter than its version`);
  const decoded = decodeMessageFrom(spec, reader, version, true);
  return decoded.ok ? decoded.value : decoded.error;
}
