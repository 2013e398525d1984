/**
 * The messages that travel inside Produce and Fetch in the conformance tests. Our codecs
 * carry `records` as opaque bytes (RecordBatch has its own tests), so the bytes are built
 * by KafkaJS itself, in the format each API version uses, and compared exactly.
 */
import {
  kafkaJsMessageSet,
  kafkaJsRecordBatch,
  NO_COMPRESSION,
  type BatchProducer,
  type KafkaJsMessage,
} from "./kafkajs-internals.ts";

export const PAYMENT_MESSAGES: KafkaJsMessage[] = [
  {
    key: Buffer.from("order-17"),
    value: Buffer.from('{"amount":1250}'),
    timestamp: 1_717_171_717_171,
  },
  {
    key: null,
    value: Buffer.from("heartbeat"),
    timestamp: 1_717_171_717_180,
    headers: { source: Buffer.from("pos-3") },
  },
];

export const AUDIT_MESSAGES: KafkaJsMessage[] = [
  { key: Buffer.from("user-9"), value: Buffer.from("login"), timestamp: 1_717_171_718_000 },
];

/**
 * Produce v0-v1 carry message format v0, v2 format v1, v3+ RecordBatch v2 (magic byte 2),
 * each built with the arguments KafkaJS's own builder for that version uses.
 */
export function produceRecords(
  version: number,
  messages: KafkaJsMessage[],
  producer: BatchProducer,
): Promise<Uint8Array> {
  if (version <= 1) return Promise.resolve(kafkaJsMessageSet(0, messages));
  if (version === 2) return Promise.resolve(kafkaJsMessageSet(1, messages, NO_COMPRESSION));
  return kafkaJsRecordBatch(messages, producer);
}

const NO_PRODUCER: BatchProducer = { producerId: "-1", producerEpoch: -1, transactional: false };

/**
 * What a broker returns for a Fetch of `version`: a client that asks with v0-v3 cannot read
 * RecordBatch, so the broker down-converts to the message format that version knows.
 */
export function fetchRecords(
  version: number,
  messages: KafkaJsMessage[],
  firstOffset: bigint,
): Promise<Uint8Array> {
  if (version <= 1) return Promise.resolve(kafkaJsMessageSet(0, messages, NO_COMPRESSION));
  if (version <= 3) return Promise.resolve(kafkaJsMessageSet(1, messages, NO_COMPRESSION));
  return kafkaJsRecordBatch(messages, NO_PRODUCER, firstOffset.toString());
}

interface KafkaJsFetchedMessage {
  key: Buffer | null;
  value: Buffer | null;
  offset: string;
}

function text(bytes: Buffer | null | undefined): string | null {
  return bytes === null || bytes === undefined ? null : bytes.toString("utf8");
}

/**
 * A comparator for KafkaJS's decoded `messages`: the keys and values that went in come
 * out, and from a RecordBatch (which carries real offsets) at the offsets they were given.
 */
export function fetchedMessagesMatch(messages: KafkaJsMessage[], firstOffset: bigint | null) {
  return (_ours: unknown, theirs: unknown): string | null => {
    if (!Array.isArray(theirs)) return `KafkaJS decoded no messages: ${String(theirs)}`;
    const got = (theirs as KafkaJsFetchedMessage[]).map((m) => ({
      key: text(m.key),
      value: text(m.value),
      ...(firstOffset === null ? {} : { offset: m.offset }),
    }));
    const wanted = messages.map((m, i) => ({
      key: text(m.key),
      value: text(m.value),
      ...(firstOffset === null ? {} : { offset: String(firstOffset + BigInt(i)) }),
    }));
    const same = JSON.stringify(got) === JSON.stringify(wanted);
    return same ? null : `expected messages ${JSON.stringify(wanted)}, got ${JSON.stringify(got)}`;
  };
}
