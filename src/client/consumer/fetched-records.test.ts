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

describe("readFetchedRecords' messages are the consumer's own", () => {
  it("keep their bytes when the response buffer is reused, and share a copy per batch", () => {
    const bytes = concat(
      batch({
        baseOffset: 0n,
        records: ["one", "two"].map((v) => ({
          value: text(v),
          headers: [{ key: "h", value: text(v) }],
        })),
      }),
      batch({ baseOffset: 2n, records: [{ value: text("three") }] }),
    );
    const read = readFetchedRecords(bytes, 0n, false, null);
    bytes.fill(0);
    expect(values(read.messages)).toEqual(["one", "two", "three"]);
    expect(new TextDecoder().decode(read.messages[1]!.headers.h as Uint8Array)).toBe("two");
    const [first, second, third] = read.messages.map((message) => message.value!);
    expect(first!.buffer).toBe(second!.buffer);
    expect(third!.buffer).not.toBe(first!.buffer);
  });

  it("writes offsets and timestamps out exactly, beyond 2^53 too, and reuses a repeated timestamp", () => {
    const huge = 2n ** 60n + 5n;
    const bytes = concat(
      batch({
        baseOffset: huge,
        records: [
          { value: text("a"), timestamp: 1_763_800_000_000n },
          { value: text("b"), timestamp: 1_763_800_000_000n },
          { value: text("c"), timestamp: 9_007_199_254_740_993n },
        ],
      }),
    );
    const read = readFetchedRecords(bytes, huge, false, null);
    expect(read.messages.map((m) => m.offset)).toEqual([
      huge.toString(),
      (huge + 1n).toString(),
      (huge + 2n).toString(),
    ]);
    expect(read.messages.map((m) => m.timestamp)).toEqual([
      "1763800000000",
      "1763800000000",
      "9007199254740993",
    ]);
  });

  it("gives headers no prototype, so a header named __proto__ is just a header", () => {
    const bytes = batch({
      baseOffset: 0n,
      records: [{ value: text("v"), headers: [{ key: "__proto__", value: text("x") }] }],
    });
    const [message] = readFetchedRecords(bytes, 0n, false, null).messages;
    expect(Object.keys(message!.headers)).toEqual(["__proto__"]);
    expect("toString" in message!.headers).toBe(false);
  });
});
