import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  COMPRESSION_TYPES,
  decodeRecordBatch,
  encodeRecordBatch,
  initCompression,
  isRecordBatchCrcValid,
  readRecordBatchHeader,
  scanRecordBatches,
  type RecordBatchInput,
  type RecordInput,
} from "./record-batch.ts";
import { expectBytesEqual } from "./testing/bytes.ts";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const bytesOrNull = fc.option(fc.uint8Array({ maxLength: 64 }), { nil: null, freq: 4 });
const timestamp = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: 1_600_000_000_000n, max: 1_800_000_000_000n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: INT64_MIN, max: INT64_MAX }) },
  { weight: 1, arbitrary: fc.constantFrom(-1n, 0n, INT64_MIN, INT64_MAX) },
);
const recordArbitrary: fc.Arbitrary<RecordInput> = fc.record({
  key: bytesOrNull,
  value: bytesOrNull,
  timestamp,
  headers: fc.array(
    fc.record({ key: fc.string({ unit: "binary", maxLength: 12 }), value: bytesOrNull }),
    {
      maxLength: 3,
    },
  ),
});

const batchArbitrary: fc.Arbitrary<RecordBatchInput> = fc.record({
  records: fc.array(recordArbitrary, { maxLength: 12 }),
  baseOffset: fc.bigInt({ min: 0n, max: 2n ** 62n }),
  partitionLeaderEpoch: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
  compression: fc.constantFrom(...COMPRESSION_TYPES),
  timestampType: fc.constantFrom("CreateTime" as const, "LogAppendTime" as const),
  logAppendTimeMs: fc.bigInt({ min: 0n, max: 2n ** 45n }),
  isTransactional: fc.boolean(),
  isControl: fc.boolean(),
  producerId: fc.bigInt({ min: -1n, max: INT64_MAX }),
  producerEpoch: fc.integer({ min: -1, max: 32767 }),
  baseSequence: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
});

/** The string a header key becomes on the wire and back (lone surrogates turn into U+FFFD). */
const throughUtf8 = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));

function encodedOrThrow(input: RecordBatchInput): Uint8Array {
  const result = encodeRecordBatch(input);
  if (!result.ok) throw result.error;
  return result.value;
}

beforeAll(async () => {
  await initCompression();
});

describe("RecordBatch v2 properties", () => {
  it("round-trips random batches exactly, with every codec", () => {
    fc.assert(
      fc.property(batchArbitrary, (input) => {
        const bytes = encodedOrThrow(input);
        const result = decodeRecordBatch(bytes);
        if (!result.ok) throw result.error;
        const { header, records } = result.value;
        expect(header.sizeInBytes).toBe(bytes.length);
        expect(header.baseOffset).toBe(input.baseOffset);
        expect(header.partitionLeaderEpoch).toBe(input.partitionLeaderEpoch);
        expect(header.compression).toBe(input.compression);
        expect(header.timestampType).toBe(input.timestampType);
        expect(header.isTransactional).toBe(input.isTransactional);
        expect(header.isControl).toBe(input.isControl);
        expect(header.producerId).toBe(input.producerId);
        expect(header.producerEpoch).toBe(input.producerEpoch);
        expect(header.baseSequence).toBe(input.baseSequence);
        expect(header.recordsCount).toBe(input.records.length);
        expect(records.length).toBe(input.records.length);
        records.forEach((record, index) => {
          const original = input.records[index]!;
          expect(record.offset).toBe(input.baseOffset! + BigInt(index));
          expect(record.timestamp).toBe(
            input.timestampType === "LogAppendTime" ? input.logAppendTimeMs : original.timestamp,
          );
          expectBytesEqual(record.key, original.key ?? null);
          expectBytesEqual(record.value, original.value ?? null);
          const headers = record.headers;
          expect(headers.length).toBe(original.headers!.length);
          headers.forEach((header, headerIndex) => {
            const originalHeader = original.headers![headerIndex]!;
            expect(header.key).toBe(throughUtf8(originalHeader.key));
            expectBytesEqual(header.value, originalHeader.value);
          });
        });
      }),
      { numRuns: 400 },
    );
  });

  it("re-encodes a decoded batch to the same bytes (uncompressed)", () => {
    fc.assert(
      fc.property(batchArbitrary, (input) => {
        const bytes = encodedOrThrow({
          ...input,
          compression: "none",
          timestampType: "CreateTime",
        });
        const result = decodeRecordBatch(bytes);
        if (!result.ok) throw result.error;
        const { header, records } = result.value;
        const again = encodedOrThrow({
          ...input,
          compression: "none",
          timestampType: "CreateTime",
          baseTimestamp: header.baseTimestamp,
          records: records.map((record) => ({
            key: record.key,
            value: record.value,
            timestamp: record.timestamp,
            offsetDelta: record.offsetDelta,
            headers: record.headers,
          })),
        });
        expectBytesEqual(again, bytes);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * Mutation fuzzing: flip bits, overwrite bytes, cut, splice. Whatever the bytes, decoding
 * returns (never throws), and an ok result always carries a CRC that matches its bytes.
 */
describe("decoding mutated batches", () => {
  const seeds: Uint8Array[] = [];
  beforeAll(() => {
    const text = (value: string) => new TextEncoder().encode(value);
    for (const compression of COMPRESSION_TYPES) {
      seeds.push(
        encodedOrThrow({
          compression,
          baseOffset: 42n,
          producerId: 7n,
          producerEpoch: 1,
          baseSequence: 0,
          records: Array.from({ length: 6 }, (_, index) => ({
            key: index % 2 ? text(`k${index}`) : null,
            value: text(`value-${index}-`.repeat(index + 1)),
            timestamp: 1700000000000n + BigInt(index),
            headers: index === 3 ? [{ key: "h", value: text("v") }] : [],
          })),
        }),
      );
    }
  });

  type Mutation =
    | { kind: "flip"; at: number; bit: number }
    | { kind: "set"; at: number; byte: number }
    | { kind: "cut"; at: number }
    | { kind: "insert"; at: number; bytes: Uint8Array };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
      kind: fc.constant("flip" as const),
      at: fc.nat(),
      bit: fc.integer({ min: 0, max: 7 }),
    }),
    fc.record({
      kind: fc.constant("set" as const),
      at: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
    }),
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
  );

  function mutate(seed: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
    let bytes = seed.slice();
    for (const change of mutations) {
      if (bytes.length === 0) break;
      const at = change.at % bytes.length;
      if (change.kind === "flip") bytes[at]! ^= 1 << change.bit;
      else if (change.kind === "set") bytes[at] = change.byte;
      else if (change.kind === "cut") bytes = bytes.slice(0, at);
      else
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...change.bytes, ...bytes.subarray(at)]);
    }
    return bytes;
  }

  it("never throws and never accepts a wrong CRC (20,000 cases)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: COMPRESSION_TYPES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (seedIndex, mutations, skipCrc) => {
          const bytes = mutate(seeds[seedIndex]!, mutations);
          const result = decodeRecordBatch(bytes, {
            verifyCrc: !skipCrc,
            decompressedBytesMax: 1 << 20,
          });
          if (result.ok && !skipCrc)
            expect(isRecordBatchCrcValid(bytes, result.value.header)).toBe(true);
          if (!result.ok) expect(result.error.errorCode).toBeGreaterThan(0);
          // Header-only reading and scanning must be just as safe.
          readRecordBatchHeader(bytes);
          scanRecordBatches(bytes);
          if (result.ok) for (const record of result.value.records) void record.headers;
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("never throws on random bytes, with or without a plausible header in front", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (noise, withHeader) => {
        const bytes = withHeader
          ? Uint8Array.from([...seeds[0]!.subarray(0, 61), ...noise])
          : noise;
        if (withHeader) new DataView(bytes.buffer).setInt32(8, bytes.length - 12);
        const result = decodeRecordBatch(bytes, { verifyCrc: false });
        if (!result.ok) expect(result.error).toBeInstanceOf(Error);
      }),
      { numRuns: 3000 },
    );
  });
});
