import { beforeAll, describe, expect, it } from "vitest";
import { initCompression } from "../../protocol/records/compression/index.ts";
import type { CompressionType } from "../../protocol/records/attributes.ts";
import { encodeRecordBatch } from "../../protocol/records/record-batch-encoder.ts";
import type { RecordBatchInput } from "../../protocol/records/record-batch-input.ts";
import { readFetchedRecords } from "./fetched-records.ts";

const text = (value: string) => new TextEncoder().encode(value);

function batch(input: RecordBatchInput): Uint8Array {
  const encoded = encodeRecordBatch(input);
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const values = (records: { value: Uint8Array | null }[]) =>
  records.map((record) => new TextDecoder().decode(record.value ?? new Uint8Array(0)));

/** A control record's key: version 0, type 0 (abort) or 1 (commit). */
const marker = (type: number) => ({
  key: new Uint8Array([0, 0, 0, type]),
  value: new Uint8Array(6),
});

describe("readFetchedRecords", () => {
  beforeAll(() => initCompression());

  it.each(["none", "gzip", "snappy", "lz4", "zstd"] as CompressionType[])(
    "decodes %s batches and skips records before the fetch position",
    (compression) => {
      const bytes = concat(
        batch({
          baseOffset: 10n,
          compression,
          records: ["a", "b", "c"].map((v) => ({ value: text(v) })),
        }),
        batch({ baseOffset: 13n, compression, records: ["d"].map((v) => ({ value: text(v) })) }),
      );
      const read = readFetchedRecords(bytes, 11n, false, null);
      expect(values(read.messages)).toEqual(["b", "c", "d"]);
      expect(read.messages.map((m) => m.offset)).toEqual(["11", "12", "13"]);
      expect(read.nextOffset).toBe(14n);
    },
  );

  it("ignores a batch cut off at the end, and gives keys, timestamps and repeated headers", () => {
    const whole = batch({
      baseOffset: 0n,
      records: [
        {
          key: text("k"),
          value: text("v"),
          timestamp: 1_700_000_000_000n,
          headers: [
            { key: "trace", value: text("1") },
            { key: "trace", value: text("2") },
            { key: "empty", value: null },
          ],
        },
      ],
    });
    const cut = batch({ baseOffset: 1n, records: [{ value: text("partial") }] });
    const read = readFetchedRecords(
      concat(whole, cut.subarray(0, cut.length - 3)),
      0n,
      false,
      null,
    );
    expect(read.messages).toHaveLength(1);
    const [message] = read.messages;
    expect(new TextDecoder().decode(message!.key!)).toBe("k");
    expect(message!.timestamp).toBe("1700000000000");
    expect(message!.headers.trace).toEqual([text("1"), text("2")]);
    expect(message!.headers.empty).toBeNull();
    expect(read.nextOffset).toBe(1n);
  });

  it("never shows control records, and drops aborted transactions under read_committed only", () => {
    const producer = { producerId: 7n, producerEpoch: 0, isTransactional: true };
    const bytes = concat(
      batch({
        ...producer,
        baseOffset: 0n,
        baseSequence: 0,
        records: [{ value: text("aborted") }],
      }),
      batch({ ...producer, baseOffset: 1n, isControl: true, records: [marker(0)] }),
      batch({
        ...producer,
        baseOffset: 2n,
        baseSequence: 1,
        records: [{ value: text("committed") }],
      }),
      batch({ ...producer, baseOffset: 3n, isControl: true, records: [marker(1)] }),
    );
    const aborted = [{ producerId: 7n, firstOffset: 0n }];
    const committed = readFetchedRecords(bytes, 0n, true, aborted);
    expect(values(committed.messages)).toEqual(["committed"]);
    expect(committed.nextOffset).toBe(4n);
    const uncommitted = readFetchedRecords(bytes, 0n, false, aborted);
    expect(values(uncommitted.messages)).toEqual(["aborted", "committed"]);
  });

  it("refuses a corrupt batch with CORRUPT_MESSAGE", () => {
    const bytes = batch({ baseOffset: 0n, records: [{ value: text("x") }] });
    bytes[bytes.length - 1]! ^= 0xff;
    expect(() => readFetchedRecords(bytes, 0n, false, null)).toThrow(/CORRUPT_MESSAGE/);
  });
});
