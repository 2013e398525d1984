import { beforeAll, describe, expect, it } from "vitest";
import { initCompression } from "./compression/codecs.ts";
import { RecordBatchBuilder, type RecordTimestamp } from "./record-batch-builder.ts";
import { decodeRecordBatch } from "./record-batch-decoder.ts";
import { encodeRecordBatch } from "./record-batch-encoder.ts";
import type { RecordHeader } from "./record-batch-input.ts";
import type { CompressionType } from "./attributes.ts";
import { expectBytesEqual } from "./testing/bytes.ts";

interface Input {
  timestamp: RecordTimestamp;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: RecordHeader[];
}

const text = (value: string) => new TextEncoder().encode(value);

function built(inputs: Input[], compression: CompressionType = "none"): Uint8Array {
  const builder = new RecordBatchBuilder(64);
  for (const input of inputs) {
    const added = builder.tryAppend(
      input.timestamp,
      input.key,
      input.value,
      input.headers,
      1 << 30,
    );
    expect(added).toBeGreaterThan(0);
  }
  const result = builder.build({
    compression,
    producerId: 77n,
    producerEpoch: 3,
    baseSequence: 40,
  });
  if (!result.ok) throw result.error;
  return result.value;
}

function encoded(inputs: Input[], compression: CompressionType = "none"): Uint8Array {
  const result = encodeRecordBatch({
    records: inputs.map((input) => ({
      key: input.key,
      value: input.value,
      headers: input.headers,
      timestamp: BigInt(input.timestamp),
    })),
    compression,
    producerId: 77n,
    producerEpoch: 3,
    baseSequence: 40,
  });
  if (!result.ok) throw result.error;
  return result.value;
}

const mixed: Input[] = [
  { timestamp: 1_700_000_000_000, key: text("k"), value: text("v"), headers: [] },
  { timestamp: 1_700_000_000_500, key: null, value: new Uint8Array(300).fill(7), headers: [] },
  // Earlier than the first: a negative delta.
  {
    timestamp: 1_699_999_999_000,
    key: text("key"),
    value: null,
    headers: [{ key: "h", value: text("x") }],
  },
  {
    timestamp: 1_700_000_000_001,
    key: new Uint8Array(0),
    value: new Uint8Array(0),
    headers: [
      { key: "ünï", value: null },
      { key: "b", value: new Uint8Array(200) },
    ],
  },
];

beforeAll(async () => {
  await initCompression();
});

describe("RecordBatchBuilder", () => {
  it("builds what encodeRecordBatch encodes, byte for byte, for every codec", () => {
    for (const compression of ["none", "gzip", "snappy", "lz4", "zstd"] as const) {
      const bytes = built(mixed, compression);
      if (compression === "none") expectBytesEqual(bytes, encoded(mixed));
      const decoded = decodeRecordBatch(bytes);
      if (!decoded.ok) throw decoded.error;
      expect(decoded.value.header.compression).toBe(compression);
      expect(decoded.value.header.maxTimestamp).toBe(1_700_000_000_500n);
      expect(decoded.value.records.map((record) => record.timestamp)).toEqual(
        mixed.map((input) => BigInt(input.timestamp)),
      );
      expect(decoded.value.records.map((record) => record.headers.length)).toEqual([0, 0, 1, 2]);
    }
  });

  it("takes timestamps beyond 2^53 as bigints, as the encoder does", () => {
    const huge: Input[] = [
      { timestamp: 9_007_199_254_740_993n, key: null, value: text("a"), headers: [] },
      { timestamp: 5, key: null, value: text("b"), headers: [] },
      { timestamp: 9_223_372_036_854_775_807n, key: null, value: text("c"), headers: [] },
    ];
    expectBytesEqual(built(huge), encoded(huge));
  });

  it("stops at the limit, except for a first record, and grows when a record is larger than its buffer", () => {
    const builder = new RecordBatchBuilder(100);
    const big = new Uint8Array(500);
    expect(builder.tryAppend(0, null, big, [], 100)).toBeGreaterThan(500);
    expect(builder.tryAppend(0, null, text("x"), [], 100)).toBe(0);
    expect(builder.recordCount).toBe(1);
    const result = builder.build({
      compression: "none",
      producerId: -1n,
      producerEpoch: -1,
      baseSequence: -1,
    });
    if (!result.ok) throw result.error;
    expect(result.value.length).toBe(builder.sizeInBytes);
    expect(() => builder.tryAppend(0, null, big, [], 1 << 20)).toThrow(/built batch/);
  });

  it("rewrites only the header when built again with a new producer epoch and sequence", () => {
    const builder = new RecordBatchBuilder(16384);
    for (const input of mixed)
      builder.tryAppend(input.timestamp, input.key, input.value, input.headers, 16384);
    const first = builder.build({
      compression: "lz4",
      producerId: 9n,
      producerEpoch: 0,
      baseSequence: 10,
    });
    if (!first.ok) throw first.error;
    const firstRecords = first.value.slice(61);
    const again = builder.build({
      compression: "lz4",
      producerId: 9n,
      producerEpoch: 1,
      baseSequence: 0,
    });
    if (!again.ok) throw again.error;
    expectBytesEqual(again.value.slice(61), firstRecords);
    const decoded = decodeRecordBatch(again.value);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value.header.producerEpoch).toBe(1);
    expect(decoded.value.header.baseSequence).toBe(0);
  });
});
