/**
 * The sticky assignors' subscription userData (Kafka's StickyAssignor and
 * CooperativeStickyAssignor schemas, classic encoding, big-endian):
 *
 *   StickyAssignorUserData v0: previous_assignment: [topic: STRING, partitions: [INT32]]
 *   StickyAssignorUserData v1: v0 + generation: INT32
 *   CooperativeStickyAssignor v0: generation: INT32
 *
 * There is no version field: a reader tries v1 and falls back to v0. Like Kafka's Struct
 * reader, bytes after the last field are ignored. Decoding never throws.
 */
import type { Decoded } from "../../../protocol/primitives/decode-error.ts";
import { Reader } from "../../../protocol/primitives/reader.ts";
import { Writer } from "../../../protocol/primitives/writer.ts";
import type { TopicPartition } from "./assignor.ts";
import { javaStringKeyOrder } from "./java-hash-order.ts";

export interface StickyAssignorUserData {
  readonly partitions: readonly TopicPartition[];
  /** Present from v1 on; null in v0 data. */
  readonly generation: number | null;
}

export interface DecodedStickyAssignorUserData extends StickyAssignorUserData {
  readonly version: 0 | 1;
}

// Java decodes malformed UTF-8 with replacement characters rather than failing.
const lenientUtf8 = new TextDecoder("utf-8");

/**
 * Encode as v1 when a generation is given, else as v0. Topics are grouped the way Kafka's
 * CollectionUtils.groupPartitionsByTopic groups them (a HashMap), partitions in list order.
 */
export function encodeStickyAssignorUserData(data: StickyAssignorUserData): Uint8Array {
  const partitionsByTopic = new Map<string, number[]>();
  for (const { topic, partition } of data.partitions) {
    const list = partitionsByTopic.get(topic);
    if (list === undefined) partitionsByTopic.set(topic, [partition]);
    else list.push(partition);
  }
  const w = new Writer();
  w.int32(partitionsByTopic.size);
  for (const topic of javaStringKeyOrder(partitionsByTopic.keys())) {
    const partitions = partitionsByTopic.get(topic)!;
    w.string(topic).int32(partitions.length);
    for (const partition of partitions) w.int32(partition);
  }
  if (data.generation !== null) w.int32(data.generation);
  return w.finish();
}

/** Read v1, falling back to v0 as Kafka's StickyAssignor does. */
export function decodeStickyAssignorUserData(
  bytes: Uint8Array,
): Decoded<DecodedStickyAssignorUserData> {
  const v1 = readUserData(bytes, true);
  if (v1.ok) return { ok: true, value: { ...v1.value, version: 1 } };
  const v0 = readUserData(bytes, false);
  if (v0.ok) return { ok: true, value: { ...v0.value, version: 0 } };
  return v1;
}

function readUserData(bytes: Uint8Array, withGeneration: boolean): Decoded<StickyAssignorUserData> {
  const r = new Reader(bytes);
  const partitions: TopicPartition[] = [];
  const topicCount = readCount(r, "previous_assignment");
  for (let t = 0; t < topicCount && r.ok; t++) {
    const topic = readString(r);
    const partitionCount = readCount(r, "partitions");
    for (let p = 0; p < partitionCount && r.ok; p++)
      partitions.push({ topic, partition: r.int32() });
  }
  const generation = withGeneration ? r.int32() : null;
  if (r.error !== null) return { ok: false, error: r.error };
  return { ok: true, value: { partitions, generation } };
}

/** A non-nullable ArrayOf count: never negative, never more elements than bytes left. */
function readCount(r: Reader, field: string): number {
  const count = r.int32();
  if (!r.ok) return 0;
  if (count < 0 || count > r.remaining) {
    r.fail("invalid-length", `${field} array size ${count} with ${r.remaining} bytes left`);
    return 0;
  }
  return count;
}

/** A non-nullable STRING: int16 length (never negative) then UTF-8. */
function readString(r: Reader): string {
  const length = r.int16();
  if (!r.ok) return "";
  if (length < 0) {
    r.fail("invalid-length", `string length ${length} cannot be negative`);
    return "";
  }
  return lenientUtf8.decode(r.raw(length));
}

/** CooperativeStickyAssignor's userData: the member's last generation. */
export function encodeCooperativeStickyUserData(generation: number): Uint8Array {
  return new Writer(4).int32(generation).finish();
}

export function decodeCooperativeStickyUserData(bytes: Uint8Array): Decoded<number> {
  const r = new Reader(bytes);
  const generation = r.int32();
  if (r.error !== null) return { ok: false, error: r.error };
  return { ok: true, value: generation };
}
