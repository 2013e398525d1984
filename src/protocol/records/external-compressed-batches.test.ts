// Batches whose records were compressed by other implementations (the gzip, lz4 and zstd
// command-line tools; see testing/external-fixtures.ts) must decode to the same records.
import { beforeAll, describe, expect, it } from "vitest";
import {
  RECORDS_POSITION,
  compressionTypeCode,
  decodeRecordBatch,
  encodeRecordBatch,
  initCompression,
  writeBatchCrc,
  type CompressionType,
} from "./record-batch.ts";
import { expectBytesEqual } from "./testing/bytes.ts";
import {
  SECTION_GZIP_CLI,
  SECTION_LZ4_CLI,
  SECTION_ZSTD_CLI_STREAMED,
  fixtureBatchInput,
  fromBase64,
} from "./testing/external-fixtures.ts";

/** The fixture batch's header with `section` (already compressed with `type`) as its records. */
function batchAround(type: CompressionType, section: Uint8Array): Uint8Array {
  const plain = encodeRecordBatch(fixtureBatchInput());
  if (!plain.ok) throw plain.error;
  const batch = new Uint8Array(RECORDS_POSITION + section.length);
  batch.set(plain.value.subarray(0, RECORDS_POSITION));
  batch.set(section, RECORDS_POSITION);
  const view = new DataView(batch.buffer);
  view.setInt32(8, batch.length - 12);
  view.setInt16(21, compressionTypeCode(type));
  writeBatchCrc(batch, 0);
  return batch;
}

beforeAll(async () => {
  await initCompression();
});

describe("batches compressed by other implementations", () => {
  for (const [type, fixture] of [
    ["gzip", SECTION_GZIP_CLI],
    ["lz4", SECTION_LZ4_CLI],
    ["zstd", SECTION_ZSTD_CLI_STREAMED],
  ] as const) {
    it(`decodes records compressed by the ${type} command-line tool`, () => {
      const input = fixtureBatchInput();
      const result = decodeRecordBatch(batchAround(type, fromBase64(fixture)));
      if (!result.ok) throw result.error;
      expect(result.value.header.compression).toBe(type);
      expect(result.value.records.length).toBe(input.records.length);
      result.value.records.forEach((record, index) => {
        const expected = input.records[index]!;
        expect(record.offset).toBe(BigInt(index));
        expect(record.timestamp).toBe(expected.timestamp);
        expectBytesEqual(record.key, expected.key ?? null);
        expectBytesEqual(record.value, expected.value ?? null);
        expect(record.headers.map((header) => header.key)).toEqual(
          expected.headers!.map((header) => header.key),
        );
      });
    });
  }
});
