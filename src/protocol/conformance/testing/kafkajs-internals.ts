/**
 * KafkaJS 2.2.4's own protocol code, loaded from its sources (it is CommonJS and ships no
 * types for these internals), so the conformance tests run the real client's encoders and
 * decoders rather than our idea of them. Only the few shapes the tests touch are typed.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const SRC = "kafkajs/src";

/** KafkaJS's append-only encoder; `buffer` is what it has written. */
export interface KafkaJsEncoder {
  readonly buffer: Buffer;
}

/** KafkaJS's cursor over a response buffer. */
export interface KafkaJsDecoder {
  readInt32(): number;
  readBytes(length: number): Buffer;
  readAll(): Buffer;
}

/** What one versioned request builder returns: the request and how to read its answer. */
export interface KafkaJsExchange {
  request: {
    apiKey: number;
    apiVersion: number;
    apiName: string;
    encode(): Promise<KafkaJsEncoder>;
  };
  response: {
    decode(payload: Buffer): Promise<unknown>;
    parse(decoded: unknown): Promise<unknown>;
  };
}

/** requests/<api>/index.js: the versions KafkaJS implements and a builder per version. */
export interface KafkaJsRequestDefinitions {
  versions: string[];
  protocol(options: { version: number }): (args: unknown) => KafkaJsExchange;
}

/** A message as KafkaJS's producer takes it. */
export interface KafkaJsMessage {
  key: Buffer | null;
  value: Buffer | null;
  timestamp: number;
  headers?: Record<string, Buffer>;
}

type DecoderClass = new (buffer: Buffer) => KafkaJsDecoder;
type CreateRequest = (options: {
  correlationId: number;
  clientId: string;
  request: KafkaJsExchange["request"];
}) => Promise<KafkaJsEncoder>;

export const KafkaJsDecoder = require(`${SRC}/protocol/decoder`) as DecoderClass;

/** API name → API key, as KafkaJS names them (FindCoordinator is "GroupCoordinator"). */
export const kafkaJsApiKeys = require(`${SRC}/protocol/requests/apiKeys`) as Record<string, number>;

/** Every API KafkaJS knows by name; unimplemented ones have no versions. */
export const kafkaJsRequests = (
  require(`${SRC}/protocol/requests`) as { requests: Record<string, KafkaJsRequestDefinitions> }
).requests;

/** KafkaJS's request framing: size, header v1 (api key, version, correlation id, client id), body. */
export const createKafkaJsRequestFrame = require(`${SRC}/protocol/request`) as CreateRequest;

/** KafkaJS's int64 wrapper, which its request builders take for producer ids. */
export const KafkaJsLong = require(`${SRC}/utils/long`) as { fromString(value: string): unknown };

const createMessageSet = require(`${SRC}/protocol/messageSet`) as (options: {
  messageVersion: number;
  compression?: number;
  entries: KafkaJsMessage[];
}) => KafkaJsEncoder;

const createRecord = require(`${SRC}/protocol/recordBatch/record/v0`) as (options: {
  offsetDelta: number;
  timestampDelta: number;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, Buffer>;
}) => KafkaJsEncoder;

const { RecordBatch: createRecordBatch } = require(`${SRC}/protocol/recordBatch/v0`) as {
  RecordBatch(options: {
    compression?: number;
    firstOffset?: unknown;
    records: KafkaJsEncoder[];
    firstTimestamp: number;
    maxTimestamp: number;
    producerId?: unknown;
    producerEpoch?: number;
    transactional?: boolean;
    lastOffsetDelta: number;
  }): Promise<KafkaJsEncoder>;
};

export const { MemberMetadata: KafkaJsMemberMetadata, MemberAssignment: KafkaJsMemberAssignment } =
  require(`${SRC}/consumer/assignerProtocol`) as {
    MemberMetadata: {
      encode(options: { version: number; topics: string[]; userData?: Buffer }): Buffer;
      decode(buffer: Buffer): { version: number; topics: string[]; userData: Buffer | null };
    };
    MemberAssignment: {
      encode(options: {
        version: number;
        assignment: Record<string, number[]>;
        userData?: Buffer;
      }): Buffer;
      decode(
        buffer: Buffer,
      ): { version: number; assignment: Record<string, number[]>; userData: Buffer | null } | null;
    };
  };

/** KafkaJS's compression type for "none". */
export const NO_COMPRESSION = 0;

/**
 * A legacy MessageSet (magic 0 or 1), as KafkaJS writes it for Produce v0-v2. KafkaJS quirk:
 * the entries' offsets are -1 only when `compression` is given as none; left out (as its
 * Produce v0-v1 builder does) they are numbered 0, 1, ... as if the set were compressed.
 */
export function kafkaJsMessageSet(
  messageVersion: 0 | 1,
  messages: KafkaJsMessage[],
  compression?: number,
): Uint8Array {
  return createMessageSet({
    messageVersion,
    entries: messages,
    ...(compression === undefined ? {} : { compression }),
  }).buffer;
}

export interface BatchProducer {
  producerId: string;
  producerEpoch: number;
  transactional: boolean;
}

/**
 * An uncompressed RecordBatch (magic 2) of `messages`, built the way KafkaJS's Produce v3+
 * builder builds one (requests/produce/v3/request.js), so that its bytes can be compared exactly.
 */
export async function kafkaJsRecordBatch(
  messages: KafkaJsMessage[],
  producer: BatchProducer,
  firstOffset = "0",
): Promise<Uint8Array> {
  const timestamps = messages.map((m) => m.timestamp).sort((a, b) => a - b);
  const firstTimestamp = timestamps[0] ?? 0;
  const records = messages.map((message, i) =>
    createRecord({
      ...message,
      offsetDelta: i,
      timestampDelta: message.timestamp - firstTimestamp,
    }),
  );
  const batch = await createRecordBatch({
    records,
    firstOffset: KafkaJsLong.fromString(firstOffset),
    firstTimestamp,
    maxTimestamp: timestamps[timestamps.length - 1] ?? 0,
    producerId: KafkaJsLong.fromString(producer.producerId),
    producerEpoch: producer.producerEpoch,
    transactional: producer.transactional,
    lastOffsetDelta: records.length - 1,
  });
  return batch.buffer;
}

/**
 * Split a response frame the way KafkaJS's connection does (network/connection.js): the
 * size, then the correlation id, and everything after it is the payload its decoders get.
 * KafkaJS never reads a response header v1, which is fine: none of its versions is flexible.
 */
export function splitKafkaJsResponseFrame(frame: Uint8Array): {
  correlationId: number;
  payload: Buffer;
} {
  const outer = new KafkaJsDecoder(Buffer.from(frame));
  const size = outer.readInt32();
  const response = new KafkaJsDecoder(outer.readBytes(size));
  const correlationId = response.readInt32();
  return { correlationId, payload: response.readAll() };
}
