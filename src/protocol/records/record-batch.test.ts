import { beforeAll, describe, expect, it } from "vitest";
import { encoded, text } from "./testing/encoded-batch.ts";
import {
  CRC_POSITION,
  RECORDS_COUNT_POSITION,
  RECORDS_POSITION,
  crc32c,
  decodeRecordBatch,
  encodeRecordBatch,
  initCompression,
  writeBatchCrc,
  type DecodedRecordBatch,
  type RecordBatchInput,
  type RecordBatchResult,
} from "./record-batch.ts";
import { expectBytesEqual } from "./testing/bytes.ts";

function decoded(bytes: Uint8Array): DecodedRecordBatch {
  const result = decodeRecordBatch(bytes);
  if (!result.ok) throw result.error;
  return result.value;
}

function expectFailure(
  result: RecordBatchResult<unknown>,
  kind: string,
  errorCode?: number,
  detail?: string,
): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.kind).toBe(kind);
    if (errorCode !== undefined) expect(result.error.errorCode).toBe(errorCode);
    if (detail !== undefined) expect(result.error.message).toContain(detail);
  }
}

/** Re-encodes a records section by hand into an otherwise valid batch, fixing count and CRC. */
function batchWithSection(section: number[], count: number): Uint8Array {
  const header = encoded({ records: [] }).subarray(0, RECORDS_POSITION);
  const batch = new Uint8Array(RECORDS_POSITION + section.length);
  batch.set(header);
  batch.set(section, RECORDS_POSITION);
  const view = new DataView(batch.buffer);
  view.setInt32(8, batch.length - 12);
  view.setInt32(RECORDS_COUNT_POSITION, count);
  writeBatchCrc(batch, 0);
  return batch;
}

beforeAll(async () => {
  await initCompression();
});

describe("encodeRecordBatch", () => {
  it("lays out a one-record batch byte for byte", () => {
    const bytes = encoded({ records: [{ key: text("k"), value: text("v"), timestamp: 1000n }] });
    const expectedHeaderWithoutCrc = [
      ...[0, 0, 0, 0, 0, 0, 0, 0], // baseOffset 0
      ...[0, 0, 0, 58], // batchLength: 70 - 12
      ...[0xff, 0xff, 0xff, 0xff], // partitionLeaderEpoch -1
      2, // magic
    ];
    expect(Array.from(bytes.subarray(0, 17))).toEqual(expectedHeaderWithoutCrc);
    expect(Array.from(bytes.subarray(21))).toEqual([
      ...[0, 0], // attributes: no compression, CreateTime
      ...[0, 0, 0, 0], // lastOffsetDelta
      ...[0, 0, 0, 0, 0, 0, 0x03, 0xe8], // baseTimestamp 1000
      ...[0, 0, 0, 0, 0, 0, 0x03, 0xe8], // maxTimestamp 1000
      ...[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // producerId -1
      ...[0xff, 0xff], // producerEpoch -1
      ...[0xff, 0xff, 0xff, 0xff], // baseSequence -1
      ...[0, 0, 0, 1], // records count
      // record: length 8 (zig-zag 16), attributes, timestampDelta 0, offsetDelta 0,
      // key length 1 (zig-zag 2) "k", value length 1 "v", no headers
      0x10,
      0x00,
      0x00,
      0x00,
      0x02,
      0x6b,
      0x02,
      0x76,
      0x00,
    ]);
    const storedCrc = new DataView(bytes.buffer).getUint32(CRC_POSITION);
    expect(storedCrc).toBe(crc32c(bytes.subarray(21)));
  });

  it("derives lastOffsetDelta, baseTimestamp and maxTimestamp as Kafka's producer does", () => {
    const bytes = encoded({
      records: [
        { value: text("a"), timestamp: 5000n },
        { value: text("b"), timestamp: 4000n },
        { value: text("c"), timestamp: 7000n },
      ],
    });
    const { header, records } = decoded(bytes);
    expect(header.lastOffsetDelta).toBe(2);
    expect(header.baseTimestamp).toBe(5000n); // the first record's, not the smallest
    expect(header.maxTimestamp).toBe(7000n);
    expect(records.map((record) => record.timestampDelta)).toEqual([0n, -1000n, 2000n]);
    expect(records.map((record) => record.timestamp)).toEqual([5000n, 4000n, 7000n]);
  });

  it("starts maxTimestamp at -1 (NO_TIMESTAMP) as Kafka's MemoryRecordsBuilder does", () => {
    expect(
      decoded(encoded({ records: [{ timestamp: -5n }, { timestamp: -9n }] })).header.maxTimestamp,
    ).toBe(-1n);
    expect(decoded(encoded({ records: [{ timestamp: -(2n ** 63n) }] })).header.maxTimestamp).toBe(
      -1n,
    );
  });

  it("reports UNSUPPORTED_COMPRESSION_TYPE only through a result (zstd is loaded here)", () => {
    expect(encodeRecordBatch({ records: [{ value: text("x") }], compression: "zstd" }).ok).toBe(
      true,
    );
  });

  it("throws on out-of-range fields, which are programmer errors", () => {
    expect(() => encodeRecordBatch({ records: [], producerEpoch: 40_000 })).toThrow(RangeError);
    expect(() => encodeRecordBatch({ records: [], baseOffset: 2n ** 63n })).toThrow(RangeError);
    expect(() => encodeRecordBatch({ records: [{ offsetDelta: 2 ** 31 }] })).toThrow(RangeError);
  });
});

describe("encode then decode", () => {
  it("keeps every header field", () => {
    const bytes = encoded({
      baseOffset: 1234567890123n,
      partitionLeaderEpoch: 17,
      compression: "gzip",
      isTransactional: true,
      producerId: 9_000_000_000n,
      producerEpoch: 3,
      baseSequence: 41,
      records: [
        { value: text("x"), timestamp: 1700000000000n },
        { value: text("y"), timestamp: 1700000000002n },
      ],
    });
    const { header } = decoded(bytes);
    expect(header).toMatchObject({
      position: 0,
      baseOffset: 1234567890123n,
      lastOffset: 1234567890124n,
      batchLength: bytes.length - 12,
      sizeInBytes: bytes.length,
      partitionLeaderEpoch: 17,
      magic: 2,
      compression: "gzip",
      timestampType: "CreateTime",
      isTransactional: true,
      isControl: false,
      hasDeleteHorizonMs: false,
      deleteHorizonMs: null,
      lastOffsetDelta: 1,
      baseTimestamp: 1700000000000n,
      maxTimestamp: 1700000000002n,
      producerId: 9_000_000_000n,
      producerEpoch: 3,
      baseSequence: 41,
      lastSequence: 42,
      recordsCount: 2,
    });
  });

  it("keeps keys, values, nulls, headers (null values, non-ASCII keys) and gaps in offsets", () => {
    const input: RecordBatchInput = {
      baseOffset: 100n,
      records: [
        {
          key: text("key"),
          value: text("value"),
          timestamp: 1n,
          headers: [{ key: "trace-id", value: text("abc") }],
        },
        { key: null, value: null, timestamp: 2n, offsetDelta: 5 },
        {
          key: new Uint8Array(0),
          value: new Uint8Array(0),
          timestamp: 3n,
          offsetDelta: 9,
          headers: [
            { key: "키-🙂", value: null },
            { key: "", value: new Uint8Array(0) },
          ],
        },
      ],
    };
    const { header, records } = decoded(encoded(input));
    expect(header.lastOffsetDelta).toBe(9);
    expect(records.map((record) => record.offset)).toEqual([100n, 105n, 109n]);
    expectBytesEqual(records[0]!.key, text("key"));
    expectBytesEqual(records[0]!.value, text("value"));
    expect(records[0]!.headers.map((header) => header.key)).toEqual(["trace-id"]);
    expectBytesEqual(records[0]!.headers[0]!.value, text("abc"));
    expect(records[1]!.key).toBeNull();
    expect(records[1]!.value).toBeNull();
    expect(records[1]!.keySize).toBe(-1);
    expect(records[1]!.valueSize).toBe(-1);
    expect(records[2]!.key).toEqual(new Uint8Array(0));
    expect(records[2]!.headers).toEqual([
      { key: "키-🙂", value: null },
      { key: "", value: new Uint8Array(0) },
    ]);
  });

  it("keeps timestamps at the int64 extremes (deltas needing all 64 bits)", () => {
    const min = -(2n ** 63n);
    const max = 2n ** 63n - 1n;
    const { header, records } = decoded(
      encoded({ records: [{ timestamp: min }, { timestamp: max }, { timestamp: 0n }] }),
    );
    expect(header.baseTimestamp).toBe(min);
    expect(header.maxTimestamp).toBe(max);
    expect(records.map((record) => record.timestamp)).toEqual([min, max, 0n]);
  });

  it("gives every record the append time in a LogAppendTime batch", () => {
    const { header, records } = decoded(
      encoded({
        timestampType: "LogAppendTime",
        logAppendTimeMs: 99n,
        records: [{ timestamp: 5n }, { timestamp: 6n }],
      }),
    );
    expect(header.timestampType).toBe("LogAppendTime");
    expect(header.maxTimestamp).toBe(99n);
    expect(records.map((record) => record.timestamp)).toEqual([99n, 99n]);
    expect(records.map((record) => record.timestampDelta)).toEqual([0n, 1n]);
  });

  it("stores a delete horizon as baseTimestamp with attribute bit 6", () => {
    const { header, records } = decoded(
      encoded({ deleteHorizonMs: 500n, records: [{ timestamp: 450n }] }),
    );
    expect(header.hasDeleteHorizonMs).toBe(true);
    expect(header.deleteHorizonMs).toBe(500n);
    expect(header.attributes & 0x40).toBe(0x40);
    expect(records[0]!.timestamp).toBe(450n);
  });

  it("encodes an empty batch (what compaction can leave behind) with its own lastOffsetDelta", () => {
    const { header, records } = decoded(
      encoded({ records: [], baseOffset: 10n, lastOffsetDelta: 4, isControl: true }),
    );
    expect(records).toEqual([]);
    expect(header.lastOffset).toBe(14n);
    expect(header.maxTimestamp).toBe(-1n);
    expect(header.isControl).toBe(true);
  });

  it("derives per-record sequences, wrapping past 2^31-1 as Kafka does", () => {
    const { header, records } = decoded(
      encoded({
        baseSequence: 2 ** 31 - 2,
        producerId: 1n,
        producerEpoch: 0,
        records: [{}, {}, {}],
      }),
    );
    expect(records.map((record) => record.sequence)).toEqual([2 ** 31 - 2, 2 ** 31 - 1, 0]);
    expect(header.lastSequence).toBe(0);
  });

  for (const compression of ["none", "gzip", "snappy", "lz4", "zstd"] as const) {
    it(`round-trips 1,000 records with ${compression}`, () => {
      const input: RecordBatchInput = {
        compression,
        baseOffset: 5000n,
        records: Array.from({ length: 1000 }, (_, index) => ({
          key: index % 3 === 0 ? null : text(`key-${index % 17}`),
          value: text(`value ${index} `.repeat(1 + (index % 5))),
          timestamp: 1700000000000n + BigInt(index),
          headers: index % 10 === 0 ? [{ key: "index", value: text(String(index)) }] : [],
        })),
      };
      const { header, records } = decoded(encoded(input));
      expect(header.compression).toBe(compression);
      expect(records.length).toBe(1000);
      records.forEach((record, index) => {
        const original = input.records[index]!;
        expect(record.offset).toBe(5000n + BigInt(index));
        expect(record.timestamp).toBe(original.timestamp);
        expectBytesEqual(record.key, original.key ?? null);
        expectBytesEqual(record.value, original.value ?? null);
        expect(record.headers.length).toBe(original.headers!.length);
      });
    });
  }
});

describe("decodeRecordBatch on bad input", () => {
  const good = () => encoded({ records: [{ key: text("a"), value: text("b"), timestamp: 7n }] });

  it("reports a buffer shorter than the batch as truncated", () => {
    const bytes = good();
    for (const cut of [0, 5, 16, 17, 60, bytes.length - 1]) {
      expectFailure(decodeRecordBatch(bytes.subarray(0, cut)), "truncated", 2);
    }
  });

  it("reports a wrong CRC as crc-mismatch (CORRUPT_MESSAGE), and skips the check on request", () => {
    const bytes = good();
    bytes[bytes.length - 2]! ^= 0x01; // inside the value
    expectFailure(decodeRecordBatch(bytes), "crc-mismatch", 2);
    expect(decodeRecordBatch(bytes, { verifyCrc: false }).ok).toBe(true);
  });

  it("reports magic 0 and 1 (legacy message sets) and unknown magics as unsupported-magic", () => {
    for (const magic of [0, 1, 3, -1]) {
      const bytes = good();
      bytes[16] = magic & 0xff;
      expectFailure(decodeRecordBatch(bytes), "unsupported-magic");
    }
  });

  it("reports a batchLength below the v2 header as invalid-batch-length", () => {
    for (const length of [-1, 0, 13, 14, 48]) {
      const bytes = new Uint8Array(200);
      bytes.set(good());
      new DataView(bytes.buffer).setInt32(8, length);
      expectFailure(decodeRecordBatch(bytes), "invalid-batch-length");
    }
  });

  it("reports codec bits 5-7 as UNSUPPORTED_COMPRESSION_TYPE", () => {
    for (const code of [5, 6, 7]) {
      const bytes = good();
      bytes[22] = code;
      writeBatchCrc(bytes, 0);
      expectFailure(decodeRecordBatch(bytes), "unsupported-compression-type", 76);
    }
  });

  it("reports compressed bytes that do not decompress as corrupt-compressed-data", () => {
    const bytes = good();
    bytes[22] = 1; // claims gzip, holds plain records
    writeBatchCrc(bytes, 0);
    expectFailure(decodeRecordBatch(bytes), "corrupt-compressed-data", 2);
  });

  it("stops a decompression bomb at the limit", () => {
    const bomb = encoded({ compression: "gzip", records: [{ value: new Uint8Array(4 << 20) }] });
    expect(bomb.length).toBeLessThan(10_000);
    expectFailure(
      decodeRecordBatch(bomb, { decompressedBytesMax: 1 << 20 }),
      "decompressed-size-limit",
      10,
    );
    expect(decodeRecordBatch(bomb).ok).toBe(true);
  });

  it("reports a count that disagrees with the records as invalid-record", () => {
    const record = [0x10, 0x00, 0x00, 0x00, 0x02, 0x6b, 0x02, 0x76, 0x00];
    // key "k", value of 20 bytes: 29 bytes, enough room that a count of 2 is plausible
    // prettier-ignore
    const longer = [0x36, 0x00, 0x00, 0x00, 0x02, 0x6b, 0x28, ...new Array<number>(20).fill(0x61), 0x00];
    expectFailure(
      decodeRecordBatch(batchWithSection(longer, 2)),
      "invalid-record",
      87,
      "expected 2 records but found 1",
    );
    expectFailure(
      decodeRecordBatch(batchWithSection([...record, ...record], 1)),
      "invalid-record",
      87,
      "9 bytes left after the last of 1 records",
    );
    expectFailure(
      decodeRecordBatch(batchWithSection(record, -1)),
      "invalid-record",
      87,
      "invalid record count -1",
    );
    expect(decodeRecordBatch(batchWithSection(record, 1)).ok).toBe(true);
    expect(decodeRecordBatch(batchWithSection(longer, 1)).ok).toBe(true);
  });

  it("refuses hostile counts and lengths without allocating for them", () => {
    const record = [0x10, 0x00, 0x00, 0x00, 0x02, 0x6b, 0x02, 0x76, 0x00];
    expectFailure(
      decodeRecordBatch(batchWithSection(record, 2 ** 31 - 1)),
      "invalid-record",
      87,
      "cannot fit",
    );
    // A record length of 2^31-1 (zig-zag 0xfffffffe as a 5-byte varint).
    expectFailure(
      decodeRecordBatch(batchWithSection([0xfe, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0], 1)),
      "invalid-record",
      87,
      "length 2147483647 does not fit",
    );
    // A key length of 2^30 inside an 8-byte record.
    expectFailure(
      decodeRecordBatch(
        batchWithSection([0x10, 0x00, 0x00, 0x00, 0x80, 0x80, 0x80, 0x80, 0x08], 1),
      ),
      "invalid-record",
      87,
      "key of 1073741824 bytes overruns the record",
    );
    // A header count of 2^30 inside a 10-byte record.
    expectFailure(
      decodeRecordBatch(
        batchWithSection([0x14, 0x00, 0x00, 0x00, 0x01, 0x01, 0x80, 0x80, 0x80, 0x80, 0x08], 1),
      ),
      "invalid-record",
      87,
      "invalid header count 1073741824",
    );
  });

  it("refuses records whose fields disagree with their length, negative lengths and null header keys", () => {
    const section = (bytes: number[]) => decodeRecordBatch(batchWithSection(bytes, 1));
    expectFailure(
      section([0x12, 0x00, 0x00, 0x00, 0x02, 0x6b, 0x02, 0x76, 0x00, 0x00]),
      "invalid-record",
      87,
      "declared 9 bytes but its fields take 8",
    );
    expectFailure(
      section([0x0c, 0x00, 0x00, 0x00, 0x03, 0x01, 0x00]),
      "invalid-record",
      87,
      "key length -2 is negative",
    );
    expectFailure(
      section([0x0e, 0x00, 0x00, 0x00, 0x01, 0x01, 0x02, 0x01, 0x01]),
      "invalid-record",
      87,
      "header key is null",
    );
    expectFailure(
      section([0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0, 0]),
      "invalid-record",
      87,
      "varint longer than 32 bits",
    );
    expectFailure(
      section([0x0e, 0x00, 0x00, 0x00, 0x02, 0x6b, 0x02, 0x76]),
      "invalid-record",
      87,
      "ends inside a varint",
    );
  });
});
