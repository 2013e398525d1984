/**
 * What the coordinator reads of the "consumer" protocol's opaque bytes: a member's
 * subscribed topics (for OffsetDelete's GROUP_SUBSCRIBED_TO_TOPIC and offset retention)
 * and, for telemetry, the partitions an assignment gives. Both are a 2-byte version
 * followed by the struct; like Kafka, only the version-0 prefix every later version starts
 * with is read, so a newer client's fields do not matter. Bytes that do not parse give null.
 */
import { decodeMessageFrom } from "../../protocol/message-codec.ts";
import { ConsumerProtocolAssignmentSpec } from "../../protocol/generated/messages/consumer-protocol-assignment.ts";
import { ConsumerProtocolSubscriptionSpec } from "../../protocol/generated/messages/consumer-protocol-subscription.ts";
import type { MessageSpec } from "../../protocol/codec-runtime.ts";
import { Reader } from "../../protocol/primitives/reader.ts";

/** ConsumerProtocol.PROTOCOL_TYPE */
export const CONSUMER_PROTOCOL_TYPE = "consumer";

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export function subscribedTopicsOf(metadata: Uint8Array): string[] | null {
  return decodeVersionPrefixed(ConsumerProtocolSubscriptionSpec, metadata)?.topics ?? null;
}

export function assignedPartitionsOf(assignment: Uint8Array): TopicPartitions[] | null {
  const decoded = decodeVersionPrefixed(ConsumerProtocolAssignmentSpec, assignment);
  return (
    decoded?.assignedPartitions.map(({ topic, partitions }) => ({
      topic,
      partitions: [...partitions],
    })) ?? null
  );
}

function decodeVersionPrefixed<T>(spec: MessageSpec<T>, bytes: Uint8Array): T | null {
  const reader = new Reader(bytes);
  const version = reader.int16();
  if (!reader.ok || version < 0) return null;
  const decoded = decodeMessageFrom(spec, reader, 0, false);
  return decoded.ok ? decoded.value : null;
}
