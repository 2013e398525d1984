/**
 * Test support: the metadata records a controller would commit for brokers, topics,
 * partitions and configs, so a test broker's image is built the way a real one is (by
 * replaying records), never by poking the image's maps.
 */
import { BROKER_LISTENER } from "../../client/node-requester.ts";
import { ConfigResourceType } from "../../metadata/metadata-image.ts";
import type { MetadataRecord } from "../../metadata/metadata-record.ts";
import { defaultPartitionRecord } from "../../protocol/generated/metadata-records/partition-record.ts";
import { defaultRegisterBrokerRecord } from "../../protocol/generated/metadata-records/register-broker-record.ts";
import { uuidFromBytes, type Uuid } from "../../protocol/primitives/uuid.ts";

/** Kafka's SecurityProtocol id for PLAINTEXT. */
const PLAINTEXT = 0;

export interface BrokerRecordOptions {
  host?: string;
  port?: number;
  rack?: string | null;
  fenced?: boolean;
  epoch?: bigint;
}

/** A broker registration with a PLAINTEXT endpoint (host `broker-<id>`, port 9092 unless told). */
export function registerBroker(id: number, options: BrokerRecordOptions = {}): MetadataRecord {
  return {
    type: "RegisterBrokerRecord",
    data: {
      ...defaultRegisterBrokerRecord(),
      brokerId: id,
      brokerEpoch: options.epoch ?? 10n,
      incarnationId: testUuid(200 + id),
      endPoints: [
        {
          name: BROKER_LISTENER,
          host: options.host ?? `broker-${id}`,
          port: options.port ?? 9092,
          securityProtocol: PLAINTEXT,
        },
      ],
      rack: options.rack ?? null,
      fenced: options.fenced ?? false,
    },
  };
}

export interface PartitionSpec {
  replicas: number[];
  /** Default: the first replica. */
  leader?: number;
  /** Default: every replica. */
  isr?: number[];
  leaderEpoch?: number;
}

/** A topic and its partitions, numbered in the order given. */
export function topicRecords(
  name: string,
  topicId: Uuid,
  partitions: readonly PartitionSpec[],
): MetadataRecord[] {
  return [
    { type: "TopicRecord", data: { name, topicId } },
    ...partitions.map((spec, index): MetadataRecord => ({
      type: "PartitionRecord",
      data: {
        ...defaultPartitionRecord(),
        partitionId: index,
        topicId,
        replicas: [...spec.replicas],
        isr: [...(spec.isr ?? spec.replicas)],
        leader: spec.leader ?? spec.replicas[0]!,
        leaderEpoch: spec.leaderEpoch ?? 0,
        partitionEpoch: 0,
      },
    })),
  ];
}

export function topicConfigRecord(
  topic: string,
  name: string,
  value: string | null,
): MetadataRecord {
  return {
    type: "ConfigRecord",
    data: { resourceType: ConfigResourceType.TOPIC, resourceName: topic, name, value },
  };
}

/** A dynamic broker config: for one broker (its id) or the cluster-wide default (null). */
export function brokerConfigRecord(
  brokerId: number | null,
  name: string,
  value: string | null,
): MetadataRecord {
  const resourceName = brokerId === null ? "" : String(brokerId);
  return {
    type: "ConfigRecord",
    data: { resourceType: ConfigResourceType.BROKER, resourceName, name, value },
  };
}

/** A distinct, valid Kafka Uuid for each seed. */
export function testUuid(seed: number): Uuid {
  const bytes = new Uint8Array(16);
  new DataView(bytes.buffer).setUint32(12, seed);
  bytes[0] = 0x42;
  return uuidFromBytes(bytes);
}
