/**
 * Conformance with a real Kafka client's RecordBatch v2 code: KafkaJS (node_modules/kafkajs,
 * CommonJS). We decode what KafkaJS encodes, KafkaJS decodes what we encode, and for
 * uncompressed batches with the same fields the bytes must be identical.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  crc32c,
  decodeRecordBatch,
  encodeRecordBatch,
  type RecordBatchInput,
} from "./record-batch.ts";
import { expectBytesEqual, pseudoRandomBytes } from "./testing/bytes.ts";

const require = createRequire(import.meta.url);

interface KafkaJsLong {
  toString(): string;
}
interface KafkaJsEncoder {
  buffer: Buffer;
}
interface KafkaJsRecordInput {
  offsetDelta: number;
  timestampDelta: number;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, Buffer>;
}
interface KafkaJsDecodedRecord {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | null>;
}
interface KafkaJsDecodedBatch {
  firstOffset: string;
  firstTimestamp: string;
  maxTimestamp: string;
  partitionLeaderEpoch: number;
  inTransaction: boolean;
  lastOffsetDelta: number;
  producerId: string;
  producerEpoch: number;
  firstSequence: number;
  records: KafkaJsDecodedRecord[];
}

const Long = require("kafkajs/src/utils/long") as {
  fromValue(value: bigint | string | number): KafkaJsLong;
};
const { RecordBatch } = require("kafkajs/src/protocol/recordBatch/v0") as {
  RecordBatch(options: Record<string, unknown>): Promise<KafkaJsEncoder>;
};
const KafkaJsRecord = require("kafkajs/src/protocol/recordBatch/record/v0") as (
  record: KafkaJsRecordInput,
) => KafkaJsEncoder;
const decodeKafkaJsBatch = require("kafkajs/src/protocol/recordBatch/v0/decoder") as (
  decoder: unknown,
) => Promise<KafkaJsDecodedBatch>;
const KafkaJsDecoder = require("kafkajs/src/protocol/decoder") as new (buffer: Buffer) => unknown;
const kafkaJsCrc32C = require("kafkajs/src/protocol/recordBatch/crc32C") as (
  buffer: Buffer,
) => number;
const { Types: KafkaJsCompression } = require("kafkajs/src/protocol/message/compression") as {
  Types: { None: number; GZIP: number };
};

const text = (value: string) => new TextEncoder().encode(value);
const asBuffer = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes));

const BASE_TIMESTAMP = 1_700_000_000_000n;

/** The same batch, once as our input and once as KafkaJS's. */
function sampleBatch(recordCount: number): {
  ours: RecordBatchInput;
  kafkaJs: Record<string, unknown>;
} {
  const records = Array.from({ length: recordCount }, (_, index) => ({
    key: index % 4 === 0 ? null : text(`key-${index}`),
    value: index % 9 === 5 ? null : text(`value ${index} `.repeat(1 + (index % 3))),
    timestamp: BASE_TIMESTAMP + BigInt(index * 11),
    headers: index % 5 === 0 ? [{ key: "trace", value: text(`t-${index}`) }] : [],
  }));
  const ours: RecordBatchInput = {
    baseOffset: 1000n,
    partitionLeaderEpoch: 4,
    producerId: 77n,
    producerEpoch: 2,
    baseSequence: 10,
    isTransactional: true,
    records,
  };
  const kafkaJs = {
    firstOffset: Long.fromValue(1000n),
    firstTimestamp: Number(BASE_TIMESTAMP),
    maxTimestamp: Number(BASE_TIMESTAMP) + (recordCount - 1) * 11,
    partitionLeaderEpoch: 4,
    lastOffsetDelta: recordCount - 1,
    transactional: true,
    producerId: Long.fromValue(77n),
    producerEpoch: 2,
    firstSequence: 10,
    records: records.map((record, index) =>
      KafkaJsRecord({
        offsetDelta: index,
        timestampDelta: index * 11,
        key: asBuffer(record.key),
        value: asBuffer(record.value),
        headers: Object.fromEntries(
          record.headers.map((header) => [header.key, Buffer.from(header.value)]),
        ),
      }),
    ),
  };
  return { ours, kafkaJs };
}

function encodedByUs(input: RecordBatchInput): Uint8Array {
  const result = encodeRecordBatch(input);
  if (!result.ok) throw result.error;
  return result.value;
}

describe("KafkaJS conformance", () => {
  for (const [name, code] of [
    ["none", KafkaJsCompression.None],
    ["gzip", KafkaJsCompression.GZIP],
  ] as const) {
    it(`decodes what KafkaJS encodes (${name})`, async () => {
      const { ours, kafkaJs } = sampleBatch(30);
      const bytes = new Uint8Array((await RecordBatch({ ...kafkaJs, compression: code })).buffer);
      const result = decodeRecordBatch(bytes);
      if (!result.ok) throw result.error;
      const { header, records } = result.value;
      expect(header).toMatchObject({
        baseOffset: 1000n,
        lastOffset: 1029n,
        partitionLeaderEpoch: 4,
        compression: name,
        isTransactional: true,
        producerId: 77n,
        producerEpoch: 2,
        baseSequence: 10,
        baseTimestamp: BASE_TIMESTAMP,
        maxTimestamp: BASE_TIMESTAMP + 29n * 11n,
      });
      records.forEach((record, index) => {
        const expected = ours.records[index]!;
        expect(record.offset).toBe(1000n + BigInt(index));
        expect(record.timestamp).toBe(expected.timestamp);
        expectBytesEqual(record.key, expected.key ?? null);
        expectBytesEqual(record.value, expected.value ?? null);
        expect(record.headers.map((header) => header.key)).toEqual(
          expected.headers!.map((header) => header.key),
        );
      });
    });

    it(`is decoded by KafkaJS (${name})`, async () => {
      const { ours } = sampleBatch(30);
      const bytes = encodedByUs({ ...ours, compression: name });
      const batch = await decodeKafkaJsBatch(new KafkaJsDecoder(Buffer.from(bytes)));
      expect(batch.firstOffset).toBe("1000");
      expect(batch.firstTimestamp).toBe(String(BASE_TIMESTAMP));
      expect(batch.maxTimestamp).toBe(String(BASE_TIMESTAMP + 29n * 11n));
      expect(batch.partitionLeaderEpoch).toBe(4);
      expect(batch.inTransaction).toBe(true);
      expect(batch.lastOffsetDelta).toBe(29);
      expect(batch.producerId).toBe("77");
      expect(batch.producerEpoch).toBe(2);
      expect(batch.firstSequence).toBe(10);
      expect(batch.records.length).toBe(30);
      batch.records.forEach((record, index) => {
        const expected = ours.records[index]!;
        expect(record.offset).toBe(String(1000 + index));
        expect(record.timestamp).toBe(String(expected.timestamp));
        expectBytesEqual(
          record.key === null ? null : new Uint8Array(record.key),
          expected.key ?? null,
        );
        expectBytesEqual(
          record.value === null ? null : new Uint8Array(record.value),
          expected.value ?? null,
        );
        expect(Object.keys(record.headers)).toEqual(expected.headers!.map((header) => header.key));
      });
    });
  }

  it("writes the same bytes as KafkaJS for the same uncompressed batch", async () => {
    for (const count of [1, 2, 17, 200]) {
      const { ours, kafkaJs } = sampleBatch(count);
      const theirs = new Uint8Array(
        (await RecordBatch({ ...kafkaJs, compression: KafkaJsCompression.None })).buffer,
      );
      expectBytesEqual(encodedByUs(ours), theirs);
    }
  });

  it("computes the same CRC32C as KafkaJS", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(crc32c(bytes)).toBe(kafkaJsCrc32C(Buffer.from(bytes)) >>> 0);
      }),
      { numRuns: 300 },
    );
    const large = pseudoRandomBytes(100_000, 11);
    expect(crc32c(large)).toBe(kafkaJsCrc32C(Buffer.from(large)) >>> 0);
  });
});
