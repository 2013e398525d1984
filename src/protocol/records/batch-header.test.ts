import { describe, expect, it } from "vitest";
import { encoded, text } from "./testing/encoded-batch.ts";
import {
  incrementSequence,
  isRecordBatchCrcValid,
  readRecordBatchHeader,
  setBatchBaseOffset,
  setBatchMaxTimestamp,
  setBatchPartitionLeaderEpoch,
  decodeRecordBatch,
} from "./record-batch.ts";

function header(bytes: Uint8Array, position = 0) {
  const result = readRecordBatchHeader(bytes, position);
  if (!result.ok) throw result.error;
  return result.value;
}

describe("readRecordBatchHeader", () => {
  it("reads a batch in the middle of a buffer without decompressing it", () => {
    const batch = encoded({
      compression: "gzip",
      baseOffset: 300n,
      records: [
        { value: text("a"), timestamp: 10n },
        { value: text("b"), timestamp: 30n },
      ],
    });
    const buffer = new Uint8Array(50 + batch.length + 20);
    buffer.set(batch, 50);
    const read = header(buffer, 50);
    expect(read.position).toBe(50);
    expect(read.baseOffset).toBe(300n);
    expect(read.lastOffset).toBe(301n);
    expect(read.sizeInBytes).toBe(batch.length);
    expect(read.maxTimestamp).toBe(30n);
    expect(read.compression).toBe("gzip");
    expect(read.recordsCount).toBe(2);
    expect(isRecordBatchCrcValid(buffer, read)).toBe(true);
  });

  it("checks the CRC only on demand", () => {
    const batch = encoded({ records: [{ value: text("payload") }] });
    batch[batch.length - 3]! ^= 0x10;
    const read = header(batch); // reading the header does not look at the CRC
    expect(isRecordBatchCrcValid(batch, read)).toBe(false);
  });

  it("wraps sequences past 2^31-1 like Kafka's incrementSequence", () => {
    expect(incrementSequence(5, 3)).toBe(8);
    expect(incrementSequence(2 ** 31 - 1, 1)).toBe(0);
    expect(incrementSequence(2 ** 31 - 3, 5)).toBe(2);
    const read = header(
      encoded({ baseSequence: 2 ** 31 - 1, producerId: 3n, producerEpoch: 0, records: [{}, {}] }),
    );
    expect(read.lastSequence).toBe(0);
    expect(header(encoded({ records: [{}, {}] })).lastSequence).toBe(-1);
  });

  it("does not trust the records count (decoding does)", () => {
    const batch = encoded({ records: [{}] });
    new DataView(batch.buffer).setInt32(57, -5);
    expect(header(batch).recordsCount).toBe(-5);
  });
});

describe("in-place batch rewrites", () => {
  const original = () =>
    encoded({
      records: [
        { value: text("one"), timestamp: 100n },
        { value: text("two"), timestamp: 200n },
      ],
    });

  it("sets baseOffset and partitionLeaderEpoch outside the CRC, leaving it valid", () => {
    const batch = original();
    const crcBefore = header(batch).crc;
    setBatchBaseOffset(batch, 0, 9_000_000_000n);
    setBatchPartitionLeaderEpoch(batch, 0, 12);
    const read = header(batch);
    expect(read.crc).toBe(crcBefore);
    expect(isRecordBatchCrcValid(batch, read)).toBe(true);
    expect(read.baseOffset).toBe(9_000_000_000n);
    expect(read.lastOffset).toBe(9_000_000_001n);
    expect(read.partitionLeaderEpoch).toBe(12);
    const decoded = decodeRecordBatch(batch);
    expect(decoded.ok && decoded.value.records.map((record) => record.offset)).toEqual([
      9_000_000_000n,
      9_000_000_001n,
    ]);
  });

  it("stamps LogAppendTime into attributes and maxTimestamp and recomputes the CRC", () => {
    const batch = original();
    setBatchMaxTimestamp(batch, 0, "LogAppendTime", 5555n);
    const read = header(batch);
    expect(read.timestampType).toBe("LogAppendTime");
    expect(read.maxTimestamp).toBe(5555n);
    expect(isRecordBatchCrcValid(batch, read)).toBe(true);
    const decoded = decodeRecordBatch(batch);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value.records.map((record) => record.timestamp)).toEqual([5555n, 5555n]);
  });

  it("leaves the bytes alone when the timestamp type and value already match", () => {
    const batch = original();
    const before = batch.slice();
    setBatchMaxTimestamp(batch, 0, "CreateTime", 200n);
    expect(batch).toEqual(before);
  });

  it("works on a batch inside a larger buffer and refuses positions without a batch", () => {
    const batch = original();
    const buffer = new Uint8Array(batch.length + 10);
    buffer.set(batch, 10);
    setBatchMaxTimestamp(buffer, 10, "LogAppendTime", 1n);
    expect(isRecordBatchCrcValid(buffer, header(buffer, 10))).toBe(true);
    expect(() => setBatchBaseOffset(buffer, buffer.length - 5, 1n)).toThrow(RangeError);
    expect(() => setBatchMaxTimestamp(buffer, 0, "LogAppendTime", 1n)).toThrow(RangeError);
  });
});
