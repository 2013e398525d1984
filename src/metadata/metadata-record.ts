/**
 * The records of the `__cluster_metadata` log, as one tagged union, and their value
 * encoding: Kafka frames each record as an unsigned varint frame version (1), the record
 * type (its apiKey), the record version, then the record body — so a metadata log written
 * here reads back with kafka-dump-log's --cluster-metadata-decoder, and vice versa.
 */
import type { MessageSpec } from "../protocol/codec-runtime.ts";
import { decodeMessageFrom } from "../protocol/message-codec.ts";
import { Reader } from "../protocol/primitives/reader.ts";
import { Writer } from "../protocol/primitives/writer.ts";
import {
  ConfigRecordSpec,
  type ConfigRecord,
} from "../protocol/generated/metadata-records/config-record.ts";
import {
  FeatureLevelRecordSpec,
  type FeatureLevelRecord,
} from "../protocol/generated/metadata-records/feature-level-record.ts";
import {
  FenceBrokerRecordSpec,
  type FenceBrokerRecord,
} from "../protocol/generated/metadata-records/fence-broker-record.ts";
import {
  NoOpRecordSpec,
  type NoOpRecord,
} from "../protocol/generated/metadata-records/no-op-record.ts";
import {
  BrokerRegistrationChangeRecordSpec,
  type BrokerRegistrationChangeRecord,
} from "../protocol/generated/metadata-records/broker-registration-change-record.ts";
import {
  PartitionChangeRecordSpec,
  type PartitionChangeRecord,
} from "../protocol/generated/metadata-records/partition-change-record.ts";
import {
  PartitionRecordSpec,
  type PartitionRecord,
} from "../protocol/generated/metadata-records/partition-record.ts";
import {
  ProducerIdsRecordSpec,
  type ProducerIdsRecord,
} from "../protocol/generated/metadata-records/producer-ids-record.ts";
import {
  RegisterBrokerRecordSpec,
  type RegisterBrokerRecord,
} from "../protocol/generated/metadata-records/register-broker-record.ts";
import {
  RemoveTopicRecordSpec,
  type RemoveTopicRecord,
} from "../protocol/generated/metadata-records/remove-topic-record.ts";
import {
  TopicRecordSpec,
  type TopicRecord,
} from "../protocol/generated/metadata-records/topic-record.ts";
import {
  UnfenceBrokerRecordSpec,
  type UnfenceBrokerRecord,
} from "../protocol/generated/metadata-records/unfence-broker-record.ts";
import {
  UnregisterBrokerRecordSpec,
  type UnregisterBrokerRecord,
} from "../protocol/generated/metadata-records/unregister-broker-record.ts";

/** The record kinds the playground's controller writes and every node replays. */
export type MetadataRecord =
  | { type: "RegisterBrokerRecord"; data: RegisterBrokerRecord }
  | { type: "UnregisterBrokerRecord"; data: UnregisterBrokerRecord }
  | { type: "TopicRecord"; data: TopicRecord }
  | { type: "PartitionRecord"; data: PartitionRecord }
  | { type: "ConfigRecord"; data: ConfigRecord }
  | { type: "PartitionChangeRecord"; data: PartitionChangeRecord }
  | { type: "FenceBrokerRecord"; data: FenceBrokerRecord }
  | { type: "UnfenceBrokerRecord"; data: UnfenceBrokerRecord }
  | { type: "RemoveTopicRecord"; data: RemoveTopicRecord }
  | { type: "FeatureLevelRecord"; data: FeatureLevelRecord }
  | { type: "ProducerIdsRecord"; data: ProducerIdsRecord }
  | { type: "BrokerRegistrationChangeRecord"; data: BrokerRegistrationChangeRecord }
  | { type: "NoOpRecord"; data: NoOpRecord };

export type MetadataRecordType = MetadataRecord["type"];

/** The version each record type is written with (the newest our codecs know). */
const SPECS: {
  [K in MetadataRecordType]: MessageSpec<Extract<MetadataRecord, { type: K }>["data"]>;
} = {
  RegisterBrokerRecord: RegisterBrokerRecordSpec,
  UnregisterBrokerRecord: UnregisterBrokerRecordSpec,
  TopicRecord: TopicRecordSpec,
  PartitionRecord: PartitionRecordSpec,
  ConfigRecord: ConfigRecordSpec,
  PartitionChangeRecord: PartitionChangeRecordSpec,
  FenceBrokerRecord: FenceBrokerRecordSpec,
  UnfenceBrokerRecord: UnfenceBrokerRecordSpec,
  RemoveTopicRecord: RemoveTopicRecordSpec,
  FeatureLevelRecord: FeatureLevelRecordSpec,
  ProducerIdsRecord: ProducerIdsRecordSpec,
  BrokerRegistrationChangeRecord: BrokerRegistrationChangeRecordSpec,
  NoOpRecord: NoOpRecordSpec,
};

const TYPE_BY_API_KEY = new Map<number, MetadataRecordType>(
  (Object.keys(SPECS) as MetadataRecordType[]).map((type) => [SPECS[type].apiKey ?? -1, type]),
);

const FRAME_VERSION = 1;

/** Versions chosen to match what Kafka 3.9/4.0 controllers write. */
const WRITE_VERSION: Partial<Record<MetadataRecordType, number>> = {
  RegisterBrokerRecord: 3,
  PartitionRecord: 1,
  PartitionChangeRecord: 1,
};

export function encodeMetadataRecord(record: MetadataRecord): Uint8Array {
  const spec = SPECS[record.type] as MessageSpec<unknown>;
  const version = WRITE_VERSION[record.type] ?? spec.maxVersion;
  const w = new Writer(64);
  w.unsignedVarint(FRAME_VERSION);
  w.unsignedVarint(spec.apiKey ?? -1);
  w.unsignedVarint(version);
  spec.encode(w, record.data, version);
  return w.finish();
}

export type DecodedMetadataRecord =
  { ok: true; record: MetadataRecord } | { ok: false; reason: string };

/** Decode one metadata record value; unknown record types are reported, not thrown. */
export function decodeMetadataRecord(value: Uint8Array): DecodedMetadataRecord {
  const r = new Reader(value);
  const frameVersion = r.unsignedVarint();
  const apiKey = r.unsignedVarint();
  const version = r.unsignedVarint();
  if (r.error !== null) return { ok: false, reason: r.error.message };
  if (frameVersion !== FRAME_VERSION)
    return { ok: false, reason: `metadata frame version ${frameVersion}` };
  const type = TYPE_BY_API_KEY.get(apiKey);
  if (type === undefined)
    return { ok: false, reason: `metadata record type ${apiKey} is not known here` };
  const decoded = decodeMessageFrom(SPECS[type] as MessageSpec<unknown>, r, version, true);
  if (!decoded.ok) return { ok: false, reason: decoded.error.message };
  return { ok: true, record: { type, data: decoded.value } as MetadataRecord };
}
