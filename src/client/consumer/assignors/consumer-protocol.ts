/**
 * Kafka's ConsumerProtocol: the bytes a consumer puts in JoinGroup (one subscription per
 * assignor it offers) and the leader puts in SyncGroup (one assignment per member), for group
 * protocol type "consumer". Each is an int16 version followed by the struct at that version.
 *
 * As in Kafka: topics are sent sorted; owned partitions sorted and grouped by topic; a newer
 * version than we know is read as our newest (versions only append fields) and anything
 * after the known fields is ignored. Decoding untrusted bytes returns an error value.
 */
import {
  ConsumerProtocolAssignmentSpec,
  type ConsumerProtocolAssignment,
  type ConsumerProtocolAssignmentTopicPartition,
} from "../../../protocol/generated/messages/consumer-protocol-assignment.ts";
import {
  ConsumerProtocolSubscriptionSpec,
  type ConsumerProtocolSubscriptionTopicPartition,
} from "../../../protocol/generated/messages/consumer-protocol-subscription.ts";
import type { MessageSpec } from "../../../protocol/codec-runtime.ts";
import { decodeMessageFrom, encodeMessage } from "../../../protocol/message-codec.ts";
import { DecodeError, type Decoded } from "../../../protocol/primitives/decode-error.ts";
import { Reader } from "../../../protocol/primitives/reader.ts";
import { Writer } from "../../../protocol/primitives/writer.ts";
import { DEFAULT_GENERATION, type Subscription, type TopicPartition } from "./assignor.ts";
import { byTopicThenPartition, compareStrings } from "./topic-partitions.ts";

export const CONSUMER_PROTOCOL_TYPE = "consumer";
export const CONSUMER_PROTOCOL_LATEST_VERSION = ConsumerProtocolSubscriptionSpec.maxVersion;

/** The fields of ConsumerProtocolSubscription, with owned partitions flattened. */
export interface ConsumerSubscriptionData {
  readonly topics: readonly string[];
  readonly userData: Uint8Array | null;
  readonly ownedPartitions: readonly TopicPartition[];
  /** -1 when unknown (and always -1 read from v0 and v1). */
  readonly generationId: number;
  readonly rackId: string | null;
}

export interface DecodedConsumerSubscription extends ConsumerSubscriptionData {
  /** The version on the wire, which may be newer than the one it was read as. */
  readonly version: number;
}

export interface ConsumerAssignmentData {
  readonly partitions: readonly TopicPartition[];
  readonly userData: Uint8Array | null;
}

export interface DecodedConsumerAssignment extends ConsumerAssignmentData {
  readonly version: number;
}

export function encodeConsumerSubscription(
  subscription: ConsumerSubscriptionData,
  version: number = CONSUMER_PROTOCOL_LATEST_VERSION,
): Uint8Array {
  const owned = [...subscription.ownedPartitions].sort(byTopicThenPartition);
  const ownedPartitions: ConsumerProtocolSubscriptionTopicPartition[] = [];
  for (const { topic, partition } of owned) {
    const last = ownedPartitions[ownedPartitions.length - 1];
    if (last !== undefined && last.topic === topic) last.partitions.push(partition);
    else ownedPartitions.push({ topic, partitions: [partition] });
  }
  return encodeVersionPrefixed(ConsumerProtocolSubscriptionSpec, version, {
    topics: [...subscription.topics].sort(compareStrings),
    userData: subscription.userData,
    ownedPartitions,
    generationId: subscription.generationId < 0 ? DEFAULT_GENERATION : subscription.generationId,
    rackId: subscription.rackId,
  });
}

export function decodeConsumerSubscription(
  bytes: Uint8Array,
): Decoded<DecodedConsumerSubscription> {
  const decoded = decodeVersionPrefixed(ConsumerProtocolSubscriptionSpec, bytes, "subscription");
  if (!decoded.ok) return decoded;
  const { version, value } = decoded.value;
  return {
    ok: true,
    value: {
      version,
      topics: value.topics,
      userData: copyOf(value.userData),
      ownedPartitions: flatten(value.ownedPartitions),
      generationId: value.generationId < 0 ? DEFAULT_GENERATION : value.generationId,
      rackId: value.rackId === null || value.rackId === "" ? null : value.rackId,
    },
  };
}

/** A JoinGroup member's metadata as the leader's assignor takes it. */
export function decodeMemberSubscription(
  memberId: string,
  groupInstanceId: string | null,
  metadata: Uint8Array,
): Decoded<Subscription> {
  const decoded = decodeConsumerSubscription(metadata);
  if (!decoded.ok) return decoded;
  const { version: _version, ...fields } = decoded.value;
  return { ok: true, value: { memberId, groupInstanceId, ...fields } };
}

export function encodeConsumerAssignment(
  assignment: ConsumerAssignmentData,
  version: number = CONSUMER_PROTOCOL_LATEST_VERSION,
): Uint8Array {
  // Partitions join their topic's entry wherever the topic first appeared, as in Kafka.
  const byTopic = new Map<string, ConsumerProtocolAssignmentTopicPartition>();
  for (const { topic, partition } of assignment.partitions) {
    const entry = byTopic.get(topic);
    if (entry === undefined) byTopic.set(topic, { topic, partitions: [partition] });
    else entry.partitions.push(partition);
  }
  const data: ConsumerProtocolAssignment = {
    assignedPartitions: [...byTopic.values()],
    userData: assignment.userData,
  };
  return encodeVersionPrefixed(ConsumerProtocolAssignmentSpec, version, data);
}

export function decodeConsumerAssignment(bytes: Uint8Array): Decoded<DecodedConsumerAssignment> {
  const decoded = decodeVersionPrefixed(ConsumerProtocolAssignmentSpec, bytes, "assignment");
  if (!decoded.ok) return decoded;
  const { version, value } = decoded.value;
  return {
    ok: true,
    value: {
      version,
      partitions: flatten(value.assignedPartitions),
      userData: copyOf(value.userData),
    },
  };
}

/** The decoder's bytes are a view into the input; hand out a copy the caller owns. */
function copyOf(bytes: Uint8Array | null): Uint8Array | null {
  return bytes === null ? null : bytes.slice();
}

function flatten(
  entries: readonly { topic: string; partitions: readonly number[] }[],
): TopicPartition[] {
  return entries.flatMap(({ topic, partitions }) =>
    partitions.map((partition) => ({ topic, partition })),
  );
}

function encodeVersionPrefixed<T>(spec: MessageSpec<T>, version: number, value: T): Uint8Array {
  if (!Number.isInteger(version) || version < spec.minVersion) {
    throw new RangeError(`Unsupported ${spec.name} version: ${version}`);
  }
  // Kafka writes a too-new version as its newest one.
  const written = Math.min(version, spec.maxVersion);
  return new Writer()
    .int16(written)
    .raw(encodeMessage(spec, value, written))
    .finish();
}

function decodeVersionPrefixed<T>(
  spec: MessageSpec<T>,
  bytes: Uint8Array,
  what: string,
): Decoded<{ version: number; value: T }> {
  const r = new Reader(bytes);
  const version = r.int16();
  if (r.error !== null) return { ok: false, error: r.error };
  if (version < spec.minVersion) {
    return {
      ok: false,
      error: new DecodeError("unsupported-version", 0, `Unsupported ${what} version: ${version}`),
    };
  }
  const decoded = decodeMessageFrom(spec, r, Math.min(version, spec.maxVersion), false);
  if (!decoded.ok) return decoded;
  return { ok: true, value: { version, value: decoded.value } };
}
